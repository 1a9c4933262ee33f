package org.propertydesk.requests;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.api.ApiController;
import org.propertydesk.shared.api.ApiPage;
import org.propertydesk.shared.api.ApiProblemException;
import org.propertydesk.shared.api.ApiProblems;
import org.propertydesk.shared.api.ApiValidationException;
import org.propertydesk.shared.api.ApiVersions;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Service requests for API clients: take one in, read it, list them, and move it through its flow. The same roles
 * as the request pages, the same site rule (another site's request is "not found"), and the same domain refusals,
 * answered as problem details: an illegal move 409, a stale {@code If-Match} version 412.
 */
@ApiController
@PreAuthorize(RequestApiController.DESK)
@Tag(name = "Requests", description = "Inquiries, repairs and complaints")
class RequestApiController {

    /** Who works on requests, as on the request pages. */
    static final String DESK = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK','DISPATCHER')";

    static final int MAX_PAGE_SIZE = 100;

    /** Refusals of intake that belong to one field of the body. */
    private static final Map<String, String> INTAKE_FIELDS = Map.of(
            "request.error.siteNotYours", "siteCode",
            "request.error.categoryNotFound", "categoryCode",
            "request.error.houseNotFound", "houseId",
            "request.error.houseOtherSite", "houseId",
            "request.error.customerNotFound", "customerId");

    private final RequestService service;
    private final RequestApiQueries queries;
    private final RequestCategoryRepository categories;
    private final RecordsDirectory records;
    private final SiteDirectory sites;
    private final ApiProblems problems;
    private final Dates dates;

    RequestApiController(RequestService service, RequestApiQueries queries, RequestCategoryRepository categories,
            RecordsDirectory records, SiteDirectory sites, ApiProblems problems, Dates dates) {
        this.service = service;
        this.queries = queries;
        this.categories = categories;
        this.records = records;
        this.sites = sites;
        this.problems = problems;
        this.dates = dates;
    }

    @PostMapping("/api/v1/requests")
    @Operation(summary = "Take in a request",
            description = "201 with Location and the request. Invalid input answers 400 with `errors` per field and "
                    + "saves nothing; a site the caller does not serve is a field error on `siteCode`.")
    @ApiResponse(responseCode = "201", description = "Taken in; Location is its URL, ETag its version")
    ResponseEntity<RequestApiJson.RequestDetail> create(@Valid @RequestBody RequestApiJson.NewRequest body) {
        SiteScope scope = CurrentUser.siteScope();
        ApiValidationException.Collector errors = new ApiValidationException.Collector();
        Optional<SiteSummary> site = records.siteByCode(body.siteCode().strip()).filter(s -> scope.includes(s.id()));
        if (site.isEmpty()) {
            errors.add("siteCode", "api.request.siteUnknown", body.siteCode());
        }
        if (categories.findByCode(body.categoryCode().strip()).filter(RequestCategory::isActive).isEmpty()) {
            errors.add("categoryCode", "api.request.categoryUnknown", body.categoryCode());
        }
        if (body.houseId() != null) {
            records.house(body.houseId(), scope).ifPresentOrElse(house -> {
                if (site.isPresent() && !house.siteId().equals(site.get().id())) {
                    errors.add("houseId", "api.request.houseOtherSite", house.code(), site.get().code());
                }
            }, () -> errors.add("houseId", "api.request.houseUnknown"));
        }
        if (body.customerId() != null && records.customer(body.customerId(), scope).isEmpty()) {
            errors.add("customerId", "api.request.customerUnknown");
        }
        if (body.houseId() == null && isBlank(body.locationText())) {
            errors.add("locationText", "api.request.locationRequired");
        }
        if (body.channel() != Channel.PATROL && isBlank(body.contactPhone())) {
            errors.add("contactPhone", "api.request.contactPhoneRequired");
        }
        if (body.preferredFrom() != null && body.preferredTo() != null && body.preferredTo().isBefore(body.preferredFrom())) {
            errors.add("preferredTo", "api.request.preferredWindowOrder");
        }
        errors.throwIfAny();

        ServiceRequest request;
        try {
            request = service.receive(new IntakeCommand(body.kind(), body.categoryCode().strip(), body.channel(),
                    site.orElseThrow().id(), body.priority(), body.scope(), body.houseId(), body.customerId(),
                    trimmed(body.contactPhone()), trimmed(body.locationText()), body.description().strip(),
                    RequestApiJson.instant(body.preferredFrom()), RequestApiJson.instant(body.preferredTo()),
                    RequestApiJson.instant(body.promisedAt())));
        } catch (BusinessRuleException refused) {
            String field = INTAKE_FIELDS.get(refused.messageKey());
            if (field == null) {
                throw refused;
            }
            throw ApiValidationException.of(field, refused.messageKey(), refused.arguments());
        }
        return ResponseEntity.created(URI.create("/api/v1/requests/" + request.getId()))
                .eTag(ApiVersions.etag(request.getVersion()))
                .body(detail(request));
    }

    @GetMapping("/api/v1/requests/{id}")
    @Operation(summary = "A request with its SLA due times and timeline",
            description = "The ETag is the request's version. A request of a site the caller does not serve is 404.")
    ResponseEntity<RequestApiJson.RequestDetail> get(@PathVariable long id) {
        ServiceRequest request = service.get(id);
        return ResponseEntity.ok().eTag(ApiVersions.etag(request.getVersion())).body(detail(request));
    }

    @GetMapping("/api/v1/requests")
    @Operation(summary = "Requests of the caller's sites, newest first",
            description = "Filter by status, kind and site; `size` is at most " + MAX_PAGE_SIZE + ".")
    ApiPage<RequestApiJson.RequestSummary> list(
            @RequestParam(required = false) RequestStatus status,
            @RequestParam(required = false) RequestKind kind,
            @RequestParam(required = false) String siteCode,
            @Parameter(description = "Zero-based page number") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to " + MAX_PAGE_SIZE) @RequestParam(defaultValue = "20") @Min(1) int size) {
        SiteScope scope = CurrentUser.siteScope();
        Map<Long, String> siteCodes = sites.visibleIn(scope).stream()
                .collect(Collectors.toMap(SiteSummary::id, SiteSummary::code));
        Long siteId = null;
        if (siteCode != null && !siteCode.isBlank()) {
            siteId = records.siteByCode(siteCode.strip()).map(SiteSummary::id).filter(scope::includes)
                    .orElseThrow(() -> ApiValidationException.of("siteCode", "api.request.siteUnknown", siteCode));
        }
        Page<ServiceRequest> result = queries.list(new RequestApiQueries.Filter(status, kind, siteId), scope,
                PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE)));
        Instant now = dates.now();
        return ApiPage.of(result, r -> RequestApiJson.RequestSummary.of(r, siteCodes.get(r.getSiteId()), now, dates.zone()));
    }

    @PostMapping("/api/v1/requests/{id}/{action}")
    @Operation(summary = "Move a request: acknowledge, dispatch, arrive, hold, resume, resolve, close, reopen, cancel, "
            + "callback or follow-up",
            description = "Hold, reopen and cancel need a `reason`. Send the version from the ETag as `If-Match` to have "
                    + "the move refused (412) if the request changed meanwhile. A move the request's state does not "
                    + "allow answers 409 with the reason in `detail`.")
    ResponseEntity<RequestApiJson.RequestDetail> act(@PathVariable long id,
            @Parameter(description = "acknowledge, dispatch, arrive, hold, resume, resolve, close, reopen, cancel, callback, follow-up")
            @PathVariable String action,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) RequestApiJson.ActionInput body) {
        RequestAction move = RequestAction.parse(action).orElseThrow(() ->
                new ApiProblemException(HttpStatus.NOT_FOUND, ApiProblems.NOT_FOUND, "api.request.unknownAction", action));
        String note = body == null ? null : firstText(body.note(), body.reason());
        if (move.needsReason()) {
            note = body == null ? null : firstText(body.reason(), body.note());
            if (note == null) {
                throw ApiValidationException.of("reason", "api.request.reasonRequired");
            }
        }
        Long expectedVersion = ApiVersions.expectedVersion(ifMatch);
        ServiceRequest request = service.act(id, move, note, expectedVersion);
        return ResponseEntity.ok().eTag(ApiVersions.etag(request.getVersion())).body(detail(request));
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> illegalMove(IllegalTransitionException exception, HttpServletRequest request) {
        return problems.refused(exception, HttpStatus.CONFLICT, ApiProblems.ILLEGAL_TRANSITION, request);
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(StaleVersionException exception, HttpServletRequest request) {
        return problems.refused(exception, HttpStatus.PRECONDITION_FAILED, ApiProblems.PRECONDITION_FAILED, request);
    }

    private RequestApiJson.RequestDetail detail(ServiceRequest request) {
        String siteCode = records.site(request.getSiteId()).map(SiteSummary::code).orElse(null);
        return RequestApiJson.RequestDetail.of(request, siteCode, dates.now(), dates.zone());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String trimmed(String text) {
        return isBlank(text) ? null : text.strip();
    }

    private static String firstText(String first, String second) {
        return !isBlank(first) ? first.strip() : !isBlank(second) ? second.strip() : null;
    }
}
