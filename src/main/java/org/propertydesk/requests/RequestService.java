package org.propertydesk.requests;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking in requests and moving them through their flow. One method, one transaction; the request itself decides
 * which moves are legal.
 */
@Service
@Transactional
public class RequestService {

    static final Duration REPEAT_WINDOW = Duration.ofDays(30);

    private final ServiceRequestRepository requests;
    private final RequestCategoryRepository categories;
    private final RecordsDirectory records;
    private final RequestNumbers numbers;
    private final SlaClock sla;
    private final Dates dates;

    RequestService(ServiceRequestRepository requests, RequestCategoryRepository categories, RecordsDirectory records,
            RequestNumbers numbers, SlaClock sla, Dates dates) {
        this.requests = requests;
        this.categories = categories;
        this.records = records;
        this.numbers = numbers;
        this.sla = sla;
        this.dates = dates;
    }

    /** What intake decides before saving: the priority (raised for a care flag) and the plan it gives. */
    record Assessment(Priority priority, String raisedReason, boolean specialNeeds, SlaPlan plan, Long repeatOfId) {
    }

    @Transactional(readOnly = true)
    Assessment assess(IntakeCommand command, SiteScope scope) {
        RequestCategory category = category(command.categoryCode());
        Priority priority = command.priority() != null ? command.priority() : category.getDefaultPriority();
        String raisedReason = null;
        boolean specialNeeds = false;
        if (command.customerId() != null) {
            var careFlags = records.careFlags(command.customerId(), scope)
                    .orElseThrow(() -> new BusinessRuleException("request.error.customerNotFound"));
            specialNeeds = !careFlags.isEmpty();
            if (specialNeeds && priority != Priority.EMERGENCY) {
                priority = priority.raised();
                raisedReason = careFlags.stream().map(Enum::name).sorted().findFirst().orElseThrow();
            }
        }
        Instant now = dates.now();
        Long repeatOf = command.kind() == RequestKind.REPAIR && command.houseId() != null
                ? requests.findRecentlyResolvedRepair(command.houseId(), category.getId(), now.minus(REPEAT_WINDOW)).orElse(null)
                : null;
        return new Assessment(priority, raisedReason, specialNeeds,
                sla.plan(command.siteId(), command.kind(), priority, now, command.preferredTo(), specialNeeds), repeatOf);
    }

    ServiceRequest receive(IntakeCommand command) {
        SiteScope scope = CurrentUser.siteScope();
        if (command.siteId() == null || !scope.includes(command.siteId())) {
            throw new BusinessRuleException("request.error.siteNotYours");
        }
        if (command.houseId() != null) {
            long houseSite = records.siteOfHouse(command.houseId(), scope)
                    .orElseThrow(() -> new BusinessRuleException("request.error.houseNotFound"));
            if (houseSite != command.siteId()) {
                throw new BusinessRuleException("request.error.houseOtherSite");
            }
        }
        RequestCategory category = category(command.categoryCode());
        Assessment assessment = assess(command, scope);
        Scope where = command.scope() != null ? command.scope()
                : command.houseId() != null && category.isSpecialService() ? Scope.PREMISES : Scope.COMMON_AREA;
        Instant now = dates.now();
        ServiceRequest request = ServiceRequest.receive(numbers.next(now),
                new ServiceRequest.Intake(command.kind(), category, where, assessment.priority(), assessment.raisedReason(),
                        command.channel(), command.siteId(), command.houseId(), command.customerId(),
                        command.contactPhone(), command.locationText(), command.description(), command.preferredFrom(),
                        command.preferredTo(), command.promisedAt(), assessment.repeatOfId(), assessment.specialNeeds()),
                assessment.plan(), actor(), now);
        return requests.save(request);
    }

    /**
     * A report from a QR code's form by someone without an account: a repair of the "other" category at the code's
     * place, unverified until the front desk has confirmed it, timed from now like any request.
     */
    ServiceRequest reportWithoutAccount(long siteId, long reportPointId, String locationText, String phone,
            String description) {
        RequestCategory category = category("OTHER");
        Instant now = dates.now();
        Priority priority = category.getDefaultPriority();
        ServiceRequest.Actor reporter = new ServiceRequest.Actor("public", phone);
        ServiceRequest request = ServiceRequest.reportWithoutAccount(numbers.next(now),
                new ServiceRequest.Intake(RequestKind.REPAIR, category, Scope.COMMON_AREA, priority, null, Channel.QR_CODE,
                        siteId, null, null, phone, locationText, description, null, null, null, null, false),
                reportPointId, sla.plan(siteId, RequestKind.REPAIR, priority, now, null, false), reporter, now);
        return requests.save(request);
    }

    ServiceRequest verify(long id, String note, Long expectedVersion) {
        ServiceRequest request = get(id);
        requireVersion(request, expectedVersion);
        request.verify(actor(), dates.now(), note);
        return requests.save(request);
    }

