package org.propertydesk.care;

import java.util.Locale;

import jakarta.validation.Valid;

import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One household of a round: who to contact, the contacts so far, and the form for the next one. */
@Controller
@RequestMapping("/care/tasks")
@PreAuthorize(CareProgrammeController.STAFF)
class CareTaskController {

    private final CareTasks tasks;
    private final CareProgrammes programmes;
    private final Dates dates;

    CareTaskController(CareTasks tasks, CareProgrammes programmes, Dates dates) {
        this.tasks = tasks;
        this.programmes = programmes;
        this.dates = dates;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("form", new CareContactForm());
        return page(tasks.task(id), model);
    }

    @PostMapping("/{id}/contacts")
    String record(@PathVariable long id, @Valid @ModelAttribute("form") CareContactForm form, BindingResult binding,
            Model model, RedirectAttributes redirect, Locale locale) {
        CareTasks.Task task = tasks.task(id);
        if (!binding.hasErrors()) {
            try {
                tasks.record(id, form, locale);
                Flash.success(redirect, "care.contact.saved", task.customerName());
                return "redirect:/care/programmes/" + task.programmeId() + "?round=" + task.roundStart();
            } catch (BusinessRuleException refused) {
                if ("care.error.outcome".equals(refused.messageKey())) {
                    binding.rejectValue("outcome", refused.messageKey());
                } else {
                    binding.reject(refused.messageKey());
                }
            }
        }
        return page(task, model);
    }

    private String page(CareTasks.Task task, Model model) {
        CareProgramme programme = programmes.get(task.programmeId());
        model.addAttribute("task", task);
        model.addAttribute("programme", programme);
        model.addAttribute("open", programme.runsOn(dates.today()) && programme.roundOn(dates.today()).equals(task.roundStart()));
        model.addAttribute("contacts", tasks.contacts(task.id()));
        model.addAttribute("outcomes", CareTaskStatus.OUTCOMES);
        return "care/programmes/task";
    }
}
