package org.propertydesk.incidents;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.api.ApiController;
import org.propertydesk.shared.api.ApiPage;
import org.propertydesk.shared.api.ApiValidationException;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Incidents for API clients, with the pages' rules: staff of the incident's site read them, the front desk,
 * dispatchers, managers and administrators declare and work them; another site's incident is "not found"; owners are
 * refused every call. A refusal that belongs to one field of the body is a 400 with that field.
 */
@ApiController
@PreAuthorize(IncidentController.READERS)
@Tag(name = "Incidents", description = "Water and power cuts, floods and other incidents, and the calls they cause")
class IncidentApiController {

    static final int MAX_PAGE_SIZE = 100;

    private final IncidentService incidents;
    private final RecordsDirectory records;
    private final SiteDirectory sites;
    private final Dates dates;

    IncidentApiController(IncidentService incidents, RecordsDirectory records, SiteDirectory sites, Dates dates) {
        this.incidents = incidents;
        this.records = records;
        this.sites = sites;
        this.dates = dates;
    }

    @PostMapping("/api/v1/incidents")
    @PreAuthorize(IncidentController.DESK)
    @Operation(summary = "Declare an incident",
            description = "201 with Location and the incident (ACTIVE). An urgent notice goes at once to the affected "
                    + "households, and the site's emergency-duty technicians and managers are notified.")
    ResponseEntity<IncidentApiJson.Detail> declare(@Valid @RequestBody IncidentApiJson.NewIncident body) {
        SiteScope scope = CurrentUser.siteScope();
        SiteSummary site = records.siteByCode(body.siteCode().strip()).filter(s -> scope.includes(s.id()))
                .orElseThrow(() -> ApiValidationException.of("siteCode", "api.request.siteUnknown", body.siteCode()));
        Incident incident;
        try {
            incident = incidents.declare(new Incident.Declaration(site.id(),
                    body.buildingIds() == null ? Set.of() : Set.copyOf(body.buildingIds()), body.kind(),
                    body.severity() == null ? IncidentSeverity.MAJOR : body.severity(), body.title(), body.description(),
                    IncidentApiJson.instant(body.expectedRestoreAt()))).incident();
        } catch (IncidentRefusal refused) {
            throw fieldError(refused);
        }
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.getId())).body(detail(incident.getId()));
    }

    @GetMapping("/api/v1/incidents")
    @Operation(summary = "Incidents of the caller's sites, active first, then newest first")
    ApiPage<IncidentApiJson.Summary> list(@RequestParam(required = false) String siteCode,
            @RequestParam(required = false) IncidentStatus status,
            @Parameter(description = "Zero-based page number") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page) {
        SiteScope scope = CurrentUser.siteScope();
        Long siteId = null;
        if (siteCode != null && !siteCode.isBlank()) {
            siteId = records.siteByCode(siteCode.strip()).map(SiteSummary::id).filter(scope::includes)
                    .orElseThrow(() -> ApiValidationException.of("siteCode", "api.request.siteUnknown", siteCode));
        }
        Map<Long, String> codes = sites.visibleIn(scope).stream()
                .collect(Collectors.toMap(SiteSummary::id, SiteSummary::code));
        Page<IncidentService.Row> rows = incidents.list(new IncidentService.Filter(siteId, status), page);
        return ApiPage.of(rows, row -> IncidentApiJson.Summary.of(row, codes.get(row.siteId()), dates.zone()));
    }

    @GetMapping("/api/v1/incidents/{id}")
    @Operation(summary = "An incident with its timeline and linked requests")
    IncidentApiJson.Detail get(@PathVariable long id) {
        return detail(id);
    }

    @PostMapping("/api/v1/incidents/{id}/requests")
    @PreAuthorize(IncidentController.DESK)
    @Operation(summary = "Link a request of the incident's site",
            description = "The request must be open, with nobody sent out on it, and not linked to another incident.")
    IncidentApiJson.Detail link(@PathVariable long id, @Valid @RequestBody IncidentApiJson.Link body) {
        try {
            incidents.linkRequest(id, body.requestId());
        } catch (IncidentRefusal refused) {
            throw fieldError(refused);
        }
        return detail(id);
    }

    @PostMapping("/api/v1/incidents/{id}/updates")
    @PreAuthorize(IncidentController.DESK)
    @Operation(summary = "Post an update",
            description = "On the incident's timeline, every linked request's timeline (visible to owners) and the "
                    + "notice; with `expectedRestoreAt`, callers are told the new time from now on.")
    IncidentApiJson.Detail update(@PathVariable long id, @Valid @RequestBody IncidentApiJson.Note body) {
        try {
            incidents.update(id, body.note(), IncidentApiJson.instant(body.expectedRestoreAt()));
        } catch (IncidentRefusal refused) {
            throw fieldError(refused);
        }
        return detail(id);
    }

    @PostMapping("/api/v1/incidents/{id}/resolve")
    @PreAuthorize(IncidentController.DESK)
    @Operation(summary = "Resolve the incident",
            description = "Resolves every open linked request with the note (their callbacks follow as usual); one "
                    + "with a technician on it only gets the note.")
    IncidentApiJson.Detail resolve(@PathVariable long id, @Valid @RequestBody IncidentApiJson.Note body) {
        try {
            incidents.resolve(id, body.note());
        } catch (IncidentRefusal refused) {
            throw fieldError(refused);
        }
        return detail(id);
    }

    private IncidentApiJson.Detail detail(long id) {
        Incident incident = incidents.get(id);
        String siteCode = records.site(incident.getSiteId()).map(SiteSummary::code).orElse(null);
        return IncidentApiJson.Detail.of(incident, siteCode, incidents.linkedRequests(id), dates.zone());
    }

    private static ApiValidationException fieldError(IncidentRefusal refused) {
        return ApiValidationException.of(refused.field(), refused.messageKey(), refused.arguments());
    }
}
