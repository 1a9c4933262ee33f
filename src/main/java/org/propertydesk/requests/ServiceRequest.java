package org.propertydesk.requests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;

/**
 * A service request (工单). It changes state only through the methods below, which refuse illegal moves, put every
 * change on the timeline, and register the events other modules listen to.
 *
 * <pre>
 * NEW → ACKNOWLEDGED → DISPATCHED → IN_PROGRESS → RESOLVED → CLOSED
 *          ON_HOLD (clock stopped) ⇄ any working state;  RESOLVED/CLOSED → REOPENED → back to work;
 *          any open state → CANCELLED (with a reason)
 * </pre>
 * Dispatch is only for work on site; inquiries and complaints can be resolved by the staff handling them, an inquiry
 * even at intake. A complaint cannot close before its callback.
 */
@Entity
@Table(name = "service_request")
class ServiceRequest {

    private static final Set<RequestStatus> WORKING = EnumSet.of(RequestStatus.ACKNOWLEDGED, RequestStatus.DISPATCHED,
            RequestStatus.IN_PROGRESS, RequestStatus.REOPENED);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestKind kind;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    private RequestCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Scope scope;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    @Column(name = "priority_raised_reason")
    private String priorityRaisedReason;

    @Column(name = "special_needs", nullable = false)
    private boolean specialNeeds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_hold")
    private RequestStatus statusBeforeHold;

    @Column(name = "site_id", nullable = false)
    private Long siteId;

    @Column(name = "house_id")
    private Long houseId;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(name = "location_text")
    private String locationText;

    @Column(nullable = false)
    private String description;

    @Column(name = "preferred_from")
    private Instant preferredFrom;

    @Column(name = "preferred_to")
    private Instant preferredTo;

    @Column(name = "promised_at")
    private Instant promisedAt;

    @Column(name = "promise_kept")
    private Boolean promiseKept;

    @Column(name = "owner_username")
    private String ownerUsername;

