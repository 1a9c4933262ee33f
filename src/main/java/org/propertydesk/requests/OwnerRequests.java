package org.propertydesk.requests;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Requests as an owner or tenant sees and moves them in the portal, always for a {@link Household}: the houses they
 * occupy and their customer record. A request of another household is "not found", whatever its id; the timeline
 * shows only what the owner may read (no internal notes).
 */
@Service
@Transactional
public class OwnerRequests {

    /**
     * Who asks: the houses the owner occupies now with the moment they moved in, and their customer id. A request at
     * one of the houses is theirs if they made it or it came in after they moved in (not a previous occupant's); one
     * about no house in particular, if they made it. A house they have moved out of is no longer theirs at all.
     */
    public record Household(Map<Long, Instant> movedIn, long customerId) {

        public Household {
            movedIn = Map.copyOf(movedIn);
        }

        public Set<Long> houseIds() {
            return movedIn.keySet();
        }

        boolean owns(ServiceRequest request) {
            if (request.getHouseId() == null) {
                return request.getCustomerId() != null && request.getCustomerId() == customerId;
            }
            Instant since = movedIn.get(request.getHouseId());
            return since != null && (Objects.equals(request.getCustomerId(), customerId)
                    || !request.getReceivedAt().isBefore(since));
        }

        /** The same rule as a JPQL condition on {@code r}, adding its parameters. */
        String where(Map<String, Object> parameters) {
            parameters.put("householdCustomer", customerId);
            StringBuilder where = new StringBuilder("((r.houseId is null and r.customerId = :householdCustomer)");
            int i = 0;
            for (Map.Entry<Long, Instant> house : movedIn.entrySet()) {
                where.append(" or (r.houseId = :house").append(i).append(" and (r.customerId = :householdCustomer")
                        .append(" or r.receivedAt >= :since").append(i).append("))");
                parameters.put("house" + i, house.getKey());
                parameters.put("since" + i, house.getValue());
                i++;
            }
            return where.append(")").toString();
        }
    }

    /** A new request from the portal, for one of the household's houses. */
    public record NewRequest(RequestKind kind, String categoryCode, long houseId, String description,
            Instant preferredFrom, Instant preferredTo, String contactPhone) {
    }

    public record Summary(long id, String number, RequestKind kind, String categoryZh, String categoryEn,
            RequestStatus status, Long houseId, Instant receivedAt, Instant promisedAt, Instant dueArrivalAt,
            Instant dueResolveAt, Instant resolvedAt, boolean cancellable, boolean awaitingConfirmation) {

        public String categoryName(Locale locale) {
            return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? categoryEn : categoryZh;
        }
    }

    public record Event(Instant at, String type, String actor, String note) {
    }

    public record Detail(Summary summary, String description, String locationText, Instant preferredFrom,
            Instant preferredTo, List<Event> timeline, List<RequestWork.Photo> photos) {
    }

    /** The targets a request would get if received now, as the front desk promises them. */
    public record Promise(Instant respondBy, Instant arriveBy, Instant resolveBy) {
    }

    private final ServiceRequestRepository requests;
    private final RequestService service;
    private final RequestApiQueries queries;
    private final RecordsDirectory records;
    private final RequestAttachments attachments;
    private final RequestWork work;
    private final RequestCategoryRepository categories;
    private final SlaClock sla;
    private final Dates dates;

    OwnerRequests(ServiceRequestRepository requests, RequestService service, RequestApiQueries queries,
            RecordsDirectory records, RequestAttachments attachments,
            RequestWork work, RequestCategoryRepository categories,
            SlaClock sla, Dates dates) {
        this.requests = requests;
        this.service = service;
        this.queries = queries;
        this.records = records;
        this.attachments = attachments;
        this.work = work;
        this.categories = categories;
        this.sla = sla;
        this.dates = dates;
    }

    /** The household of a customer as it is today: the houses they occupy and since when, in the sites' zone. */
    @Transactional(readOnly = true)
    public Household householdOf(long customerId) {
        Map<Long, Instant> movedIn = new HashMap<>();
        records.currentHousesSince(customerId).forEach((house, day) -> movedIn.put(house, day.atStartOfDay(dates.zone()).toInstant()));
        return new Household(movedIn, customerId);
    }

    /** The household's requests, the latest first. */
    @Transactional(readOnly = true)
    public Page<Summary> list(Household household, Pageable pageable) {
        return queries.listForHousehold(new RequestApiQueries.Filter(null, null, null), household, pageable).map(this::summary);
    }

    @Transactional(readOnly = true)
    public Optional<Detail> find(Household household, long requestId) {
        return requests.findWithCategoryById(requestId).filter(household::owns).map(request -> new Detail(
                summary(request), request.getDescription(), request.getLocationText(), request.getPreferredFrom(),
                request.getPreferredTo(),
                request.getEvents().stream().filter(e -> !e.isInternal())
                        .map(e -> new Event(e.getAt(), e.getType(), e.getActor(), e.getNote())).toList(),
                work.photos(requestId)));
    }

