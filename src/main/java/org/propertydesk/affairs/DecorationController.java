package org.propertydesk.affairs;

import java.time.Duration;

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
 * Decorations per site (open, overdue, accepted), the registration of one, its page with inspections, hot-work
 * permits and acceptance, and the printable permit. Dispatchers read; the front desk and managers act.
 */
@Controller
@RequestMapping("/affairs/decorations")
@PreAuthorize(MoveInController.READERS)
class DecorationController {

    private final DecorationService decorations;
    private final Handovers records;
    private final SiteDirectory sites;
    private final Dates dates;

    DecorationController(DecorationService decorations, Handovers records, SiteDirectory sites, Dates dates) {
        this.decorations = decorations;
        this.records = records;
        this.sites = sites;
        this.dates = dates;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long siteId, @RequestParam(defaultValue = "OPEN") DecorationFilter show,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var found = decorations.list(siteId, show, Math.max(page, 0));
        model.addAttribute("decorations", found.getContent());
        model.addAttribute("pages", PageLinks.of(found));
        model.addAttribute("show", show);
        model.addAttribute("filters", DecorationFilter.values());
        model.addAttribute("siteId", siteId);
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        model.addAttribute("today", dates.today());
        return "affairs/decoration/list";
    }

    /** The registration form, for a house given by id (from the house page) or by site and code (from the list). */
    @GetMapping("/new")
    @PreAuthorize(MoveInController.EDITORS)
    String newForm(@RequestParam(required = false) Long houseId, @RequestParam(required = false) Long siteId,
            @RequestParam(required = false) String houseCode, Model model) {
        HouseRef house;
        if (houseId != null) {
            house = decorations.house(houseId);
        } else {
            house = siteId == null || houseCode == null ? null : records.house(siteId, houseCode).orElse(null);
            if (house == null) {
                model.addAttribute("houseCode", houseCode);
                model.addAttribute("houseCodeError", "decoration.error.houseNotFound");
                return list(siteId, DecorationFilter.OPEN, 0, model);
            }
        }
        DecorationForm form = new DecorationForm();
        form.setStartsOn(dates.today());
        return form(house, form, model);
    }

    @PostMapping("/houses/{houseId}")
    @PreAuthorize(MoveInController.EDITORS)
    String register(@PathVariable long houseId, @Valid @ModelAttribute("form") DecorationForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        HouseRef house = decorations.house(houseId);
        if (!errors.hasFieldErrors("contractorPhone") && !PhoneNumbers.isValid(form.getContractorPhone())) {
            errors.rejectValue("contractorPhone", "validation.phone");
        }
        if (form.getStartsOn() != null && form.getEndsOn() != null && form.getEndsOn().isBefore(form.getStartsOn())) {
            errors.rejectValue("endsOn", "decoration.error.endsBeforeStart");
        }
        if (errors.hasErrors()) {
            return form(house, form, model);
        }
        long id = decorations.register(house, form);
        Flash.success(redirect, "decoration.registered", house.code());
        return "redirect:/affairs/decorations/" + id;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        var decoration = decorations.get(id);
        model.addAttribute("decoration", decoration);
        model.addAttribute("inspections", decorations.inspections(id));
        model.addAttribute("hotWorks", decorations.hotWorks(id));
        model.addAttribute("today", dates.today());
        if (!model.containsAttribute("inspectionForm")) {
            model.addAttribute("inspectionForm", new InspectionForm());
        }
        if (!model.containsAttribute("hotWorkForm")) {
            HotWorkForm hotWork = new HotWorkForm();
            model.addAttribute("hotWorkForm", hotWork);
        }
        if (!model.containsAttribute("acceptanceForm")) {
            model.addAttribute("acceptanceForm", new DecorationAcceptanceForm());
        }
        return "affairs/decoration/decoration";
    }

    /** The permit as the contractor posts it at the door, on one page. */
    @GetMapping("/{id}/permit")
    String permit(@PathVariable long id, Model model) {
        model.addAttribute("decoration", decorations.get(id));
        model.addAttribute("hotWorks", decorations.hotWorks(id));
        return "affairs/decoration/permit";
    }

    @PostMapping("/{id}/inspections")
    @PreAuthorize(MoveInController.EDITORS)
    String inspect(@PathVariable long id, @Valid @ModelAttribute("inspectionForm") InspectionForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return show(id, model);
        }
        decorations.inspect(id, form);
        Flash.success(redirect, "decoration.inspection.recorded");
        return "redirect:/affairs/decorations/" + id;
    }

    /** One click on a finding makes it a service request, and the page shows the link. */
    @PostMapping("/{id}/inspections/{inspectionId}/request")
    @PreAuthorize(MoveInController.EDITORS)
    String raiseRequest(@PathVariable long id, @PathVariable long inspectionId, RedirectAttributes redirect) {
        decorations.raiseRequest(id, inspectionId);
        Flash.success(redirect, "decoration.inspection.raised");
        return "redirect:/affairs/decorations/" + id;
    }

    @PostMapping("/{id}/hot-work")
    @PreAuthorize(MoveInController.EDITORS)
    String permitHotWork(@PathVariable long id, @Valid @ModelAttribute("hotWorkForm") HotWorkForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        var decoration = decorations.get(id);
        if (form.getStartsAt() != null && form.getEndsAt() != null) {
            if (!form.getEndsAt().isAfter(form.getStartsAt())) {
                errors.rejectValue("endsAt", "decoration.hotWork.error.endsBeforeStart");
            } else if (Duration.between(form.getStartsAt(), form.getEndsAt()).compareTo(DecorationService.LONGEST_HOT_WORK) > 0) {
                errors.rejectValue("endsAt", "decoration.hotWork.error.tooLong");
            } else if (form.getStartsAt().toLocalDate().isBefore(decoration.startsOn())
                    || form.getEndsAt().toLocalDate().isAfter(decoration.endsOn())) {
                errors.rejectValue("startsAt", "decoration.hotWork.error.outsidePeriod");
            }
        }
        if (errors.hasErrors()) {
            return show(id, model);
        }
        decorations.permitHotWork(id, form);
        Flash.success(redirect, "decoration.hotWork.permitted");
        return "redirect:/affairs/decorations/" + id;
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize(MoveInController.EDITORS)
    String accept(@PathVariable long id, @Valid @ModelAttribute("acceptanceForm") DecorationAcceptanceForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        var decoration = decorations.get(id);
        if (decoration.accepted()) {
            throw new BusinessRuleException("decoration.error.alreadyAccepted");
        }
        if (!errors.hasFieldErrors("deduction") && form.deducts()
                && form.getDeduction().compareTo(decoration.deposit()) > 0) {
            errors.rejectValue("deduction", "decoration.error.deductionOverDeposit");
        }
        if (form.deducts() && form.getReason() == null) {
            errors.rejectValue("reason", "decoration.error.reasonRequired");
        }
        if (errors.hasErrors()) {
            return show(id, model);
        }
        decorations.accept(id, form);
        Flash.success(redirect, "decoration.accepted", decoration.permitNo());
        return "redirect:/affairs/decorations/" + id;
    }

    @GetMapping("/houses/{houseId}/section")
    String section(@PathVariable long houseId, Model model) {
        model.addAttribute("house", decorations.house(houseId));
        model.addAttribute("decorations", decorations.forHouse(houseId));
        model.addAttribute("today", dates.today());
        return "affairs/decoration/section :: section";
    }

    private String form(HouseRef house, DecorationForm form, Model model) {
        model.addAttribute("house", house);
        model.addAttribute("form", form);
        return "affairs/decoration/form";
    }
}
