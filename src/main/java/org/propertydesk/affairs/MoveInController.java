package org.propertydesk.affairs;

import jakarta.validation.Valid;

import org.propertydesk.records.Handovers.HouseRef;
import org.propertydesk.records.PhoneNumbers;
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

/**
 * The move-in checklist of a house, reached from the house page, and the signed form printed for the file.
 * Dispatchers read handovers; the front desk and managers record them.
 */
@Controller
@RequestMapping("/affairs/move-in")
@PreAuthorize(MoveInController.READERS)
class MoveInController {

    static final String READERS = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK','DISPATCHER')";
    static final String EDITORS = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK')";

    private final MoveInService moveIns;
    private final Dates dates;

    MoveInController(MoveInService moveIns, Dates dates) {
        this.moveIns = moveIns;
        this.dates = dates;
    }

    @GetMapping("/houses/{houseId}/new")
    @PreAuthorize(EDITORS)
    String newForm(@PathVariable long houseId, Model model) {
        MoveInForm form = new MoveInForm();
        form.setHandoverDate(dates.today());
        return form(moveIns.house(houseId), form, model);
    }

    @PostMapping("/houses/{houseId}")
    @PreAuthorize(EDITORS)
    String complete(@PathVariable long houseId, @Valid @ModelAttribute("form") MoveInForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        HouseRef house = moveIns.house(houseId);
        if (!errors.hasFieldErrors("customerPhone") && !PhoneNumbers.isValid(form.getCustomerPhone())) {
            errors.rejectValue("customerPhone", "validation.phone");
        }
        if (form.getRole() != null && !MoveInForm.ROLES.contains(form.getRole())) {
            errors.rejectValue("role", "typeMismatch");
        }
        Long customer = null;
        if (!errors.hasFieldErrors("customerPhone")) {
            customer = moveIns.customer(house.siteId(), form.getCustomerPhone(), form.getConfirmedByName()).orElse(null);
            if (customer == null) {
                errors.rejectValue("customerPhone", "movein.error.noCustomer");
            }
        }
        if (errors.hasErrors()) {
            return form(house, form, model);
        }
        long id;
        try {
            id = moveIns.complete(house, customer, form);
        } catch (BusinessRuleException refused) {
            errors.reject(refused.messageKey(), refused.arguments(), refused.messageKey());
            return form(house, form, model);
        }
        Flash.success(redirect, "movein.completed", house.code());
        return "redirect:/affairs/move-in/" + id;
    }

    /** The signed checklist, laid out to print on one page. */
    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("moveIn", moveIns.get(id));
        return "affairs/movein/handover";
    }

    @GetMapping("/houses/{houseId}/section")
    String section(@PathVariable long houseId, Model model) {
        model.addAttribute("house", moveIns.house(houseId));
        model.addAttribute("moveIns", moveIns.forHouse(houseId));
        return "affairs/movein/section :: section";
    }

    private String form(HouseRef house, MoveInForm form, Model model) {
        model.addAttribute("house", house);
        model.addAttribute("form", form);
        model.addAttribute("roles", MoveInForm.ROLES);
        model.addAttribute("documents", MoveInDocument.values());
        return "affairs/movein/form";
    }
}
