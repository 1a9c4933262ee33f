package org.propertydesk.affairs;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.propertydesk.portal.OwnerHouseholds;
import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.RecordsDirectory.HouseSummary;
import org.propertydesk.shared.api.ApiController;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A house's bills for API clients: the front desk's roles for houses of their sites, and an owner's token for the
 * houses of their own household; any other house is "not found". Amounts are decimal strings in yuan with two
 * decimals, so that no client reads them as floating point.
 */
@ApiController
@PreAuthorize(FeeAccess.DESK + " or hasRole('OWNER')")
@Tag(name = "Fees", description = "Bills imported from the finance system, and what a house owes")
class BillApiController {

    private final FeeLedger ledger;
    private final RecordsDirectory records;
    private final OwnerHouseholds households;

    BillApiController(FeeLedger ledger, RecordsDirectory records, OwnerHouseholds households) {
        this.ledger = ledger;
        this.records = records;
        this.households = households;
    }

    record BillJson(long id, String feeItem, String period, String amountDue, String amountPaid, String outstanding,
            LocalDate dueDate, long daysOverdue, ArrearsBucket ageing) {
    }

    record HouseBillsJson(long houseId, String houseCode, String siteCode, LocalDate asOf, String balance, String overdue,
            List<BillJson> bills) {
    }

    @GetMapping("/api/v1/houses/{id}/bills")
    @Operation(summary = "A house's bills, balance and overdue amount",
            description = "balance is everything unpaid; overdue the part of it due before today. Latest due first.")
    @ApiResponse(responseCode = "404", description = "No such house, or not one of the caller's sites or household")
    HouseBillsJson bills(@PathVariable long id) {
        HouseSummary house = CurrentUser.get().isOwner() ? households.house(id)
                : records.house(id, CurrentUser.siteScope()).orElseThrow(() -> new NotFoundException("house", id));
        FeeLedger.HouseBills bills = ledger.houseBills(house.id());
        return new HouseBillsJson(house.id(), house.code(), house.siteCode(), ledger.today(),
                bills.balance().balance().toPlainString(), bills.balance().overdue().toPlainString(),
                bills.bills().stream()
                        .map(b -> new BillJson(b.id(), b.feeItem(), b.period(), b.amountDue().toPlainString(),
                                b.amountPaid().toPlainString(), b.outstanding().toPlainString(), b.dueDate(),
                                b.isOverdue() ? b.daysOverdue() : 0, b.bucket()))
                        .toList());
    }
}