    /**
     * The owner says it is fixed: the timeline keeps their word and the request closes, except a complaint, which is
     * always called back before it closes.
     */
    ServiceRequest confirmByOwner(long id, String note) {
        ServiceRequest request = get(id);
        Instant now = dates.now();
        request.confirmedByOwner(actor(), now, note);
        if (request.getStatus() == RequestStatus.RESOLVED && request.getKind() != RequestKind.COMPLAINT) {
            request.close(actor(), now, null);
        }
        return requests.save(request);
    }

    @Transactional(readOnly = true)
    long siteOfHouse(long houseId) {
        return records.houses(List.of(houseId)).stream().findFirst().map(RecordsDirectory.HouseSummary::siteId)
                .orElseThrow(() -> new NotFoundException("house", houseId));
    }

    @Transactional(readOnly = true)
    Optional<ServiceRequest> find(long id) {
        return requests.findWithCategoryById(id).filter(r -> CurrentUser.siteScope().includes(r.getSiteId()));
    }

    @Transactional(readOnly = true)
    ServiceRequest get(long id) {
        ServiceRequest request = find(id).orElseThrow(() -> new NotFoundException("Request", id));
        request.getEvents().size();
        return request;
    }

    ServiceRequest act(long id, RequestAction action, String note, Long expectedVersion) {
        ServiceRequest request = get(id);
        requireVersion(request, expectedVersion);
        ServiceRequest.Actor actor = actor();
        Instant now = dates.now();
        switch (action) {
            case ACKNOWLEDGE -> request.acknowledge(actor, now, note);
            case DISPATCH -> request.dispatch(actor, now, note);
            case ARRIVE -> request.arrive(actor, now, note);
            case HOLD -> request.hold(actor, now, note);
            case RESUME -> request.resume(actor, now, sla.calendarFor(request), note);
            case RESOLVE -> request.resolve(actor, now, note);
            case CLOSE -> request.close(actor, now, note);
            case REOPEN -> request.reopen(actor, now, note, sla.restart(request, now));
            case CANCEL -> request.cancel(actor, now, note);
            case CALLBACK -> request.recordCallback(actor, now, note);
            case FOLLOW_UP -> request.followUp(actor, now, note);
            case VERIFY -> request.verify(actor, now, note);
        }
        return requests.save(request);
    }

    /** An inquiry answered during the call that brought it in: first-contact resolution. */
    ServiceRequest resolveAtIntake(long id, String answer) {
        ServiceRequest request = get(id);
        request.resolveAtIntake(actor(), dates.now(), answer);
        return requests.save(request);
    }

    ServiceRequest changeKind(long id, RequestKind kind, String note, Long expectedVersion) {
        ServiceRequest request = get(id);
        requireVersion(request, expectedVersion);
        request.changeKind(kind, sla.replan(request, kind, request.getPriority()), actor(), dates.now(), note);
        return requests.save(request);
    }

    ServiceRequest changePriority(long id, Priority priority, String note, Long expectedVersion) {
        ServiceRequest request = get(id);
        requireVersion(request, expectedVersion);
        request.changePriority(priority, sla.replan(request, request.getKind(), priority), actor(), dates.now(), note);
        return requests.save(request);
    }

    ServiceRequest promise(long id, Instant promisedAt, Long expectedVersion) {
        ServiceRequest request = get(id);
        requireVersion(request, expectedVersion);
        request.promise(promisedAt, actor(), dates.now());
        return requests.save(request);
    }

    ServiceRequest addNote(long id, String note, boolean internal) {
        ServiceRequest request = get(id);
        request.addNote(actor(), dates.now(), note, internal);
        return requests.save(request);
    }

    void recordAttachments(long id, int count) {
        ServiceRequest request = get(id);
        request.attached(count, actor(), dates.now());
        requests.save(request);
    }

    @Transactional(readOnly = true)
    List<ServiceRequest> openForHouse(long houseId, String categoryCode) {
        Long categoryId = categories.findByCode(categoryCode).map(RequestCategory::getId).orElse(-1L);
        return requests.findOpenForHouse(houseId, categoryId).stream()
                .filter(r -> CurrentUser.siteScope().includes(r.getSiteId())).toList();
    }

    private static void requireVersion(ServiceRequest request, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != request.getVersion()) {
            throw new StaleVersionException();
        }
    }

    private RequestCategory category(String code) {
        return categories.findByCode(code).filter(RequestCategory::isActive)
                .orElseThrow(() -> new BusinessRuleException("request.error.categoryNotFound"));
    }

    private static ServiceRequest.Actor actor() {
        return new ServiceRequest.Actor(CurrentUser.username(), CurrentUser.displayName());
    }
}
