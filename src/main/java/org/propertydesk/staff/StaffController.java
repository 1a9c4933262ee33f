package org.propertydesk.staff;

import jakarta.validation.Valid;

import org.propertydesk.records.SiteDirectory;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.PageLinks;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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

@Controller
@RequestMapping("/staff")
@PreAuthorize("hasRole('ADMIN')")
class StaffController {

    private final StaffService service;
    private final SiteDirectory sites;

    StaffController(StaffService service, SiteDirectory sites) {
        this.service = service;
        this.sites = sites;
    }

    @ModelAttribute
    void reference(Model model) {
        model.addAttribute("allRoles", Role.STAFF_ROLES);
        model.addAttribute("sites", sites.all());
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Page<Staff> result = service.search(q, active, PageRequest.of(Math.max(page, 0), 25, Sort.by("username")));
        model.addAttribute("staffPage", result);
        model.addAttribute("pages", PageLinks.of(result));
        model.addAttribute("q", q);
        model.addAttribute("active", active);
        return "staff/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new StaffForm());
        return "staff/form";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") StaffForm form, BindingResult binding, RedirectAttributes redirect) {
        if (form.getPassword() == null || form.getPassword().length() < StaffService.MIN_PASSWORD_LENGTH) {
            binding.rejectValue("password", "staff.password.tooShort", new Object[] {StaffService.MIN_PASSWORD_LENGTH}, null);
        }
        validateSites(form, binding);
        validateRoles(form, binding);
        if (!binding.hasFieldErrors("username") && service.usernameTaken(form.getUsername())) {
            binding.rejectValue("username", "staff.error.usernameTaken");
        }
        if (binding.hasErrors()) {
            return "staff/form";
        }
        Staff created = service.create(form);
        Flash.success(redirect, "staff.created", created.getUsername());
        return "redirect:/staff";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Staff account = service.get(id);
        model.addAttribute("account", account);
        model.addAttribute("form", StaffForm.of(account));
        return "staff/form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") StaffForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        Staff account = service.get(id);
        form.setUsername(account.getUsername());
        validateSites(form, binding);
        validateRoles(form, binding);
        if (binding.hasErrors()) {
            model.addAttribute("account", account);
            return "staff/form";
        }
        try {
            service.update(id, form);
        } catch (BusinessRuleException refused) {
            binding.reject(refused.messageKey());
            model.addAttribute("account", service.get(id));
            return "staff/form";
        }
        Flash.success(redirect, "staff.updated", account.getUsername());
        return "redirect:/staff";
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        service.deactivate(id);
        Flash.success(redirect, "staff.deactivated");
        return "redirect:/staff";
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable long id, RedirectAttributes redirect) {
        service.activate(id);
        Flash.success(redirect, "staff.activated");
        return "redirect:/staff";
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
        if (password == null || password.length() < StaffService.MIN_PASSWORD_LENGTH) {
            Flash.error(redirect, "staff.password.tooShort", StaffService.MIN_PASSWORD_LENGTH);
            return "redirect:/staff/" + id + "/edit";
        }
        if (password.length() > StaffService.MAX_PASSWORD_LENGTH) {
            Flash.error(redirect, "staff.password.tooLong", StaffService.MAX_PASSWORD_LENGTH);
            return "redirect:/staff/" + id + "/edit";
        }
        service.resetPassword(id, password);
        Flash.success(redirect, "staff.passwordReset");
        return "redirect:/staff/" + id + "/edit";
    }

    /** Owners log in through the portal; a staff account can only hold staff roles. */
    private static void validateRoles(StaffForm form, BindingResult binding) {
        if (!Role.STAFF_ROLES.containsAll(form.getRoles())) {
            binding.rejectValue("roles", "staff.roles.staffOnly");
        }
    }

    private static void validateSites(StaffForm form, BindingResult binding) {
        if (!form.isAllSites() && form.getSiteIds().isEmpty()) {
            binding.rejectValue("siteIds", "staff.sites.required");
        }
    }
}