    /**
     * Receives the owner's request with up to five photos, all or nothing: the same rules and targets as at the
     * front desk, through the portal channel, for the owner's house and customer record.
     */
    public long submit(Household household, NewRequest request, List<MultipartFile> photos) {
        if (!household.houseIds().contains(request.houseId())) {
            throw new NotFoundException("house", request.houseId());
        }
        long siteId = siteOf(request.houseId());
        return attachments.receive(new IntakeCommand(request.kind(), request.categoryCode(), Channel.PORTAL, siteId,
                null, null, request.houseId(), household.customerId(), request.contactPhone(), null,
                request.description(), request.preferredFrom(), request.preferredTo(), null), photos, null).getId();
    }

    /** The targets a request of this kind and category would get now at the house. */
    @Transactional(readOnly = true)
    public Promise promise(Household household, long houseId, RequestKind kind, String categoryCode, Instant preferredTo) {
        if (!household.houseIds().contains(houseId)) {
            throw new NotFoundException("house", houseId);
        }
        RequestCategory category = categories.findByCode(categoryCode).filter(RequestCategory::isActive)
                .orElseThrow(() -> new BusinessRuleException("request.error.categoryNotFound"));
        boolean specialNeeds = records.customers(List.of(household.customerId())).stream()
                .anyMatch(customer -> !customer.careFlags().isEmpty());
        Priority priority = specialNeeds && category.getDefaultPriority() != Priority.EMERGENCY
                ? category.getDefaultPriority().raised() : category.getDefaultPriority();
        SlaPlan plan = sla.plan(siteOf(houseId), kind, priority, dates.now(), preferredTo, specialNeeds);
        return new Promise(plan.dueAcknowledge(), kind == RequestKind.REPAIR ? plan.dueArrival() : null, plan.dueResolve());
    }

    /** Withdraws a request nobody has been sent out for yet. */
    public void cancel(Household household, long requestId, String reason) {
        ServiceRequest request = owned(household, requestId);
        if (!cancellable(request)) {
            throw new BusinessRuleException("request.error.ownerCancelTooLate");
        }
        service.act(requestId, RequestAction.CANCEL, reason, null);
    }

    /** The owner says it is fixed. */
    public void confirmFixed(Household household, long requestId) {
        owned(household, requestId);
        service.confirmByOwner(requestId, null);
    }

    /** The owner says it is not fixed: the request goes back to work, timed afresh, with their reason. */
    public void notFixed(Household household, long requestId, String reason) {
        ServiceRequest request = owned(household, requestId);
        if (request.getStatus() != RequestStatus.RESOLVED && request.getStatus() != RequestStatus.CLOSED) {
            throw new BusinessRuleException("request.error.ownerNotResolvedYet");
        }
        service.act(requestId, RequestAction.REOPEN, reason, null);
    }

    /** More photos for an open request, within the limit of five. */
    public void attach(Household household, long requestId, List<MultipartFile> photos) {
        ServiceRequest request = owned(household, requestId);
        if (!request.getStatus().isOpen()) {
            throw new BusinessRuleException("request.error.ownerRequestFinished");
        }
        attachments.attach(requestId, photos);
    }

    /** A photo of one of the household's requests. */
    @Transactional(readOnly = true)
    public Optional<RequestWork.PhotoFile> photo(Household household, long requestId, long attachmentId) {
        owned(household, requestId);
        return work.photo(requestId, attachmentId);
    }

    /**
     * A report from a QR code's form by someone without an account, with up to five photos; returns its number. It is
     * unverified until the front desk confirms it with the caller, and nobody is sent out before that.
     */
    public String reportWithoutAccount(long siteId, long reportPointId, String locationText, String phone,
            String description, List<MultipartFile> photos) {
        return attachments.reportWithoutAccount(siteId, reportPointId, locationText, phone, description, photos).getNumber();
    }

    /** Whether the request is one of the household's (for other modules' checks, e.g. ratings). */
    @Transactional(readOnly = true)
    public boolean owns(Household household, long requestId) {
        return requests.findById(requestId).filter(household::owns).isPresent();
    }

    private ServiceRequest owned(Household household, long requestId) {
        return requests.findWithCategoryById(requestId).filter(household::owns)
                .orElseThrow(() -> new NotFoundException("Request", requestId));
    }

    private long siteOf(long houseId) {
        return service.siteOfHouse(houseId);
    }

    private Summary summary(ServiceRequest r) {
        RequestCategory category = r.getCategory();
        return new Summary(r.getId(), r.getNumber(), r.getKind(), category.getNameZh(), category.getNameEn(),
                r.getStatus(), r.getHouseId(), r.getReceivedAt(), r.getPromisedAt(), r.getDueArrivalAt(),
                r.getDueResolveAt(), r.getResolvedAt(), cancellable(r), r.getStatus() == RequestStatus.RESOLVED);
    }

    private static boolean cancellable(ServiceRequest request) {
        return (request.getStatus() == RequestStatus.NEW || request.getStatus() == RequestStatus.ACKNOWLEDGED)
                && request.getDispatchedAt() == null && request.getWorkOrders() == 0;
    }
}
