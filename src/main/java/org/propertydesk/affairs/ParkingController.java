package org.propertydesk.affairs;

import jakarta.validation.Valid;

import org.propertydesk.records.Handovers;
import org.propertydesk.records.Handovers.HouseRef;
import org.propertydesk.records.PhoneNumbers;
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
 * Parking spaces per site, who holds each, and the leases ending soon. Dispatchers read; the front desk and
 * managers add spaces and assign them.
 */
@Controller
@RequestMapping("/affairs/parking")
@PreAuthorize(MoveInController.READERS)
class ParkingController {

    private final ParkingService parking;
    private final Handovers records;
    private final SiteDirectory sites;
    private final Dates dates;

    ParkingController(ParkingService parking, Handovers records, SiteDirectory sites, Dates dates) {
        this.parking = parking;
        this.records = records;
        this.sites = sites;
        this.dates = dates;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long siteId, @RequestParam(required = false) String number,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var spaces = parking.list(siteId, number, Math.max(page, 0));
        model.addAttribute("spaces", spaces.getContent());
        model.addAttribute("pages", PageLinks.of(spaces));
        model.addAttribute("siteId", siteId);
        model.addAttribute("number", number);
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        return "affairs/parking/list";
    }

    @GetMapping("/leases-ending")
    String leasesEnding(@RequestParam(required = false) Long siteId, @RequestParam(defaultValue = "0") int page,
            Model model) {
        var leases = parking.leasesEnding(siteId, Math.max(page, 0));
        model.addAttribute("leases", leases.getContent());
        model.addAttribute("pages", PageLinks.of(leases));
        model.addAttribute("siteId", siteId);
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        model.addAttribute("today", dates.today());
        model.addAttribute("days", ParkingService.REMINDER_DAYS);
        return "affairs/parking/leases-ending";
    }

    @GetMapping("/new")
    @PreAuthorize(MoveInController.EDITORS)
    String newForm(@RequestParam(required = false) Long siteId, Model model) {
        ParkingSpaceForm form = new ParkingSpaceForm();
        form.setSiteId(siteId);
        return spaceForm(form, model);
    }

    @PostMapping
    @PreAuthorize(MoveInController.EDITORS)
    String create(@Valid @ModelAttribute("form") ParkingSpaceForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (form.getSiteId() != null && !CurrentUser.siteScope().includes(form.getSiteId())) {
            errors.rejectValue("siteId", "parking.error.siteNotYours");
        }
        if (!errors.hasErrors() && parking.numberTaken(form.getSiteId(), form.getNumber())) {
            errors.rejectValue("number", "parking.error.numberTaken", new Object[] {form.getNumber()}, null);
        }
        if (errors.hasErrors()) {
            return spaceForm(form, model);
        }
        long id = parking.create(form);
        Flash.success(redirect, "parking.created", form.getNumber());
        return "redirect:/affairs/parking/" + id;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("space", parking.get(id));
        model.addAttribute("assignments", parking.assignments(id));
        model.addAttribute("today", dates.today());
        if (!model.containsAttribute("assignmentForm")) {
            ParkingAssignmentForm form = new ParkingAssignmentForm();
            form.setStartsOn(dates.today());
            model.addAttribute("assignmentForm", form);
        }
        return "affairs/parking/space";
    }

    @PostMapping("/{id}/assignments")
    @PreAuthorize(MoveInController.EDITORS)
    String assign(@PathVariable long id, @Valid @ModelAttribute("assignmentForm") ParkingAssignmentForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        var space = parking.get(id);
        if (space.type() == ParkingSpaceType.VISITOR) {
            throw new BusinessRuleException("parking.error.visitorSpace");
        }
        HouseRef house = null;
        if (!errors.hasFieldErrors("houseCode")) {
            house = records.house(space.siteId(), form.getHouseCode()).orElse(null);
            if (house == null) {
                errors.rejectValue("houseCode", "parking.error.houseNotFound");
            }
        }
        Long customer = null;
        if (!errors.hasFieldErrors("customerPhone")) {
            if (!PhoneNumbers.isValid(form.getCustomerPhone())) {
                errors.rejectValue("customerPhone", "validation.phone");
            } else {
                var found = records.customersByPhone(space.siteId(), form.getCustomerPhone());
                if (found.size() != 1) {
                    errors.rejectValue("customerPhone", found.isEmpty() ? "parking.error.noCustomer" : "parking.error.manyCustomers");
                } else {
                    customer = found.get(0).id();
                }
            }
        }
        if (!errors.hasFieldErrors("plateNumbers") && !form.platesValid()) {
            errors.rejectValue("plateNumbers", "parking.error.plate");
        }
        if (space.type() == ParkingSpaceType.LEASED && form.getEndsOn() == null) {
            errors.rejectValue("endsOn", "parking.error.leaseNeedsEnd");
        }
        if (form.getStartsOn() != null && form.getEndsOn() != null && form.getEndsOn().isBefore(form.getStartsOn())) {
            errors.rejectValue("endsOn", "parking.error.endsBeforeStart");
        }
        if (errors.hasErrors()) {
            return show(id, model);
        }
        try {
            parking.assign(id, house, customer, form);
        } catch (BusinessRuleException refused) {
            errors.reject(refused.messageKey(), refused.arguments(), refused.messageKey());
            return show(id, model);
        }
        Flash.success(redirect, "parking.assigned", space.number(), house.code());
        return "redirect:/affairs/parking/" + id;
    }

    @GetMapping("/houses/{houseId}/section")
    String section(@PathVariable long houseId, Model model) {
        model.addAttribute("house", parking.house(houseId));
        model.addAttribute("assignments", parking.forHouse(houseId));
        model.addAttribute("today", dates.today());
        return "affairs/parking/section :: section";
    }

    private String spaceForm(ParkingSpaceForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        model.addAttribute("types", ParkingSpaceType.values());
        return "affairs/parking/form";
    }
}
