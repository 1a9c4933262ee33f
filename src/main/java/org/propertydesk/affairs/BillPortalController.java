package org.propertydesk.affairs;

import java.util.List;
import java.util.Optional;

import org.propertydesk.portal.OwnerHouseholds;
import org.propertydesk.records.RecordsDirectory.HouseSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An owner's bills in the portal: for each house they occupy now, what is owed and overdue, the bills, and the
 * reminders the property office sent through the portal. While something is overdue, the latest such reminder is
 * shown as a banner. Another household's house is "not found".
 */
@Controller
@PreAuthorize("hasRole('OWNER')")
class BillPortalController {

    private final OwnerHouseholds households;
    private final FeeLedger ledger;
    private final FeeReminders reminders;

    BillPortalController(OwnerHouseholds households, FeeLedger ledger, FeeReminders reminders) {
        this.households = households;
        this.ledger = ledger;
        this.reminders = reminders;
    }

    record HouseBills(HouseSummary house, FeeLedger.HouseBills bills) {
    }

    @GetMapping("/portal/bills")
    String bills(@RequestParam(required = false) Long house, Model model) {
        List<HouseSummary> houses = house == null ? households.houses() : List.of(households.house(house));
        List<HouseBills> shown = houses.stream().map(h -> new HouseBills(h, ledger.houseBills(h.id()))).toList();
        List<Long> inArrears = shown.stream().filter(h -> h.bills().balance().hasArrears()).map(h -> h.house().id()).toList();
        Optional<FeeReminders.Reminder> banner = reminders.throughPortal(inArrears).stream().findFirst();
        model.addAttribute("houses", shown);
        model.addAttribute("banner", banner.orElse(null));
        model.addAttribute("bannerHouse", banner.flatMap(r -> houses.stream().filter(h -> h.id() == r.houseId()).findFirst())
                .orElse(null));
        model.addAttribute("reminders", reminders.throughPortal(houses.stream().map(HouseSummary::id).toList()));
        model.addAttribute("today", ledger.today());
        return "affairs/fees/portal";
    }
}
