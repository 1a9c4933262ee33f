package org.propertydesk.dispatch;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.Flash;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The dispatch settings pages: technicians' skills and teams, teams, the duty roster and automatic-dispatch rules for
 * managers, the materials price list for admins.
 */
@Controller
@RequestMapping("/dispatch")
@PreAuthorize(DispatchAccess.MANAGERS)
class DispatchSettingsController {

    private final DispatchSettings settings;
    private final SiteDirectory sites;
    private final RequestWork work;
    private final MessageSource messages;
    private final Dates dates;

    DispatchSettingsController(DispatchSettings settings, SiteDirectory sites, RequestWork work, MessageSource messages,
            Dates dates) {
        this.settings = settings;
        this.sites = sites;
        this.work = work;
        this.messages = messages;
        this.dates = dates;
    }

    // ---- materials -------------------------------------------------------------------------------------------------

    @GetMapping("/materials")
    @PreAuthorize(DispatchAccess.ADMINS)
    String materials(Model model) {
        model.addAttribute("materials", settings.materials());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new MaterialForm());
        }
        return "dispatch/settings/materials";
    }

    @PostMapping("/materials")
    @PreAuthorize(DispatchAccess.ADMINS)
    String addMaterial(@Valid @ModelAttribute("form") MaterialForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (saved(binding, () -> settings.addMaterial(form))) {
            Flash.success(redirect, "dispatchSettings.saved");
            return "redirect:/dispatch/materials";
        }
        return materials(model);
    }

    @GetMapping("/materials/{id}")
    @PreAuthorize(DispatchAccess.ADMINS)
    String material(@PathVariable long id, Model model) {
        Material material = settings.material(id);
        model.addAttribute("material", material);
        model.addAttribute("form", MaterialForm.of(material));
        return "dispatch/settings/material";
    }

    @PostMapping("/materials/{id}")
    @PreAuthorize(DispatchAccess.ADMINS)
    String updateMaterial(@PathVariable long id, @Valid @ModelAttribute("form") MaterialForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        Material material = settings.material(id);
        form.setCode(material.getCode());
        if (saved(binding, () -> settings.updateMaterial(id, form))) {
            Flash.success(redirect, "dispatchSettings.saved");
            return "redirect:/dispatch/materials";
        }
        model.addAttribute("material", material);
        return "dispatch/settings/material";
    }

    @PostMapping("/materials/{id}/deactivate")
    @PreAuthorize(DispatchAccess.ADMINS)
    String deactivateMaterial(@PathVariable long id, RedirectAttributes redirect) {
        settings.deactivateMaterial(id);
        Flash.success(redirect, "material.deactivated");
        return "redirect:/dispatch/materials";
    }

    // ---- technicians -----------------------------------------------------------------------------------------------

    @GetMapping("/technicians")
    String technicians(Model model, Locale locale) {
        List<DispatchSettings.TechnicianView> technicians = settings.technicians();
        model.addAttribute("technicians", technicians);
        model.addAttribute("teamNames", settings.teamNames());
        model.addAttribute("siteNames", siteNames());
        model.addAttribute("skillNames", skillNames(technicians.stream().flatMap(t -> t.skills().stream()).toList(), locale));
        return "dispatch/settings/technicians";
    }

    @GetMapping("/technicians/{staffId}")
    String technician(@PathVariable long staffId, Model model, Locale locale) {
        DispatchSettings.TechnicianView technician = settings.technician(staffId);
        model.addAttribute("form", TechnicianForm.of(technician));
        return technicianPage(technician, model, locale);
    }

    @PostMapping("/technicians/{staffId}")
    String saveTechnician(@PathVariable long staffId, @ModelAttribute("form") TechnicianForm form, BindingResult binding,
            Model model, Locale locale, RedirectAttributes redirect) {
        DispatchSettings.TechnicianView technician = settings.technician(staffId);
        if (saved(binding, () -> settings.saveTechnician(staffId, form))) {
            Flash.success(redirect, "dispatchSettings.saved");
            return "redirect:/dispatch/technicians";
        }
        return technicianPage(technician, model, locale);
    }

    private String technicianPage(DispatchSettings.TechnicianView technician, Model model, Locale locale) {
        List<String> skills = settings.skillChoices(technician.skills());
        model.addAttribute("technician", technician);
        model.addAttribute("skills", skills);
        model.addAttribute("skillNames", skillNames(skills, locale));
        model.addAttribute("teams", settings.teamChoices(technician.teamId()));
        model.addAttribute("siteNames", siteNames());
        return "dispatch/settings/technician";
    }

    // ---- teams -----------------------------------------------------------------------------------------------------

    @GetMapping("/teams")
    String teams(Model model) {
        model.addAttribute("teams", settings.teams());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TeamForm());
        }
        return teamPage(model, "dispatch/settings/teams");
    }

    @PostMapping("/teams")
    String addTeam(@Valid @ModelAttribute("form") TeamForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (saved(binding, () -> settings.addTeam(form))) {
            Flash.success(redirect, "dispatchSettings.saved");
            return "redirect:/dispatch/teams";
        }
        return teams(model);
    }

    @GetMapping("/teams/{id}")
    String team(@PathVariable long id, Model model) {
        Team team = settings.team(id);
        model.addAttribute("team", team);
        model.addAttribute("form", TeamForm.of(team));
        return teamPage(model, "dispatch/settings/team");
    }

    @PostMapping("/teams/{id}")
    String updateTeam(@PathVariable long id, @Valid @ModelAttribute("form") TeamForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        Team team = settings.team(id);
        if (saved(binding, () -> settings.updateTeam(id, form))) {
            Flash.success(redirect, "dispatchSettings.saved");
            return "redirect:/dispatch/teams";
        }
        model.addAttribute("team", team);
        return teamPage(model, "dispatch/settings/team");
    }

    private String teamPage(Model model, String view) {
        model.addAttribute("siteNames", siteNames());
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        model.addAttribute("technicians", settings.technicians());
        return view;
    }

    // ---- roster ----------------------------------------------------------------------------------------------------

    @GetMapping("/roster")
    String roster(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
            Model model) {
        LocalDate today = dates.today();
        // a week typed into the address bar far outside any roster shows this week instead of failing
        boolean plausible = week != null && Math.abs(ChronoUnit.YEARS.between(today, week)) <= 10;
        DispatchSettings.Roster roster = settings.roster(plausible ? week : today);
        model.addAttribute("roster", roster);
        model.addAttribute("today", today);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ShiftForm.on(roster.days().contains(today) ? today : roster.monday()));
        }
        return "dispatch/settings/roster";
    }

    @PostMapping("/roster/shifts")
    String addShift(@Valid @ModelAttribute("form") ShiftForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (saved(binding, () -> settings.addShift(form))) {
            Flash.success(redirect, "roster.shiftAdded");
            return "redirect:/dispatch/roster?week=" + DispatchSettings.monday(form.getDay());
        }
        return roster(form.getDay(), model);
    }

    @PostMapping("/roster/shifts/{id}/delete")
    String deleteShift(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
            RedirectAttributes redirect) {
        settings.deleteShift(id);
        Flash.success(redirect, "roster.shiftDeleted");
        return "redirect:/dispatch/roster?week=" + DispatchSettings.monday(week);
    }

    @PostMapping("/roster/copy")
    String copyPreviousWeek(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
            RedirectAttributes redirect) {
        DispatchSettings.Copied copied = settings.copyPreviousWeek(week);
        Flash.success(redirect, "roster.copied", copied.copied(), copied.skipped());
        return "redirect:/dispatch/roster?week=" + DispatchSettings.monday(week);
    }

    // ---- automatic-dispatch rules ----------------------------------------------------------------------------------

    @GetMapping("/rules")
    String rules(Model model, Locale locale) {
        model.addAttribute("rules", settings.rules());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DispatchRuleForm());
        }
        return rulePage(model, locale, "dispatch/settings/rules");
    }

    @PostMapping("/rules")
    String addRule(@Valid @ModelAttribute("form") DispatchRuleForm form, BindingResult binding, Model model,
            Locale locale, RedirectAttributes redirect) {
        if (saved(binding, () -> settings.addRule(form))) {
            Flash.success(redirect, "dispatchSettings.saved");
            return "redirect:/dispatch/rules";
        }
        return rules(model, locale);
    }

    @GetMapping("/rules/{id}")
    String rule(@PathVariable long id, Model model, Locale locale) {
        DispatchRule rule = settings.rule(id);
        model.addAttribute("rule", rule);
        model.addAttribute("form", DispatchRuleForm.of(rule));
        return rulePage(model, locale, "dispatch/settings/rule");
    }

    @PostMapping("/rules/{id}")
    String updateRule(@PathVariable long id, @Valid @ModelAttribute("form") DispatchRuleForm form, BindingResult binding,
            Model model, Locale locale, RedirectAttributes redirect) {
        DispatchRule rule = settings.rule(id);
        form.setSiteId(rule.getSiteId());
        form.setCategoryId(rule.getCategoryId());
        if (saved(binding, () -> settings.updateRule(id, form))) {
            Flash.success(redirect, "dispatchSettings.saved");
            return "redirect:/dispatch/rules";
        }
        model.addAttribute("rule", rule);
        return rulePage(model, locale, "dispatch/settings/rule");
    }

    @PostMapping("/rules/{id}/delete")
    String deleteRule(@PathVariable long id, RedirectAttributes redirect) {
        settings.deleteRule(id);
        Flash.success(redirect, "dispatchRule.deleted");
        return "redirect:/dispatch/rules";
    }

    private String rulePage(Model model, Locale locale, String view) {
        List<RequestWork.Category> categories = work.categories();
        model.addAttribute("categories", categories);
        model.addAttribute("categoryNames", categoryNames(categories, locale));
        model.addAttribute("siteNames", siteNames());
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        return view;
    }

    // ---- shared ----------------------------------------------------------------------------------------------------

    /**
     * Saves unless the form already has errors; a refusal the person can put right goes onto the form. Other refusals
     * (a concurrent change) go to the exception handler, which reloads the page with the current values.
     */
    private static boolean saved(BindingResult binding, Runnable save) {
        if (binding.hasErrors()) {
            return false;
        }
        try {
            save.run();
            return true;
        } catch (DispatchSettings.FormRefusal refused) {
            if (refused.field() == null) {
                binding.reject(refused.messageKey());
            } else {
                binding.rejectValue(refused.field(), refused.messageKey());
            }
            return false;
        }
    }

    private Map<Long, String> siteNames() {
        return sites.all().stream().collect(Collectors.toMap(SiteSummary::id, SiteSummary::name));
    }

    /** Skill codes are free text on categories: a code without a translation is shown as it is. */
    private Map<String, String> skillNames(Collection<String> codes, Locale locale) {
        return codes.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), code -> messages.getMessage("skill." + code, null, code, locale)));
    }

    /** A child category is named with its parent, as the request pages do: "Water › Leak". */
    private static Map<Long, String> categoryNames(List<RequestWork.Category> categories, Locale locale) {
        Map<Long, RequestWork.Category> byId = categories.stream()
                .collect(Collectors.toMap(RequestWork.Category::id, Function.identity()));
        return categories.stream().collect(Collectors.toMap(RequestWork.Category::id, c -> {
            RequestWork.Category parent = c.parentId() == null ? null : byId.get(c.parentId());
            return parent == null ? c.name(locale) : parent.name(locale) + " › " + c.name(locale);
        }));
    }
}
