package org.propertydesk.requests;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
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
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Service requests for API clients: take one in, read it, list them, and move it through its flow. The same roles
 * as the request pages, the same site rule (another site's request is "not found"), and the same domain refusals,
 * answered as problem details: an illegal move 409, a stale {@code If-Match} version 412.
 * <p>
 * An owner's token reaches the same endpoints as the portal does, through {@link OwnerRequests}: only their
 * household's requests exist for them (anything else is "not found"), they take in requests for their own houses
 * only, through the portal channel, see no internal timeline entries, and may only cancel, confirm or reject the fix.
 */
@ApiController
@PreAuthorize(RequestApiController.DESK + " or " + RequestApiController.OWNER)
@Tag(name = "Requests", description = "Inquiries, repairs and complaints")
class RequestApiController {

    /** Who works on requests, as on the request pages. */
    static final String DESK = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK','DISPATCHER')";

    /** Owners and tenants, for their own households only. */
    static final String OWNER = "hasRole('OWNER')";

    static final int MAX_PAGE_SIZE = 100;

    /** Refusals of intake that belong to one field of the body. */
    private static final Map<String, String> INTAKE_FIELDS = Map.of(
            "request.error.siteNotYours", "siteCode",
            "request.error.categoryNotFound", "categoryCode",
            "request.error.houseNotFound", "houseId",
            "request.error.houseOtherSite", "houseId",
            "request.error.customerNotFound", "customerId");

    /**
     * Parts of a new request that are not the owner's to choose: the channel is the portal, the site is the house's,
     * the customer is theirs, and priority, scope, location and promise are the front desk's.
     */
    private static final Set<String> SET_FOR_OWNERS = Set.of("channel", "siteCode", "customerId", "priority", "scope",
            "locationText", "promisedAt");

    /** The moves an owner makes on their own request; every other move is staff work. */
    enum OwnerAction {
        CANCEL, CONFIRM_FIXED, NOT_FIXED;

        static Optional<OwnerAction> parse(String value) {
            try {
                return Optional.of(valueOf(value.trim().replace('-', '_').toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException unknown) {
                return Optional.empty();
            }
        }

        boolean needsReason() {
            return this != CONFIRM_FIXED;
        }
    }

    private final RequestService service;
    private final OwnerRequests owners;
    private final RequestApiQueries queries;
    private final RequestCategoryRepository categories;
    private final RecordsDirectory records;
    private final SiteDirectory sites;
    private final ApiProblems problems;
    private final Dates dates;

    RequestApiController(RequestService service, OwnerRequests owners, RequestApiQueries queries,
            RequestCategoryRepository categories, RecordsDirectory records, SiteDirectory sites, ApiProblems problems,
            Dates dates) {
        this.service = service;
        this.owners = owners;
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
                    + "saves nothing; a site the caller does not serve is a field error on `siteCode`. An owner gives "
                    + "one of their houses as `houseId` (another house is 404); the channel is PORTAL, the site the "
                    + "house's and the customer the owner, whatever is sent, and priority, scope, location and promise "
                    + "are ignored.")
    @ApiResponse(responseCode = "201", description = "Taken in; Location is its URL, ETag its version")
    ResponseEntity<RequestApiJson.RequestDetail> create(@Valid @RequestBody RequestApiJson.NewRequest body,
            BindingResult binding, HttpServletRequest call) throws MethodArgumentNotValidException {
        Optional<PropertyDeskUser> owner = owner();
        if (owner.isPresent()) {
            return createForOwner(owner.get(), body, binding, call);
        }
        if (binding.hasErrors()) {
            throw invalid(binding, call);
        }
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
            description = "The ETag is the request's version. A request of a site the caller does not serve is 404; for "
                    + "an owner, any request not of their household, and without internal timeline entries.")
    ResponseEntity<RequestApiJson.RequestDetail> get(@PathVariable long id) {
        Optional<PropertyDeskUser> owner = owner();
        if (owner.isPresent()) {
            return ownerDetail(household(owner.get()), id);
        }
        ServiceRequest request = service.get(id);
        return ResponseEntity.ok().eTag(ApiVersions.etag(request.getVersion())).body(detail(request));
    }

    @GetMapping("/api/v1/requests")
    @Operation(summary = "Requests of the caller's sites, newest first",
            description = "Filter by status, kind and site; `size` is at most " + MAX_PAGE_SIZE + ". For an owner, "
                    + "the requests of their household: their houses' and their own.")
    ApiPage<RequestApiJson.RequestSummary> list(
            @RequestParam(required = false) RequestStatus status,
            @RequestParam(required = false) RequestKind kind,
            @RequestParam(required = false) String siteCode,
            @Parameter(description = "Zero-based page number") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @Parameter(description = "Page size, 1 to " + MAX_PAGE_SIZE) @RequestParam(defaultValue = "20") @Min(1) int size) {
        SiteScope scope = CurrentUser.siteScope();
        Map<Long, String> siteCodes = sites.visibleIn(scope).stream()
                .collect(Collectors.toMap(SiteSummary::id, SiteSummary::code));
        Long siteId = null;
        if (siteCode != null && !siteCode.isBlank()) {
            siteId = records.siteByCode(siteCode.strip()).map(SiteSummary::id).filter(scope::includes)
                    .orElseThrow(() -> ApiValidationException.of("siteCode", "api.request.siteUnknown", siteCode));
        }
        RequestApiQueries.Filter filter = new RequestApiQueries.Filter(status, kind, siteId);
        PageRequest pageable = PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE));
        Optional<PropertyDeskUser> owner = owner();
        Page<ServiceRequest> result = owner.isPresent()
                ? queries.listForHousehold(filter, household(owner.get()), pageable)
                : queries.list(filter, scope, pageable);
        if (owner.isPresent()) {
            // a request of a house the owner has left stays theirs when they asked for it, in a site outside the scope
            result.forEach(r -> siteCodes.computeIfAbsent(r.getSiteId(),
                    id -> records.site(id).map(SiteSummary::code).orElse(null)));
        }
        Instant now = dates.now();
        return ApiPage.of(result, r -> RequestApiJson.RequestSummary.of(r, siteCodes.get(r.getSiteId()), now, dates.zone()));
    }

    @PostMapping("/api/v1/requests/{id}/{action}")
    @Operation(summary = "Move a request: acknowledge, dispatch, arrive, hold, resume, resolve, close, reopen, cancel, "
            + "callback or follow-up",
            description = "Hold, reopen and cancel need a `reason`. Send the version from the ETag as `If-Match` to have "
                    + "the move refused (412) if the request changed meanwhile. A move the request's state does not "
                    + "allow answers 409 with the reason in `detail`. An owner may only `cancel` before anybody is "
                    + "sent out, `confirm-fixed` or `not-fixed` (reopens; needs a `reason`); other moves are 403.")
    ResponseEntity<RequestApiJson.RequestDetail> act(@PathVariable long id,
            @Parameter(description = "acknowledge, dispatch, arrive, hold, resume, resolve, close, reopen, cancel, "
                    + "callback, follow-up; for owners cancel, confirm-fixed, not-fixed")
            @PathVariable String action,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) RequestApiJson.ActionInput body) {
        Optional<PropertyDeskUser> owner = owner();
        if (owner.isPresent()) {
            return actAsOwner(household(owner.get()), id, action, ifMatch, body);
        }
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

    private ResponseEntity<RequestApiJson.RequestDetail> createForOwner(PropertyDeskUser owner,
            RequestApiJson.NewRequest body, BindingResult binding, HttpServletRequest call)
            throws MethodArgumentNotValidException {
        BindingResult ownersPart = new BeanPropertyBindingResult(body, binding.getObjectName());
        binding.getFieldErrors().stream().filter(error -> !SET_FOR_OWNERS.contains(error.getField()))
                .forEach(ownersPart::addError);
        binding.getGlobalErrors().forEach(ownersPart::addError);
        if (ownersPart.hasErrors()) {
            throw invalid(ownersPart, call);
        }
        if (body.houseId() == null) {
            throw ApiValidationException.of("houseId", "api.owner.houseRequired");
        }
        OwnerRequests.Household household = household(owner);
        if (!household.houseIds().contains(body.houseId())) {
            throw new NotFoundException("house", body.houseId());
        }
        ApiValidationException.Collector errors = new ApiValidationException.Collector();
        if (categories.findByCode(body.categoryCode().strip()).filter(RequestCategory::isActive).isEmpty()) {
            errors.add("categoryCode", "api.request.categoryUnknown", body.categoryCode());
        }
        if (body.preferredFrom() != null && body.preferredTo() != null && body.preferredTo().isBefore(body.preferredFrom())) {
            errors.add("preferredTo", "api.request.preferredWindowOrder");
        }
        errors.throwIfAny();

        String phone = trimmed(body.contactPhone());
        if (phone == null) {
            phone = records.customers(List.of(household.customerId())).stream().findFirst()
                    .map(RecordsDirectory.CustomerSummary::primaryPhone).orElse(null);
        }
        long id;
        try {
            id = owners.submit(household, new OwnerRequests.NewRequest(body.kind(), body.categoryCode().strip(),
                    body.houseId(), body.description().strip(), RequestApiJson.instant(body.preferredFrom()),
                    RequestApiJson.instant(body.preferredTo()), phone), List.of());
        } catch (BusinessRuleException refused) {
            String field = INTAKE_FIELDS.get(refused.messageKey());
            if (field == null) {
                throw refused;
            }
            throw ApiValidationException.of(field, refused.messageKey(), refused.arguments());
        }
        ServiceRequest request = ownersRequest(household, id);
        return ResponseEntity.created(URI.create("/api/v1/requests/" + id))
                .eTag(ApiVersions.etag(request.getVersion()))
                .body(ownerDetail(request));
    }

    private ResponseEntity<RequestApiJson.RequestDetail> ownerDetail(OwnerRequests.Household household, long id) {
        ServiceRequest request = ownersRequest(household, id);
        return ResponseEntity.ok().eTag(ApiVersions.etag(request.getVersion())).body(ownerDetail(request));
    }

    private ResponseEntity<RequestApiJson.RequestDetail> actAsOwner(OwnerRequests.Household household, long id,
            String action, String ifMatch, RequestApiJson.ActionInput body) {
        OwnerAction move = OwnerAction.parse(action).orElseThrow(() -> RequestAction.parse(action).isPresent()
                ? new AccessDeniedException("Staff move " + action)
                : new ApiProblemException(HttpStatus.NOT_FOUND, ApiProblems.NOT_FOUND, "api.request.unknownAction", action));
        String reason = body == null ? null : firstText(body.reason(), body.note());
        if (move.needsReason() && reason == null) {
            throw ApiValidationException.of("reason", "api.request.reasonRequired");
        }
        Long expectedVersion = ApiVersions.expectedVersion(ifMatch);
        ServiceRequest current = ownersRequest(household, id);
        if (expectedVersion != null && expectedVersion != current.getVersion()) {
            throw new StaleVersionException();
        }
        try {
            switch (move) {
                case CANCEL -> owners.cancel(household, id, reason);
                case CONFIRM_FIXED -> owners.confirmFixed(household, id);
                case NOT_FIXED -> owners.notFixed(household, id, reason);
            }
        } catch (IllegalTransitionException | StaleVersionException answered) {
            throw answered;
        } catch (BusinessRuleException notNow) {
            // the portal's own refusals (too late to cancel, not done yet) are moves the state does not allow
            throw new IllegalTransitionException(notNow.messageKey(), notNow.arguments());
        }
        return ownerDetail(household, id);
    }

    private ServiceRequest ownersRequest(OwnerRequests.Household household, long id) {
        return queries.ofHousehold(household, id).orElseThrow(() -> new NotFoundException("Request", id));
    }

    private RequestApiJson.RequestDetail ownerDetail(ServiceRequest request) {
        String siteCode = records.site(request.getSiteId()).map(SiteSummary::code).orElse(null);
        return RequestApiJson.RequestDetail.forOwner(request, siteCode, dates.now(), dates.zone());
    }

    /** The caller, when it is an owner's or tenant's account rather than staff's. */
    private static Optional<PropertyDeskUser> owner() {
        return CurrentUser.find().filter(user -> user.hasRole(Role.OWNER));
    }

    /** The houses the owner occupies today, read afresh, so that a tenant who has moved out loses them at once. */
    private OwnerRequests.Household household(PropertyDeskUser owner) {
        if (owner.customerId() == null) {
            throw new NotFoundException("customer", owner.getUsername());
        }
        return owners.householdOf(owner.customerId());
    }

    /** The body's field errors, answered exactly as when Spring rejects an invalid body itself. */
    private static MethodArgumentNotValidException invalid(BindingResult errors, HttpServletRequest call) {
        HandlerMethod handler = (HandlerMethod) call.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        return new MethodArgumentNotValidException(handler.getMethodParameters()[0], errors);
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
