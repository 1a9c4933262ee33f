package org.propertydesk.affairs;

import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What a household owes, where the front desk looks while on the phone: the customer 360 page, the house page and
 * each match of the caller lookup. The pages are open to dispatchers, who are told the figures are not for them
 * rather than left with a section that never loads.
 */
@Controller
class FeeSectionController {

    /** A lookup shows at most this many matches; more ids than that are not a lookup's. */
    static final int MAX_BADGES = 50;

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

    /**
     * The arrears of the callers a lookup found, beside their names: one request for the whole list, answered with a
     * badge per customer who owes something overdue, each swapped into its place by id. Only houses at the caller's
     * sites count, so a customer the caller may not see gets no badge.
     */
    @GetMapping("/affairs/fees/badges")
    @PreAuthorize(FeeAccess.DESK)
    String badges(@RequestParam(name = "customerId", required = false) List<Long> customerIds, Model model) {
        List<Long> ids = customerIds == null ? List.of() : customerIds.stream().distinct().limit(MAX_BADGES).toList();
        Map<Long, List<HouseSummary>> houses = records.currentHouses(ids, FeeAccess.scope());
        Map<Long, FeeLedger.Balance> balances = ledger.balances(
                houses.values().stream().flatMap(List::stream).map(HouseSummary::id).distinct().toList());
        Map<Long, FeeLedger.Balance> owed = new LinkedHashMap<>();
        houses.forEach((customerId, theirs) -> {
            FeeLedger.Balance total = FeeLedger.total(theirs.stream().map(HouseSummary::id)
                    .map(id -> balances.getOrDefault(id, FeeLedger.Balance.NONE)).toList());
            if (total.hasArrears()) {
                owed.put(customerId, total);
            }
        });
        model.addAttribute("owed", owed);
        return "affairs/fees/section :: badges";
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
