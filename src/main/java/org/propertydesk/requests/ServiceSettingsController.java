package org.propertydesk.requests;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.NotFoundException;
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
 * Settings pages for requests: categories, reply templates, SLA policies, business hours and holidays.
 */
@Controller
@RequestMapping("/requests/settings")
@PreAuthorize("hasAnyRole('ADMIN','MANAGER')")
class ServiceSettingsController {

    private final ServiceSettings settings;
    private final ReplyTemplates templates;
    private final SiteDirectory sites;

    ServiceSettingsController(ServiceSettings settings, ReplyTemplates templates, SiteDirectory sites) {
        this.settings = settings;
        this.templates = templates;
        this.sites = sites;
    }

    @ModelAttribute
    void reference(Model model, Locale locale) {
        List<RequestCategory> all = settings.categories();
        model.addAttribute("allCategories", all);
        model.addAttribute("categoryNames", all.stream().collect(Collectors.toMap(RequestCategory::getCode, c -> c.name(locale))));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("kinds", RequestKind.values());
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
    }

    @GetMapping
    String index() {
        return "redirect:/requests/settings/categories";
    }

    @GetMapping("/categories")
    String categories(Model model) {
        model.addAttribute("form", new CategoryForm());
        return "requests/settings/categories";
    }

    @GetMapping("/categories/{id}")
    String category(@PathVariable long id, Model model) {
        RequestCategory category = settings.category(id);
        model.addAttribute("category", category);
        model.addAttribute("form", CategoryForm.of(category));
        return "requests/settings/category";
    }

    @PostMapping("/categories")
    String createCategory(@Valid @ModelAttribute("form") CategoryForm form, BindingResult binding, RedirectAttributes redirect) {
        if (!binding.hasFieldErrors("code") && settings.categoryCodeTaken(form.getCode())) {
            binding.rejectValue("code", "category.error.codeTaken");
        }
        if (binding.hasErrors()) {
            return "requests/settings/categories";
        }
        try {
            settings.saveCategory(null, form);
        } catch (BusinessRuleException refused) {
            binding.rejectValue("parentCode", refused.messageKey());
            return "requests/settings/categories";
        }
        Flash.success(redirect, "settings.saved");
        return "redirect:/requests/settings/categories";
    }

    @PostMapping("/categories/{id}")
    String updateCategory(@PathVariable long id, @Valid @ModelAttribute("form") CategoryForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        RequestCategory category = settings.category(id);
        form.setCode(category.getCode());
        if (!binding.hasErrors()) {
            try {
                settings.saveCategory(id, form);
                Flash.success(redirect, "settings.saved");
                return "redirect:/requests/settings/categories";
            } catch (BusinessRuleException refused) {
                binding.reject(refused.messageKey());
            }
        }
        model.addAttribute("category", category);
        return "requests/settings/category";
    }

    @GetMapping("/templates")
    String templates(Model model) {
        model.addAttribute("templates", templates.all());
        model.addAttribute("form", new ReplyTemplateForm());
        return "requests/settings/templates";
    }

    @GetMapping("/templates/{id}")
    String template(@PathVariable long id, Model model) {
        ReplyTemplate template = templates.get(id);
        model.addAttribute("template", template);
        model.addAttribute("form", ReplyTemplateForm.of(template));
        return "requests/settings/template";
    }

