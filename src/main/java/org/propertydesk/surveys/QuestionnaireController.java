package org.propertydesk.surveys;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.PageLinks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The questionnaires of the person's sites; managers build them (details, target sites, questions in order), open
 * and close them, and copy the last one. The questionnaire page also finds a house to enter an answer for or to make
 * its owner's link.
 */
@Controller
@RequestMapping("/surveys")
@PreAuthorize(SurveyAccess.ENTRY)
class QuestionnaireController {

    private final Questionnaires questionnaires;
    private final HouseFinder houses;
    private final SiteDirectory sites;
    private final Dates dates;

    QuestionnaireController(Questionnaires questionnaires, HouseFinder houses, SiteDirectory sites, Dates dates) {
        this.questionnaires = questionnaires;
        this.houses = houses;
        this.sites = sites;
        this.dates = dates;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        var result = questionnaires.list(page);
        model.addAttribute("questionnaires", result.getContent());
        model.addAttribute("pages", PageLinks.of(result));
        model.addAttribute("canManage", canManage());
        return "surveys/list";
    }

    @GetMapping("/new")
    @PreAuthorize(SurveyAccess.MANAGERS)
    String newForm(Model model) {
        model.addAttribute("form", QuestionnaireForm.startingOn(dates.today()));
        return formPage(model, null);
    }

    @PostMapping
    @PreAuthorize(SurveyAccess.MANAGERS)
    String create(@Valid @ModelAttribute("form") QuestionnaireForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                Questionnaire created = questionnaires.create(form);
                Flash.success(redirect, "survey.saved");
                return "redirect:/surveys/" + created.getId();
            } catch (FormRefusal refused) {
                reject(binding, refused);
            }
        }
        return formPage(model, null);
    }

    @PostMapping("/copy-last")
    @PreAuthorize(SurveyAccess.MANAGERS)
    String copyLast(RedirectAttributes redirect) {
        Questionnaire copy = questionnaires.copyLast();
        Flash.success(redirect, "survey.copied");
        return "redirect:/surveys/" + copy.getId();
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String house, Model model) {
        Questionnaire q = questionnaires.get(id);
        if (!model.containsAttribute("questionForm")) {
            model.addAttribute("questionForm", new QuestionForm());
        }
        model.addAttribute("q", q);
        model.addAttribute("siteNames", siteNames());
        model.addAttribute("canManage", canManage());
        model.addAttribute("lines", ServiceLine.values());
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("house", house == null ? "" : house.strip());
        model.addAttribute("found", house == null || house.isBlank() ? List.of() : houses.find(q, house));
        model.addAttribute("searched", house != null && !house.isBlank());
        return "surveys/questionnaire";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(SurveyAccess.MANAGERS)
    String edit(@PathVariable long id, Model model) {
        Questionnaire q = questionnaires.get(id);
        q.requireDraft();
        model.addAttribute("form", QuestionnaireForm.of(q));
        return formPage(model, q);
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize(SurveyAccess.MANAGERS)
    String update(@PathVariable long id, @Valid @ModelAttribute("form") QuestionnaireForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        Questionnaire q = questionnaires.get(id);
        if (!binding.hasErrors()) {
            try {
                questionnaires.update(id, form);
                Flash.success(redirect, "survey.saved");
                return "redirect:/surveys/" + id;
            } catch (FormRefusal refused) {
                reject(binding, refused);
            }
        }
        return formPage(model, q);
    }

    @PostMapping("/{id}/questions")
    @PreAuthorize(SurveyAccess.MANAGERS)
    String addQuestion(@PathVariable long id, @Valid @ModelAttribute("questionForm") QuestionForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                questionnaires.addQuestion(id, form);
                Flash.success(redirect, "survey.question.added");
                return "redirect:/surveys/" + id;
            } catch (FormRefusal refused) {
                reject(binding, refused);
            }
        }
        return show(id, null, model);
    }

    @PostMapping("/{id}/questions/{questionId}/delete")
    @PreAuthorize(SurveyAccess.MANAGERS)
    String deleteQuestion(@PathVariable long id, @PathVariable long questionId, RedirectAttributes redirect) {
        questionnaires.removeQuestion(id, questionId);
        Flash.success(redirect, "survey.question.deleted");
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/{id}/questions/{questionId}/move")
    @PreAuthorize(SurveyAccess.MANAGERS)
    String moveQuestion(@PathVariable long id, @PathVariable long questionId, @RequestParam int by) {
        questionnaires.moveQuestion(id, questionId, by < 0 ? -1 : 1);
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/{id}/open")
    @PreAuthorize(SurveyAccess.MANAGERS)
    String open(@PathVariable long id, RedirectAttributes redirect) {
        questionnaires.open(id);
        Flash.success(redirect, "survey.opened");
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(SurveyAccess.MANAGERS)
    String close(@PathVariable long id, RedirectAttributes redirect) {
        questionnaires.close(id);
        Flash.success(redirect, "survey.closed");
        return "redirect:/surveys/" + id + "/results";
    }

    private String formPage(Model model, Questionnaire q) {
        model.addAttribute("q", q);
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        return "surveys/form";
    }

    private Map<Long, String> siteNames() {
        return sites.all().stream().collect(Collectors.toMap(SiteSummary::id, SiteSummary::name));
    }

    private static boolean canManage() {
        return CurrentUser.find().map(u -> u.hasRole(Role.MANAGER) || u.hasRole(Role.ADMIN)).orElse(false);
    }

    private static void reject(BindingResult binding, FormRefusal refused) {
        if (refused.field() == null) {
            binding.reject(refused.messageKey());
        } else {
            binding.rejectValue(refused.field(), refused.messageKey());
        }
    }
}
