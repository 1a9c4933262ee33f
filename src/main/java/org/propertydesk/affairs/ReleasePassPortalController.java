package org.propertydesk.affairs;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.propertydesk.portal.OwnerHouseholds;
import org.propertydesk.records.RecordsDirectory.HouseSummary;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Release passes in the owner portal: the household's passes with their QR codes to show at the gate, asking for a
 * new one, and, for owners, the other occupants' passes waiting for their consent. Only the houses the owner or
 * tenant occupies now count; any other pass is "not found".
 */
@Controller
@RequestMapping("/portal/passes")
@PreAuthorize("hasRole('OWNER')")
class ReleasePassPortalController {

    private final ReleasePasses passes;
    private final OwnerHouseholds households;
    private final PassQr qr;
    private final Dates dates;

    ReleasePassPortalController(ReleasePasses passes, OwnerHouseholds households, PassQr qr, Dates dates) {
        this.passes = passes;
        this.households = households;
        this.qr = qr;
        this.dates = dates;
    }

    @GetMapping
    String list(Model model) {
        List<HouseSummary> houses = households.houses();
        List<Long> houseIds = houses.stream().map(HouseSummary::id).toList();
        model.addAttribute("rows", passes.ofHouses(houseIds));
        model.addAttribute("awaitingConsent", passes.awaitingConsentOf(households.customerId(), houseIds));
        model.addAttribute("houses", byId(houses));
        return "affairs/passes/portal-list";
    }

    @GetMapping("/new")
    String newPass(Model model) {
        ReleasePassForm form = new ReleasePassForm();
        form.setPassDate(dates.today());
        List<HouseSummary> houses = households.houses();
        if (houses.size() == 1) {
            form.setHouseId(houses.get(0).id());
        }
        return form(form, houses, model);
    }

    @PostMapping
    String create(@ModelAttribute("form") ReleasePassForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        List<HouseSummary> houses = households.houses();
        form.check(binding, dates.today());
        HouseSummary house = form.getHouseId() == null ? null : households.house(form.getHouseId());
        if (binding.hasErrors()) {
            return form(form, houses, model);
        }
        ReleasePass pass = passes.askInPortal(households.customerId(), house, form);
        Flash.success(redirect, pass.isPending() ? "pass.portal.created.pending" : "pass.portal.created.approved",
                pass.getNumber());
        return "redirect:/portal/passes/" + pass.getId();
    }

    @GetMapping("/{id}")
    String pass(@PathVariable long id, Model model) {
        List<HouseSummary> houses = households.houses();
        ReleasePass pass = passes.forHousehold(id, ids(houses));
        model.addAttribute("pass", pass);
        model.addAttribute("house", byId(houses).get(pass.getHouseId()));
        model.addAttribute("qr", qr.dataUri(qr.checkUrl(pass.getNumber())));
        model.addAttribute("checks", passes.checksOf(pass.getId()));
        model.addAttribute("mayConsent", pass.isPending()
                && passes.awaitingConsentOf(households.customerId(), List.of(pass.getHouseId())).stream()
                        .anyMatch(waiting -> waiting.getId().equals(pass.getId())));
        return "affairs/passes/portal-pass";
    }

    @GetMapping("/{id}/print")
    String print(@PathVariable long id, Model model) {
        List<HouseSummary> houses = households.houses();
        ReleasePass pass = passes.forHousehold(id, ids(houses));
        model.addAttribute("pass", pass);
        model.addAttribute("house", byId(houses).get(pass.getHouseId()));
        model.addAttribute("qr", qr.dataUri(qr.checkUrl(pass.getNumber())));
        model.addAttribute("backUrl", "/portal/passes/" + id);
        return "affairs/passes/print";
    }

    @PostMapping("/{id}/consent")
    String consent(@PathVariable long id, RedirectAttributes redirect) {
        try {
            ReleasePass pass = passes.consent(id, households.customerId(), households.houseIds());
            Flash.success(redirect, "pass.portal.consented", pass.getNumber());
        } catch (BusinessRuleException refused) {
            Flash.error(redirect, refused.messageKey(), refused.arguments());
        }
        return "redirect:/portal/passes/" + id;
    }

    @PostMapping("/{id}/refuse")
    String refuse(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            ReleasePass pass = passes.refuseConsent(id, households.customerId(), households.houseIds(), reason);
            Flash.success(redirect, "pass.portal.refused", pass.getNumber());
        } catch (BusinessRuleException refused) {
            Flash.error(redirect, refused.messageKey(), refused.arguments());
        }
        return "redirect:/portal/passes/" + id;
    }

    private String form(ReleasePassForm form, List<HouseSummary> houses, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("houses", houses);
        model.addAttribute("maxItems", ReleasePass.MAX_ITEMS);
        model.addAttribute("maxPlate", ReleasePass.MAX_PLATE);
        return "affairs/passes/portal-new";
    }

    private static List<Long> ids(List<HouseSummary> houses) {
        return houses.stream().map(HouseSummary::id).toList();
    }

    private static Map<Long, HouseSummary> byId(List<HouseSummary> houses) {
        return houses.stream().collect(Collectors.toMap(HouseSummary::id, Function.identity(), (a, b) -> a));
    }
}