    @PostMapping({"/templates", "/templates/{id}"})
    String saveTemplate(@PathVariable(required = false) Long id, @Valid @ModelAttribute("form") ReplyTemplateForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            if (id == null) {
                model.addAttribute("templates", templates.all());
                return "requests/settings/templates";
            }
            model.addAttribute("template", templates.get(id));
            return "requests/settings/template";
        }
        templates.save(id, form);
        Flash.success(redirect, "settings.saved");
        return "redirect:/requests/settings/templates";
    }

    @GetMapping("/sla")
    String sla(Model model) {
        List<SlaPolicy> all = settings.policies();
        model.addAttribute("companyPolicies", all.stream().filter(p -> p.getSiteId() == null).toList());
        model.addAttribute("overrides", all.stream().filter(p -> p.getSiteId() != null
                && CurrentUser.siteScope().includes(p.getSiteId())).toList());
        model.addAttribute("siteNames", sites.all().stream().collect(Collectors.toMap(SiteSummary::id, SiteSummary::name)));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SlaPolicyForm());
        }
        return "requests/settings/sla";
    }

    @GetMapping("/sla/{id}")
    String policy(@PathVariable long id, Model model) {
        SlaPolicy policy = visiblePolicy(id);
        model.addAttribute("policy", policy);
        model.addAttribute("form", SlaPolicyForm.of(policy));
        return "requests/settings/sla-policy";
    }

    @PostMapping({"/sla", "/sla/{id}"})
    String savePolicy(@PathVariable(required = false) Long id, @Valid @ModelAttribute("form") SlaPolicyForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (id == null && form.getSiteId() != null && !CurrentUser.siteScope().includes(form.getSiteId())) {
            binding.rejectValue("siteId", "house.error.siteNotYours");
        }
        if (!binding.hasErrors()) {
            try {
                if (id != null) {
                    visiblePolicy(id);
                }
                settings.savePolicy(id, form);
                Flash.success(redirect, "settings.saved");
                return "redirect:/requests/settings/sla";
            } catch (BusinessRuleException refused) {
                binding.reject(refused.messageKey());
            }
        }
        if (id == null) {
            return sla(model);
        }
        model.addAttribute("policy", visiblePolicy(id));
        return "requests/settings/sla-policy";
    }

    @PostMapping("/sla/{id}/delete")
    String deleteOverride(@PathVariable long id, RedirectAttributes redirect) {
        visiblePolicy(id);
        settings.deleteOverride(id);
        Flash.success(redirect, "settings.saved");
        return "redirect:/requests/settings/sla";
    }

    @GetMapping("/hours")
    String hours(@RequestParam(required = false) Long siteId, Model model) {
        List<SiteSummary> visible = sites.visibleIn(CurrentUser.siteScope());
        if (visible.isEmpty()) {
            return "requests/settings/hours";
        }
        long site = siteId != null ? requireSite(siteId) : visible.get(0).id();
        model.addAttribute("siteId", site);
        model.addAttribute("week", settings.week(site));
        model.addAttribute("holidays", settings.holidays(site));
        return "requests/settings/hours";
    }

    @PostMapping("/hours")
    String saveHours(@RequestParam long siteId, @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        requireSite(siteId);
        List<ServiceSettings.Day> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean open = values.containsKey("open" + day.getValue());
            week.add(new ServiceSettings.Day(day, open, time(values.get("opens" + day.getValue())),
                    time(values.get("closes" + day.getValue()))));
        }
        settings.saveWeek(siteId, week);
        Flash.success(redirect, "settings.saved");
        return "redirect:/requests/settings/hours?siteId=" + siteId;
    }

    @PostMapping("/holidays")
    String addHoliday(@RequestParam long siteId, @RequestParam(defaultValue = "false") boolean allSites,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) String name, RedirectAttributes redirect) {
        requireSite(siteId);
        if (day == null || name == null || name.isBlank() || name.length() > 100) {
            Flash.error(redirect, "hours.error.holiday");
        } else {
            settings.addHoliday(allSites && CurrentUser.siteScope().allSites() ? null : siteId, day, name.strip());
            Flash.success(redirect, "settings.saved");
        }
        return "redirect:/requests/settings/hours?siteId=" + siteId;
    }

    @PostMapping("/holidays/{id}/delete")
    String removeHoliday(@PathVariable long id, @RequestParam long siteId, RedirectAttributes redirect) {
        requireSite(siteId);
        boolean mine = settings.holiday(id, siteId)
                .filter(h -> h.siteId() != null || CurrentUser.siteScope().allSites()).isPresent();
        if (!mine) {
            throw new NotFoundException("Holiday", id);
        }
        settings.removeHoliday(id);
        Flash.success(redirect, "settings.saved");
        return "redirect:/requests/settings/hours?siteId=" + siteId;
    }

    private SlaPolicy visiblePolicy(long id) {
        SlaPolicy policy = settings.policy(id);
        if (policy.getSiteId() != null && !CurrentUser.siteScope().includes(policy.getSiteId())) {
            throw new NotFoundException("Policy", id);
        }
        if (policy.getSiteId() == null && !CurrentUser.siteScope().allSites()) {
            throw new BusinessRuleException("sla.error.companyWide");
        }
        return policy;
    }

    private static long requireSite(long siteId) {
        if (!CurrentUser.siteScope().includes(siteId)) {
            throw new NotFoundException("Site", siteId);
        }
        return siteId;
    }

    private static LocalTime time(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalTime.parse(value);
        } catch (DateTimeParseException unreadable) {
            throw new BusinessRuleException("hours.error.order");
        }
    }
}