    @Column(name = "owner_name")
    private String ownerName;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    /** When the targets still to be met started running: the receipt, or the latest reopening. */
    @Column(name = "clock_started_at", nullable = false)
    private Instant clockStartedAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "dispatched_at")
    private Instant dispatchedAt;

    @Column(name = "arrived_at")
    private Instant arrivedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancel_reason")
    private String cancelReason;

    /** When a missed target was first escalated, if ever. */
    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "held_at")
    private Instant heldAt;

    @Column(name = "held_seconds", nullable = false)
    private long heldSeconds;

    @Column(name = "hold_reason")
    private String holdReason;

    @Column(name = "due_acknowledge_at", nullable = false)
    private Instant dueAcknowledgeAt;

    @Column(name = "due_arrival_at")
    private Instant dueArrivalAt;

    @Column(name = "due_resolve_at", nullable = false)
    private Instant dueResolveAt;

    @Column(name = "risk_acknowledge_at", nullable = false)
    private Instant riskAcknowledgeAt;

    @Column(name = "risk_arrival_at")
    private Instant riskArrivalAt;

    @Column(name = "risk_resolve_at", nullable = false)
    private Instant riskResolveAt;

    @Column(name = "first_contact_resolution", nullable = false)
    private boolean firstContactResolution;

    @Column(name = "follow_ups", nullable = false)
    private int followUps;

    @Column(name = "reopen_count", nullable = false)
    private int reopenCount;

    @Column(name = "repeat_of_id")
    private Long repeatOfId;

    @Column(name = "callback_done_at")
    private Instant callbackDoneAt;

    /** Reported through a QR code without an account: the front desk confirms it with the caller first. */
    @Column(nullable = false)
    private boolean unverified;

    @Column(name = "report_point_id")
    private Long reportPointId;

    @Column(name = "work_orders", nullable = false)
    private int workOrders;

    /** What the work orders add up to; null while there are none. */
    @Enumerated(EnumType.STRING)
    @Column(name = "work_state")
    private WorkState workState;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL)
    @OrderBy("at, id")
    private List<RequestEvent> events = new ArrayList<>();

    @Transient
    private final List<Object> domainEvents = new ArrayList<>();

    protected ServiceRequest() {
    }

    /** What the front desk captured at intake. */
    record Intake(RequestKind kind, RequestCategory category, Scope scope, Priority priority, String priorityRaisedReason,
            Channel channel, Long siteId, Long houseId, Long customerId, String contactPhone, String locationText,
            String description, Instant preferredFrom, Instant preferredTo, Instant promisedAt, Long repeatOfId,
            boolean specialNeeds) {
    }

    static ServiceRequest receive(String number, Intake intake, SlaPlan plan, Actor actor, Instant now) {
        ServiceRequest request = new ServiceRequest();
        request.number = number;
        request.kind = intake.kind();
        request.category = intake.category();
        request.scope = intake.scope();
        request.priority = intake.priority();
        request.priorityRaisedReason = intake.priorityRaisedReason();
        request.specialNeeds = intake.specialNeeds();
        request.channel = intake.channel();
        request.siteId = intake.siteId();
        request.houseId = intake.houseId();
        request.customerId = intake.customerId();
        request.contactPhone = intake.contactPhone();
        request.locationText = intake.locationText();
        request.description = intake.description();
        request.preferredFrom = intake.preferredFrom();
        request.preferredTo = intake.preferredTo();
        request.promisedAt = intake.promisedAt();
        request.repeatOfId = intake.repeatOfId();
        request.status = RequestStatus.NEW;
        request.receivedAt = now;
        request.clockStartedAt = now;
        if (!intake.channel().isSelfService()) {
            request.ownerUsername = actor.username();
            request.ownerName = actor.name();
        }
        request.createdAt = now;
        request.createdBy = actor.username();
        request.apply(plan);
        request.touch(actor, now);
        request.log(now, "received", actor, null, false);
        if (intake.priorityRaisedReason() != null) {
            request.log(now, "priorityRaised", actor, intake.priorityRaisedReason(), true);
        }
        if (intake.promisedAt() != null) {
            request.log(now, "promised", actor, null, false);
        }
        if (intake.repeatOfId() != null) {
            request.log(now, "repeatFlagged", actor, null, true);
        }
        request.domainEvents.add(new RequestEvents.RequestReceived(null, number, intake.kind(), intake.siteId(),
                intake.priority(), now));
        return request;
    }

    /**
     * A report from a QR code's form, by someone without an account: unverified until the front desk has confirmed it
     * with the caller, and timed like any request meanwhile.
     */
    static ServiceRequest reportWithoutAccount(String number, Intake intake, long reportPointId, SlaPlan plan, Actor actor,
            Instant now) {
        ServiceRequest request = receive(number, intake, plan, actor, now);
        request.unverified = true;
        request.reportPointId = reportPointId;
        return request;
    }

    /** The front desk reached the caller of an unverified report and confirms it is real. */
    void verify(Actor actor, Instant now, String note) {
        require(unverified && status.isOpen(), "verify");
        unverified = false;
        markAcknowledged(now);
        if (ownerUsername == null) {
            takeOwnership(actor);
        }
        if (status == RequestStatus.NEW) {
            moveTo(RequestStatus.ACKNOWLEDGED, "verified", actor, now, note, false);
        } else {
            log(now, "verified", actor, note, false);
            touch(actor, now);
        }
    }

    /** The owner says the work is done as they wanted; the timeline keeps their word. */
    void confirmedByOwner(Actor actor, Instant now, String note) {
        require(status == RequestStatus.RESOLVED || status == RequestStatus.CLOSED, "ownerConfirm");
        log(now, "ownerConfirmed", actor, note, false);
        touch(actor, now);
    }

    /** Who acts on a request: the username recorded as owner and author, and the name shown on the timeline. */
    record Actor(String username, String name) {
    }

    void acknowledge(Actor actor, Instant now, String note) {
        require(status == RequestStatus.NEW, "acknowledge");
        acknowledgedAt = now;
        takeOwnership(actor);
        moveTo(RequestStatus.ACKNOWLEDGED, "acknowledged", actor, now, note, false);
    }

    void dispatch(Actor actor, Instant now, String note) {
        requireNoWorkInHand();
        requireVerified();
        require(status == RequestStatus.NEW || status == RequestStatus.ACKNOWLEDGED || status == RequestStatus.REOPENED,
                "dispatch");
        markAcknowledged(now);
        if (dispatchedAt == null) {
            dispatchedAt = now;
        }
        moveTo(RequestStatus.DISPATCHED, "dispatched", actor, now, note, false);
    }

    /** Someone is on site; the first arrival is what the arrival target measures. */
    void arrive(Actor actor, Instant now, String note) {
        requireNoWorkInHand();
        require(status == RequestStatus.DISPATCHED, "arrive");
        markArrived(now);
        moveTo(RequestStatus.IN_PROGRESS, "arrived", actor, now, note, false);
    }

    void hold(Actor actor, Instant now, String reason) {
        requireNoWorkInHand();
        require(WORKING.contains(status), "hold");
        requireText(reason, "request.error.reasonRequired");
        statusBeforeHold = status;
        heldAt = now;
        holdReason = reason.strip();
        moveTo(RequestStatus.ON_HOLD, "held", actor, now, reason, false);
    }

    /** Back to work; the time on hold, measured on the policy's clock, pushes every target back. */
    void resume(Actor actor, Instant now, BusinessCalendar clock, String note) {
        requireNoWorkInHand();
        require(status == RequestStatus.ON_HOLD, "resume");
        moveTo(endHold(clock, now), "resumed", actor, now, note, false);
    }

    /** Ends the hold: the time on hold, measured on the policy's clock, pushes every unmet target back. */
    private RequestStatus endHold(BusinessCalendar clock, Instant now) {
        Duration held = clock.between(heldAt, now);
        heldSeconds += held.toSeconds();
        apply(currentPlan().delayedBy(clock, held, unmetTargets()));
        RequestStatus back = statusBeforeHold;
        statusBeforeHold = null;
        heldAt = null;
        holdReason = null;
        return back;
    }

    /**
     * Resolves the request. A new inquiry answered later (not during the call) is acknowledged and resolved in one
     * step, but is not a first-contact resolution: only {@link #resolveAtIntake} is.
     */
    void resolve(Actor actor, Instant now, String note) {
        requireNoWorkInHand();
        if (kind == RequestKind.REPAIR) {
            require(status == RequestStatus.IN_PROGRESS || (arrivedAt != null && WORKING.contains(status)),
                    "resolveRepair");
        } else if (kind == RequestKind.INQUIRY && status == RequestStatus.NEW) {
            takeOwnership(actor);
        } else {
            require(WORKING.contains(status), "resolve");
        }
        markAcknowledged(now);
        resolvedAt = now;
        moveTo(RequestStatus.RESOLVED, "resolved", actor, now, note, false);
    }

    /** An inquiry answered while the caller is still on the line: first-contact resolution. */
    void resolveAtIntake(Actor actor, Instant now, String note) {
        if (kind != RequestKind.INQUIRY || status != RequestStatus.NEW) {
            throw new IllegalTransitionException("request.error.resolveAtIntake");
        }
        acknowledgedAt = now;
        resolvedAt = now;
        firstContactResolution = true;
        takeOwnership(actor);
        moveTo(RequestStatus.RESOLVED, "resolvedAtIntake", actor, now, note, false);
    }

    void close(Actor actor, Instant now, String note) {
        require(status == RequestStatus.RESOLVED, "close");
        if (kind == RequestKind.COMPLAINT && callbackDoneAt == null) {
            throw new IllegalTransitionException("request.error.complaintNeedsCallback");
        }
        closedAt = now;
        moveTo(RequestStatus.CLOSED, "closed", actor, now, note, false);
    }

    void recordCallback(Actor actor, Instant now, String note) {
        require(status == RequestStatus.RESOLVED, "callback");
        callbackDoneAt = now;
        log(now, "callbackDone", actor, note, false);
        touch(actor, now);
    }

    /**
     * Back to work: the resolution target starts again from now, and a repair needs a new visit, so its arrival is
     * timed afresh too (the first visit stays on the timeline).
     */
    void reopen(Actor actor, Instant now, String reason, SlaPlan fresh) {
        require(status == RequestStatus.RESOLVED || status == RequestStatus.CLOSED, "reopen");
        requireText(reason, "request.error.reasonRequired");
        reopenCount++;
        resolvedAt = null;
        closedAt = null;
        callbackDoneAt = null;
        clockStartedAt = now;
        heldSeconds = 0;
        Set<SlaTarget> again = EnumSet.of(SlaTarget.RESOLVE);
        if (kind == RequestKind.REPAIR) {
            arrivedAt = null;
            again.add(SlaTarget.ARRIVAL);
        }
        apply(currentPlan().withTargetsFrom(fresh, again));
        moveTo(RequestStatus.REOPENED, "reopened", actor, now, reason, false);
        domainEvents.add(new RequestEvents.RequestReopened(id, number, siteId, reopenCount, reason, now));
    }

    /** A work order was created for this request: from now on its work moves follow its work orders. */
    void workOrderAdded(String detail, Actor actor, Instant now, BusinessCalendar clock) {
        require(status.isOpen(), "assign");
        requireVerified();
        workOrders++;
        followWork(WorkState.ASSIGNED, "workAssigned", detail, actor, now, clock);
    }

    /**
     * Takes the state the work orders add up to, with one timeline entry naming the step that caused it. The first
     * time someone is on site is the arrival; pausing all work stops the clock like a hold; all work done resolves.
     */
    void followWork(WorkState work, String eventType, String detail, Actor actor, Instant now, BusinessCalendar clock) {
        RequestStatus from = status;
        if (!status.isOpen()) {
            throw new IllegalTransitionException("request.error.illegalMove", "request.action.followWork",
                    "request.status." + status);
        }
        if (status == RequestStatus.ON_HOLD && work != WorkState.PAUSED) {
            status = endHold(clock, now);
        }
        switch (work) {
            case WAITING -> {
                if (status == RequestStatus.DISPATCHED || status == RequestStatus.IN_PROGRESS) {
                    status = RequestStatus.ACKNOWLEDGED;
                }
            }
            case ASSIGNED -> startWork(now);
            case ON_SITE -> {
                startWork(now);
                if (status == RequestStatus.DISPATCHED) {
                    markArrived(now);
                    status = RequestStatus.IN_PROGRESS;
                }
            }
            case PAUSED -> {
                if (status != RequestStatus.ON_HOLD) {
                    statusBeforeHold = status;
                    heldAt = now;
                    holdReason = detail == null ? null : abbreviated(detail.strip(), MAX_REASON);
                    status = RequestStatus.ON_HOLD;
                }
            }
            case DONE -> {
                markAcknowledged(now);
                resolvedAt = now;
                status = RequestStatus.RESOLVED;
            }
        }
        workState = work;
        log(now, eventType, actor, detail == null ? null : abbreviated(detail.strip(), MAX_NOTE), false);
        touch(actor, now);
        if (status != from) {
            domainEvents.add(new RequestEvents.RequestStatusChanged(id, number, kind, siteId, from, status,
                    actor.username(), now));
        }
    }

    /**
     * Dispatch sent a finished work order back to its technician as the request reopened: someone has the job again.
     * No timeline entry of its own: the reopening is the step.
     */
    void workSentBack() {
        workState = WorkState.ASSIGNED;
    }

    /** Text cut to fit a column, marked as cut. */
    private static String abbreviated(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Someone is assigned, on site or paused: the work orders are in charge of the request's work moves. */
    public boolean isWorkInHand() {
        return workState == WorkState.ASSIGNED || workState == WorkState.ON_SITE || workState == WorkState.PAUSED;
    }

    private void startWork(Instant now) {
        if (status == RequestStatus.NEW || status == RequestStatus.ACKNOWLEDGED || status == RequestStatus.REOPENED) {
            markAcknowledged(now);
            if (dispatchedAt == null) {
                dispatchedAt = now;
            }
            status = RequestStatus.DISPATCHED;
        }
    }

    private void markArrived(Instant now) {
        if (arrivedAt == null) {
            arrivedAt = now;
        }
        if (promisedAt != null && promiseKept == null) {
            promiseKept = !now.isAfter(promisedAt);
        }
    }

    private void requireVerified() {
        if (unverified) {
            throw new IllegalTransitionException("request.error.unverified");
        }
    }

    private void requireNoWorkInHand() {
        if (isWorkInHand()) {
            throw new IllegalTransitionException("request.error.followsWorkOrders");
        }
    }

    void cancel(Actor actor, Instant now, String reason) {
        require(status.isOpen(), "cancel");
        requireText(reason, "request.error.reasonRequired");
        cancelledAt = now;
        cancelReason = reason.strip();
        heldAt = null;
        moveTo(RequestStatus.CANCELLED, "cancelled", actor, now, reason, false);
    }

    /** An inquiry turns out to be a repair, a repair becomes a complaint: same number, timeline and photos, new targets. */
    void changeKind(RequestKind newKind, SlaPlan plan, Actor actor, Instant now, String note) {
        require(status.isOpen(), "changeKind");
        if (newKind == kind) {
            return;
        }
        RequestKind old = kind;
        kind = newKind;
        apply(plan);
        log(now, "kindChanged", actor, "request.kind." + old + " → request.kind." + newKind
                + (note == null || note.isBlank() ? "" : ": " + note.strip()), false);
        touch(actor, now);
    }

    void changePriority(Priority newPriority, SlaPlan plan, Actor actor, Instant now, String note) {
        require(status.isOpen(), "changePriority");
        if (newPriority == priority) {
            return;
        }
        Priority old = priority;
        priority = newPriority;
        apply(plan);
        log(now, "priorityChanged", actor, "request.priority." + old + " → request.priority." + newPriority
                + (note == null || note.isBlank() ? "" : ": " + note.strip()), true);
        touch(actor, now);
    }

    void promise(Instant promisedAt, Actor actor, Instant now) {
        require(status.isOpen() && arrivedAt == null, "promise");
        this.promisedAt = promisedAt;
        this.promiseKept = null;
        log(now, "promised", actor, null, false);
        touch(actor, now);
    }

    /** The owner called again about this request: counted, since "two or more follow-ups" is a KPI. */
    void followUp(Actor actor, Instant now, String note) {
        require(status.isOpen(), "followUp");
        followUps++;
        log(now, "followUp", actor, note, false);
        touch(actor, now);
    }

    void addNote(Actor actor, Instant now, String note, boolean internal) {
        requireText(note, "request.error.noteRequired");
        log(now, internal ? "internalNote" : "note", actor, note, internal);
        touch(actor, now);
    }

    /**
     * The request is about an incident already being handled: the call counts as acknowledged by whoever linked it,
     * and the owner sees on the timeline what it was linked to.
     */
    void linkedToIncident(Actor actor, Instant now, String summary) {
        require(status.isOpen(), "linkIncident");
        if (status == RequestStatus.NEW && !unverified) {
            acknowledgedAt = now;
            takeOwnership(actor);
            moveTo(RequestStatus.ACKNOWLEDGED, "acknowledged", actor, now, null, false);
        }
        log(now, "incidentLinked", actor, abbreviated(summary.strip(), MAX_NOTE), false);
        touch(actor, now);
    }

    /** News of the incident the request is linked to, for the owner to read on their request. */
    void incidentUpdate(Actor actor, Instant now, String note) {
        requireText(note, "request.error.noteRequired");
        log(now, "incidentUpdate", actor, note, false);
        touch(actor, now);
    }

    /**
     * The incident is over, and with it what the request was about: resolved from whatever open state it was in, an
     * unfinished hold ending as usual. Work orders in hand keep the request: their technician finishes it.
     */
    void resolveWithIncident(Actor actor, Instant now, String note, BusinessCalendar clock) {
        require(status.isOpen(), "resolve");
        requireNoWorkInHand();
        if (status == RequestStatus.ON_HOLD) {
            status = endHold(clock, now);
        }
        markAcknowledged(now);
        if (ownerUsername == null) {
            takeOwnership(actor);
        }
        resolvedAt = now;
        moveTo(RequestStatus.RESOLVED, "resolved", actor, now, note, false);
    }

    void attached(int count, Actor actor, Instant now) {
        log(now, "attached", actor, String.valueOf(count), false);
        touch(actor, now);
    }

    /** The escalation job found a target missed: the breach and who was told go on the timeline. */
    void escalated(SlaTarget target, int level, List<String> recipients, Instant now) {
        Actor system = new Actor("system", "system");
        if (escalatedAt == null) {
            escalatedAt = now;
        }
        if (level == 1) {
            log(now, "breached", system, target.name(), true);
        }
        String who = recipients.isEmpty() ? "—" : String.join(", ", recipients.stream().limit(10).toList())
                + (recipients.size() > 10 ? " +" + (recipients.size() - 10) : "");
        log(now, "escalated", system, "L" + level + " → " + who, true);
    }

    /** The plan the request is currently timed against, as stored. */
    SlaPlan currentPlan() {
        return new SlaPlan(dueAcknowledgeAt, riskAcknowledgeAt, dueArrivalAt, riskArrivalAt, dueResolveAt, riskResolveAt);
    }

    /** The targets still to be met; only these move when the clock stops or the plan changes. */
    Set<SlaTarget> unmetTargets() {
        Set<SlaTarget> unmet = EnumSet.noneOf(SlaTarget.class);
        for (SlaTarget target : SlaTarget.values()) {
            if (metAt(target) == null) {
                unmet.add(target);
            }
        }
        return unmet;
    }

    Duration heldSoFar() {
        return Duration.ofSeconds(heldSeconds);
    }

    /** The earliest target still to be met, which is what the queues and the at-risk flag look at. */
    public SlaTarget pendingTarget() {
        if (!status.isOpen() || status == RequestStatus.ON_HOLD) {
            return null;
        }
        if (acknowledgedAt == null) {
            return SlaTarget.ACKNOWLEDGE;
        }
        if (kind == RequestKind.REPAIR && arrivedAt == null && dueArrivalAt != null) {
            return SlaTarget.ARRIVAL;
        }
        return SlaTarget.RESOLVE;
    }

    public Instant dueOf(SlaTarget target) {
        return switch (target) {
            case ACKNOWLEDGE -> dueAcknowledgeAt;
            case ARRIVAL -> dueArrivalAt;
            case RESOLVE -> dueResolveAt;
        };
    }

    public Instant riskOf(SlaTarget target) {
        return switch (target) {
            case ACKNOWLEDGE -> riskAcknowledgeAt;
            case ARRIVAL -> riskArrivalAt;
            case RESOLVE -> riskResolveAt;
        };
    }

    /** When the target was met, or null while it is still pending. */
    public Instant metAt(SlaTarget target) {
        return switch (target) {
            case ACKNOWLEDGE -> acknowledgedAt;
            case ARRIVAL -> arrivedAt;
            case RESOLVE -> resolvedAt;
        };
    }

    public boolean isBreached(Instant now) {
        for (SlaTarget target : SlaTarget.values()) {
            Instant due = dueOf(target);
            if (due == null || (target == SlaTarget.ARRIVAL && kind != RequestKind.REPAIR)) {
                continue;
            }
            Instant met = metAt(target);
            if (met != null ? met.isAfter(due) : (status.isOpen() && status != RequestStatus.ON_HOLD && now.isAfter(due))) {
                return true;
            }
        }
        return false;
    }

    public boolean isAtRisk(Instant now) {
        SlaTarget target = pendingTarget();
        if (target == null) {
            return false;
        }
        Instant risk = riskOf(target);
        return risk != null && !now.isBefore(risk) && !now.isAfter(dueOf(target));
    }

    private void apply(SlaPlan plan) {
        dueAcknowledgeAt = plan.dueAcknowledge();
        riskAcknowledgeAt = plan.riskAcknowledge();
        dueArrivalAt = plan.dueArrival();
        riskArrivalAt = plan.riskArrival();
        dueResolveAt = plan.dueResolve();
        riskResolveAt = plan.riskResolve();
    }

    private void markAcknowledged(Instant now) {
        if (acknowledgedAt == null) {
            acknowledgedAt = now;
        }
    }

    private void takeOwnership(Actor actor) {
        ownerUsername = actor.username();
        ownerName = actor.name();
    }

    private void moveTo(RequestStatus to, String eventType, Actor actor, Instant now, String note, boolean internal) {
        RequestStatus from = status;
        status = to;
        log(now, eventType, actor, note, internal);
        touch(actor, now);
        domainEvents.add(new RequestEvents.RequestStatusChanged(id, number, kind, siteId, from, to, actor.username(), now));
    }

    private void log(Instant at, String type, Actor actor, String note, boolean internal) {
        events.add(new RequestEvent(this, at, type, actor.name(), note, internal));
    }

    private void touch(Actor actor, Instant now) {
        updatedAt = now;
        updatedBy = actor.username();
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new IllegalTransitionException("request.error.illegalMove", "request.action." + action,
                    "request.status." + status);
        }
    }

    static final int MAX_REASON = 500;
    static final int MAX_NOTE = 2000;

    private static void requireText(String text, String messageKey) {
        if (text == null || text.isBlank()) {
            throw new IllegalTransitionException(messageKey);
        }
        int max = messageKey.equals("request.error.noteRequired") ? MAX_NOTE : MAX_REASON;
        if (text.strip().length() > max) {
            throw new IllegalTransitionException("request.error.textTooLong", max);
        }
    }

    /**
     * Events are registered before a new request has its id; they are published after the save, so the id is filled
     * in here.
     */
    @DomainEvents
    List<Object> domainEvents() {
        return domainEvents.stream().map(this::withId).toList();
    }

    private Object withId(Object event) {
        if (event instanceof RequestEvents.RequestReceived e && e.requestId() == null) {
            return new RequestEvents.RequestReceived(id, e.number(), e.kind(), e.siteId(), e.priority(), e.at());
        }
        if (event instanceof RequestEvents.RequestStatusChanged e && e.requestId() == null) {
            return new RequestEvents.RequestStatusChanged(id, e.number(), e.kind(), e.siteId(), e.from(), e.to(),
                    e.actor(), e.at());
        }
        return event;
    }

    @AfterDomainEventPublication
    void clearDomainEvents() {
        domainEvents.clear();
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public RequestKind getKind() {
        return kind;
    }

    public RequestCategory getCategory() {
        return category;
    }

    public Scope getScope() {
        return scope;
    }

    public Priority getPriority() {
        return priority;
    }

    public String getPriorityRaisedReason() {
        return priorityRaisedReason;
    }

    public Channel getChannel() {
        return channel;
    }

    public RequestStatus getStatus() {
        return status;
    }

    public Long getSiteId() {
        return siteId;
    }

    public Long getHouseId() {
        return houseId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public String getLocationText() {
        return locationText;
    }

    public String getDescription() {
        return description;
    }

    public Instant getPreferredFrom() {
        return preferredFrom;
    }

    public Instant getPreferredTo() {
        return preferredTo;
    }

    public Instant getPromisedAt() {
        return promisedAt;
    }

    public Boolean getPromiseKept() {
        return promiseKept;
    }

    /** From a customer with a care flag: answered within 72 hours whatever the category's targets. */
    public boolean isSpecialNeeds() {
        return specialNeeds;
    }

    public boolean isUnverified() {
        return unverified;
    }

    public Long getReportPointId() {
        return reportPointId;
    }

    public String getOwnerUsername() {
        return ownerUsername;
    }

    public String getOwnerName() {
        return ownerName;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getClockStartedAt() {
        return clockStartedAt;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant getDispatchedAt() {
        return dispatchedAt;
    }

    public Instant getArrivedAt() {
        return arrivedAt;
    }

    Instant getEscalatedAt() {
        return escalatedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public Instant getHeldAt() {
        return heldAt;
    }

    public String getHoldReason() {
        return holdReason;
    }

    public Instant getDueAcknowledgeAt() {
        return dueAcknowledgeAt;
    }

    public Instant getDueArrivalAt() {
        return dueArrivalAt;
    }

    public Instant getDueResolveAt() {
        return dueResolveAt;
    }

    public boolean isFirstContactResolution() {
        return firstContactResolution;
    }

    public int getFollowUps() {
        return followUps;
    }

    public int getReopenCount() {
        return reopenCount;
    }

    public Long getRepeatOfId() {
        return repeatOfId;
    }

    public Instant getCallbackDoneAt() {
        return callbackDoneAt;
    }

    public int getWorkOrders() {
        return workOrders;
    }

    public WorkState getWorkState() {
        return workState;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<RequestEvent> getEvents() {
        return Collections.unmodifiableList(events);
    }
}
