package org.propertydesk.affairs;

import java.util.List;
import java.util.Map;

import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.RecordsDirectory.CustomerSummary;
import org.propertydesk.records.RecordsDirectory.HouseSummary;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What a household owes, where the front desk looks while on the phone: the customer 360 page, the house page and
 * each match of the caller lookup. The pages are open to dispatchers, who are told the figures are not for them
 * rather than left with a section that never loads.
 */
@Controller
class FeeSectionController {

    private final FeeLedger ledger;
    private final RecordsDirectory records;

    FeeSectionController(FeeLedger ledger, RecordsDirectory records) {
        this.ledger = ledger;
        this.records = records;
    }

    /** What one house owes, in a section or a lookup match. */
    record HouseBalance(HouseSummary house, FeeLedger.Balance balance) {
    }

    @GetMapping("/affairs/fees/customers/{id}/section")
    @PreAuthorize(FeeAccess.CUSTOMER_PAGE_READERS)
    String customerSection(@PathVariable long id, Model model) {
        CustomerSummary customer = visibleCustomer(id);
        if (!FeeAccess.maySeeFees()) {
            return "affairs/fees/section :: restricted";
        }
        return balances(customer.currentHouses(), model);
    }

    @GetMapping("/affairs/fees/houses/{id}/section")
    @PreAuthorize(FeeAccess.CUSTOMER_PAGE_READERS)
    String houseSection(@PathVariable long id, Model model) {
        HouseSummary house = records.house(id, FeeAccess.scope()).orElseThrow(() -> new NotFoundException("house", id));
        if (!FeeAccess.maySeeFees()) {
            return "affairs/fees/section :: restricted";
        }
        return balances(List.of(house), model);
    }

    /** A caller's arrears beside their name in the lookup; nothing at all when they owe nothing overdue. */
    @GetMapping("/affairs/fees/customers/{id}/badge")
    @PreAuthorize(FeeAccess.DESK)
    String badge(@PathVariable long id, Model model) {
        CustomerSummary customer = visibleCustomer(id);
        Map<Long, FeeLedger.Balance> balances = ledger.balances(customer.currentHouses().stream().map(HouseSummary::id).toList());
        model.addAttribute("customerId", id);
        model.addAttribute("total", FeeLedger.total(balances.values()));
        return "affairs/fees/section :: badge";
    }

    private String balances(List<HouseSummary> houses, Model model) {
        Map<Long, FeeLedger.Balance> balances = ledger.balances(houses.stream().map(HouseSummary::id).toList());
        model.addAttribute("houses", houses.stream()
                .map(house -> new HouseBalance(house, balances.getOrDefault(house.id(), FeeLedger.Balance.NONE)))
                .toList());
        model.addAttribute("total", FeeLedger.total(balances.values()));
        model.addAttribute("today", ledger.today());
        return "affairs/fees/section :: balances";
    }

    private CustomerSummary visibleCustomer(long id) {
        return records.customer(id, FeeAccess.scope()).orElseThrow(() -> new NotFoundException("customer", id));
    }
}
