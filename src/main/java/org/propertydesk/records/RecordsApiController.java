package org.propertydesk.records;

import java.util.List;

import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.propertydesk.shared.api.ApiController;
import org.propertydesk.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Records for API clients: the sites the caller serves, and the caller lookup of the front desk.
 */
@ApiController
@Tag(name = "Records", description = "Sites and the caller lookup")
class RecordsApiController {

    /** Every member of staff; an owner's token reaches only the requests API. */
    static final String STAFF = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK','DISPATCHER','TECHNICIAN')";

    private final SiteDirectory sites;
    private final CallerLookup lookup;

    RecordsApiController(SiteDirectory sites, CallerLookup lookup) {
        this.sites = sites;
        this.lookup = lookup;
    }

    record SiteJson(Long id, String code, String name) {
    }

    record CustomerJson(Long id, String name, List<String> phones, List<HouseJson> houses, CallerLookup.MatchReason matchedBy) {
    }

    record HouseJson(Long id, String code, String siteCode) {
    }

    @GetMapping("/api/v1/sites")
    @PreAuthorize(STAFF)
    @Operation(summary = "The sites the caller serves (all sites for staff with all-sites access)")
    List<SiteJson> sites() {
        return sites.visibleIn(CurrentUser.siteScope()).stream().map(s -> new SiteJson(s.id(), s.code(), s.name())).toList();
    }

    @GetMapping("/api/v1/customers")
    @PreAuthorize(RecordsAccess.READERS)
    @Operation(summary = "Caller lookup",
            description = "A name, four or more digits of a phone number, or a house (3-2-1502, or a room number); "
                    + "best matches first, at most 20, within the caller's sites. Each customer comes with the houses "
                    + "they currently live in and why they matched.")
    List<CustomerJson> customers(
            @Parameter(description = "What the caller said: name, phone digits or house") @RequestParam(defaultValue = "")
            @Size(max = 100) String q) {
        return lookup.lookup(q, CurrentUser.siteScope()).stream()
                .map(match -> new CustomerJson(match.customerId(), match.name(), match.phones(),
                        match.houses().stream().map(h -> new HouseJson(h.id(), h.code(), h.siteCode())).toList(),
                        match.reason()))
                .toList();
    }
}
