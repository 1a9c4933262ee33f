package org.propertydesk.care;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import jakarta.validation.Valid;

import org.propertydesk.records.SiteDirectory;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
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
 * The staff side of community activities: the list for the sites the person serves, planning and changing an
 * activity, who signed up and who is waiting, and the attendance after it has started.
 */
@Controller
@RequestMapping("/activities")
@PreAuthorize("hasAnyRole('ADMIN','MANAGER','FRONT_DESK')")
class ActivityController {

    private final Activities activities;
    private final SiteDirectory sites;
    private final Dates dates;

    ActivityController(Activities activities, SiteDirectory sites, Dates dates) {
        this.activities = activities;
        this.sites = sites;
        this.dates = dates;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        var result = activities.list(page);
        model.addAttribute("activities", result.getContent());
        model.addAttribute("pages", PageLinks.of(result));
        return "care/activities/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        LocalDateTime start = LocalDateTime.ofInstant(dates.now(), dates.zone()).truncatedTo(ChronoUnit.DAYS)
                .plusDays(7).withHour(9);
        ActivityForm form = new ActivityForm();
        form.setStartsAt(start);
        form.setEndsAt(start.plusHours(2));
        var visible = sites.visibleIn(CurrentUser.siteScope());
        if (visible.size() == 1) {
            form.setSiteId(visible.get(0).id());
        }
        model.addAttribute("form", form);
        return formPage(model, null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") ActivityForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                Activity activity = activities.plan(form);
                Flash.success(redirect, "activity.planned");
                return "redirect:/activities/" + activity.getId();
            } catch (ActivityFieldRefusal refused) {
                binding.rejectValue(refused.field(), refused.messageKey());
            }
        }
        return formPage(model, null);
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        var detail = activities.detail(id);
        model.addAttribute("detail", detail);
        model.addAttribute("activity", detail.activity());
        model.addAttribute("started", detail.activity().hasStarted(dates.now()));
        return "care/activities/activity";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model, RedirectAttributes redirect) {
        Activity activity = activities.get(id);
        if (activity.hasStarted(dates.now())) {
            Flash.error(redirect, "activity.error.started");
            return "redirect:/activities/" + id;
        }
        model.addAttribute("form", ActivityForm.of(activity, dates.zone()));
        return formPage(model, activity);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ActivityForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        Activity activity = activities.get(id);
        if (!binding.hasErrors()) {
            try {
                activities.change(id, form);
                Flash.success(redirect, "activity.saved");
                return "redirect:/activities/" + id;
            } catch (ActivityFieldRefusal refused) {
                binding.rejectValue(refused.field(), refused.messageKey());
            } catch (BusinessRuleException refused) {
                Flash.error(redirect, refused.messageKey());
                return "redirect:/activities/" + id;
            }
        }
        return formPage(model, activity);
    }

    @PostMapping("/{id}/attendance")
    String attendance(@PathVariable long id, @RequestParam(name = "attended", required = false) Set<Long> attended,
            RedirectAttributes redirect) {
        try {
            activities.recordAttendance(id, attended == null ? Set.of() : attended);
            Flash.success(redirect, "activity.attendance.saved");
        } catch (BusinessRuleException refused) {
            Flash.error(redirect, refused.messageKey());
        }
        return "redirect:/activities/" + id;
    }

    private String formPage(Model model, Activity activity) {
        model.addAttribute("activity", activity);
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        return "care/activities/form";
    }
}
