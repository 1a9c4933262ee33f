package org.propertydesk.portal;

import jakarta.servlet.http.HttpServletRequest;

import org.propertydesk.records.PhoneNumbers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The public pages where the holder of a front-desk code activates an owner account or sets a new password, without
 * logging in. Every refusal is shown at the field it concerns.
 */
@Controller
class OwnerActivationController {

    static final String ACTIVATE = "/portal/activate";
    static final String RESET = "/portal/reset";

    private final OwnerAccounts ownerAccounts;

    OwnerActivationController(OwnerAccounts ownerAccounts) {
        this.ownerAccounts = ownerAccounts;
    }

    @GetMapping(ACTIVATE)
    String activateForm(@ModelAttribute("form") ActivationForm form, Model model) {
        return page(false, model);
    }

    @PostMapping(ACTIVATE)
    String activate(@ModelAttribute("form") ActivationForm form, BindingResult binding, Model model,
            HttpServletRequest request) {
        return submit(false, form, binding, model, request);
    }

    @GetMapping(RESET)
    String resetForm(@ModelAttribute("form") ActivationForm form, Model model) {
        return page(true, model);
    }

    /** A new password never renames the account, so the reset form has no login name. */
    @PostMapping(RESET)
    String reset(@ModelAttribute("form") ActivationForm form, BindingResult binding, Model model,
            HttpServletRequest request) {
        form.setUsername(null);
        return submit(true, form, binding, model, request);
    }

    private String submit(boolean reset, ActivationForm form, BindingResult binding, Model model,
            HttpServletRequest request) {
        if (form.getPhone() == null || form.getPhone().isBlank()) {
            binding.rejectValue("phone", "portal.account.error.phoneRequired");
        } else if (!PhoneNumbers.isValid(form.getPhone())) {
            binding.rejectValue("phone", "portal.report.error.phoneInvalid");
        }
        if (form.getCode() == null || form.getCode().isBlank()) {
            binding.rejectValue("code", "portal.account.error.codeRequired");
        }
        if (form.getPassword() != null && !form.getPassword().equals(form.getPasswordRepeat())) {
            binding.rejectValue("passwordRepeat", "portal.account.error.passwordsDiffer");
        }
        if (!binding.hasErrors()) {
            try {
                String login = ownerAccounts.activate(form.getPhone(), withoutSpaces(form.getCode()), form.getUsername(),
                        form.getPassword(), request.getRemoteAddr());
                model.addAttribute("reset", reset);
                model.addAttribute("login", login);
                return "portal/account/done";
            } catch (FieldRefusal refusal) {
                binding.rejectValue(refusal.field(), refusal.messageKey());
            }
        }
        return page(reset, model);
    }

    private static String page(boolean reset, Model model) {
        model.addAttribute("reset", reset);
        model.addAttribute("action", reset ? RESET : ACTIVATE);
        return "portal/account/activate";
    }

    /** The slip prints the code in two groups of four; people type it the same way. */
    private static String withoutSpaces(String code) {
        return code.replaceAll("\\s", "");
    }
}
