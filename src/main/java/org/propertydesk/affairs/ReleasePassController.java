package org.propertydesk.affairs;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.propertydesk.records.HouseOccupants;
import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.RecordsDirectory.HouseSummary;
import org.propertydesk.records.SiteDirectory;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.NotFoundException;
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
 * Release passes at the front desk: the site's passes by day, asking for one on behalf of an occupant, approving or
 * refusing an occupant's pass with a reason, and printing a pass with its QR code. Front desk, managers and
 * administrators of the pass's site; the gate's page is {@link GateController}.
 */
@Controller
@RequestMapping("/passes")
@PreAuthorize(ReleasePassController.DESK)
class ReleasePassController {

    static final String DESK = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK')";

    /** Everyone who opens house pages; dispatchers see the house's passes but do not work with them. */
    static final String HOUSE_READERS = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK','DISPATCHER')";

    /** Which passes the list shows. */
    enum View {
        TODAY, PENDING, ALL
    }

    private static final int SECTION_ROWS = 5;

    private final ReleasePasses passes;
    private final HouseOccupants occupants;
    private final RecordsDirectory records;
    private final SiteDirectory sites;
    private final PassQr qr;
    private final Dates dates;

    ReleasePassController(ReleasePasses passes, HouseOccupants occupants, RecordsDirectory records, SiteDirectory sites,
            PassQr qr, Dates dates) {
        this.passes = passes;
        this.occupants = occupants;
        this.records = records;
        this.sites = sites;
        this.qr = qr;
        this.dates = dates;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "TODAY") View view, @RequestParam(required = false) Long siteId, Model model) {
        LocalDate day = view == View.TODAY ? dates.today() : null;
        ReleasePassStatus status = view == View.PENDING ? ReleasePassStatus.PENDING : null;
        List<ReleasePass> rows = passes.forDesk(siteId, day, status);
        model.addAttribute("rows", rows);
        model.addAttribute("houses", houses(rows));
        model.addAttribute("views", View.values());
        model.addAttribute("view", view);
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        model.addAttribute("siteId", siteId);
        return "affairs/passes/list";
    }

    /**
     * The form for one house; without a house, the desk first names it by site and code (3-2-1502), as on the phone.
     */
    @GetMapping("/new")
    String newPass(@RequestParam(required = false) Long houseId, @RequestParam(required = false) Long siteId,
            @RequestParam(required = false) String houseCode, Model model) {
        if (houseId != null) {
            ReleasePassForm form = new ReleasePassForm();
            form.setHouseId(houseId);
            form.setPassDate(dates.today());
            return form(form, model);
        }
        if (siteId != null || houseCode != null) {
            Optional<HouseSummary> house = siteId == null ? Optional.empty()
                    : occupants.houseByCode(siteId, houseCode, CurrentUser.siteScope());
            if (house.isPresent()) {
                return "redirect:/passes/new?houseId=" + house.get().id();
            }
            model.addAttribute("houseCodeError", siteId == null ? "pass.error.siteRequired" : "pass.error.houseNotFound");
        }
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        model.addAttribute("siteId", siteId);
        model.addAttribute("houseCode", houseCode);
        return "affairs/passes/find-house";
    }

    @PostMapping
    String create(@ModelAttribute("form") ReleasePassForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        form.check(binding, dates.today());
        if (form.getRequesterId() == null) {
            binding.rejectValue("requesterId", "pass.error.requesterRequired");
        }
        if (form.getHouseId() == null) {
            throw new NotFoundException("house", null);
        }
        if (binding.hasErrors()) {
            return form(form, model);
        }
        try {
            ReleasePass pass = passes.askAtDesk(form);
            Flash.success(redirect, pass.isPending() ? "pass.created.pending" : "pass.created.approved", pass.getNumber());
            return "redirect:/passes/" + pass.getId();
        } catch (BusinessRuleException refused) {
            binding.rejectValue("requesterId", refused.messageKey(), refused.arguments(), null);
            return form(form, model);
        }
    }

    /** The house page's section: the house's latest passes. */
    @GetMapping("/houses/{houseId}/section")
    @PreAuthorize(HOUSE_READERS)
    String houseSection(@PathVariable long houseId, Model model) {
        HouseSummary house = records.house(houseId, CurrentUser.siteScope())
                .orElseThrow(() -> new NotFoundException("house", houseId));
        model.addAttribute("house", house);
        model.addAttribute("rows", passes.ofHouse(house.id()).stream().limit(SECTION_ROWS).toList());
        return "affairs/passes/section :: section";
    }

    @GetMapping("/{id}")
    String pass(@PathVariable long id, Model model) {
        return passPage(passes.forStaff(id), null, model);
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect) {
        try {
            ReleasePass pass = passes.approveAtDesk(id, reason, version);
            Flash.success(redirect, "pass.approved", pass.getNumber());
            return "redirect:/passes/" + id;
        } catch (BusinessRuleException refused) {
            return refusedDecision(id, refused, model, redirect);
        }
    }

    @PostMapping("/{id}/refuse")
    String refuse(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect) {
        try {
            ReleasePass pass = passes.refuseAtDesk(id, reason, version);
            Flash.success(redirect, "pass.refused", pass.getNumber());
            return "redirect:/passes/" + id;
        } catch (BusinessRuleException refused) {
            return refusedDecision(id, refused, model, redirect);
        }
    }

    @GetMapping("/{id}/print")
    String print(@PathVariable long id, Model model) {
        ReleasePass pass = passes.forStaff(id);
        model.addAttribute("pass", pass);
        model.addAttribute("house", house(pass));
        model.addAttribute("qr", qr.dataUri(qr.checkUrl(pass.getNumber())));
        model.addAttribute("backUrl", "/passes/" + id);
        return "affairs/passes/print";
    }

    /** A missing reason is shown at the field; a pass decided meanwhile is shown as it now stands. */
    private String refusedDecision(long id, BusinessRuleException refused, Model model, RedirectAttributes redirect) {
        ReleasePass pass = passes.forStaff(id);
        if (!pass.isPending()) {
            Flash.error(redirect, refused.messageKey(), refused.arguments());
            return "redirect:/passes/" + id;
        }
        return passPage(pass, refused.messageKey(), model);
    }

    private String form(ReleasePassForm form, Model model) {
        HouseSummary house = records.house(form.getHouseId(), CurrentUser.siteScope())
                .orElseThrow(() -> new NotFoundException("house", form.getHouseId()));
        model.addAttribute("form", form);
        model.addAttribute("house", house);
        model.addAttribute("occupants", occupants.current(house.id()));
        model.addAttribute("maxItems", ReleasePass.MAX_ITEMS);
        model.addAttribute("maxPlate", ReleasePass.MAX_PLATE);
        return "affairs/passes/new";
    }

    private String passPage(ReleasePass pass, String reasonError, Model model) {
        model.addAttribute("pass", pass);
        model.addAttribute("house", house(pass));
        model.addAttribute("checks", passes.checksOf(pass.getId()));
        model.addAttribute("qr", qr.dataUri(qr.checkUrl(pass.getNumber())));
        model.addAttribute("checkUrl", qr.checkUrl(pass.getNumber()));
        model.addAttribute("reasonError", reasonError);
        model.addAttribute("maxReason", ReleasePass.MAX_REASON);
        return "affairs/passes/pass";
    }

    private HouseSummary house(ReleasePass pass) {
        return records.houses(List.of(pass.getHouseId())).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("house", pass.getHouseId()));
    }

    private Map<Long, HouseSummary> houses(List<ReleasePass> rows) {
        return records.houses(rows.stream().map(ReleasePass::getHouseId).distinct().toList()).stream()
                .collect(Collectors.toMap(HouseSummary::id, Function.identity(), (a, b) -> a));
    }
}
