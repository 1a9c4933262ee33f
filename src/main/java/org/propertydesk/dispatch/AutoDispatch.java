package org.propertydesk.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.propertydesk.notifications.Notifications;
import org.propertydesk.requests.RequestEvents;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.staff.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Automatic dispatch: where a site has a rule for a new repair's category, the best on-duty technician with the skill
 * gets it at once. Nobody suitable on duty, and it stays on the board. An assignment not accepted in time goes back to
 * the board and the site's dispatchers are told.
 */
@Component
class AutoDispatch {

    private static final Logger log = LoggerFactory.getLogger(AutoDispatch.class);

    private final DispatchRuleRepository rules;
    private final WorkOrderRepository workOrders;
    private final WorkOrderService service;
    private final Suggestions suggestions;
    private final RequestWork requests;
    private final StaffDirectory staff;
    private final Notifications notifications;
    private final TransactionTemplate transaction;
    private final Dates dates;

    AutoDispatch(DispatchRuleRepository rules, WorkOrderRepository workOrders, WorkOrderService service,
            Suggestions suggestions, RequestWork requests, StaffDirectory staff, Notifications notifications,
            TransactionTemplate transaction, Dates dates) {
        this.rules = rules;
        this.workOrders = workOrders;
        this.service = service;
        this.suggestions = suggestions;
        this.requests = requests;
        this.staff = staff;
        this.notifications = notifications;
        this.transaction = transaction;
        this.dates = dates;
    }

    /** After the intake commits, so a failure here never loses the request: it just stays on the board. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(RequestEvents.RequestReceived received) {
        if (received.kind() != RequestKind.REPAIR) {
            return;
        }
        asSystem(() -> dispatch(received.requestId()));
    }

    /**
     * Assigns the request if a rule covers it and a suitable technician is on duty; returns the work order if so. A
     * report nobody has confirmed yet waits for the front desk, so that a prank sends nobody out.
     */
    Optional<WorkOrder> dispatch(long requestId) {
        RequestWork.Job job = requests.find(requestId).orElse(null);
        if (job == null || job.workOrders() > 0 || job.unverified()) {
            return Optional.empty();
        }
        Optional<DispatchRule> rule = ruleFor(job);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        Optional<Suggestions.Suggestion> best = suggestions.rank(job).stream()
                .filter(s -> s.skillMatch() && s.onDuty()).findFirst();
        if (best.isEmpty()) {
            log.info("Automatic dispatch found nobody suitable on duty for {}", job.number());
            return Optional.empty();
        }
        Instant acceptBy = dates.now().plus(Duration.ofMinutes(rule.get().getAcceptMinutes()));
        return Optional.of(service.assignAutomatically(requestId, best.get().staffId(), acceptBy));
    }

    /** The most specific enabled rule: the request's category, then its parent, then the site's catch-all. */
    private Optional<DispatchRule> ruleFor(RequestWork.Job job) {
        List<DispatchRule> siteRules = rules.findBySiteIdAndEnabledTrue(job.siteId());
        for (Long categoryId : new Long[] {job.categoryId(), job.parentCategoryId(), null}) {
            Optional<DispatchRule> match = siteRules.stream()
                    .filter(r -> categoryId == null ? r.getCategoryId() == null : categoryId.equals(r.getCategoryId()))
                    .findFirst();
            if (match.isPresent()) {
                return match;
            }
            if (categoryId == null) {
                break;
            }
        }
        return Optional.empty();
    }

    @Scheduled(fixedDelayString = "${propertydesk.dispatch.check-interval:PT1M}", initialDelayString = "PT40S")
    void scheduled() {
        int expired = expireUnaccepted();
        if (expired > 0) {
            log.info("Automatic dispatch: {} assignment(s) not accepted in time, back on the board", expired);
        }
    }

    /** Sends every automatic assignment not accepted in time back to the board; each in its own transaction. */
    int expireUnaccepted() {
        Instant now = dates.now();
        int expired = 0;
        for (WorkOrder candidate : workOrders.findExpired(now)) {
            try {
                Boolean done = transaction.execute(status -> asSystem(() -> expire(candidate.getRequestId(), candidate.getId(), now)));
                expired += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException failed) {
                log.error("Could not expire work order {}; will retry", candidate.getNumber(), failed);
            }
        }
        return expired;
    }

    private boolean expire(long requestId, long workOrderId, Instant now) {
        RequestWork.Job job = requests.lock(requestId);
        WorkOrder order = workOrders.findById(workOrderId).orElseThrow();
        if (order.getStatus() != WorkOrderStatus.ASSIGNED || !order.isAutoAssigned() || order.getAcceptBy() == null
                || now.isBefore(order.getAcceptBy())) {
            return false;
        }
        String who = service.assigneeName(order);
        Long technician = order.getTechnicianId();
        order.expire(now);
        service.follow(order, "workExpired", who + " · " + order.getNumber());
        List<String> recipients = new ArrayList<>(staff.withRoleServing(Role.DISPATCHER, job.siteId()).stream()
                .map(StaffDirectory.StaffContact::username).toList());
        notifications.send(recipients, "ESCALATION", "notification.autoDispatchExpired", List.of(job.number(), who),
                "/requests/" + job.id());
        if (technician != null) {
            notifications.send(staff.members(List.of(technician)).stream().map(StaffDirectory.StaffMember::username)
                    .toList(), "ASSIGNMENT", "notification.workExpired", List.of(job.number()), "/work");
        }
        return true;
    }

    /** The system acts, not the person whose request triggered it: the timeline and audit columns say so. */
    private static <T> T asSystem(Supplier<T> work) {
        SecurityContext saved = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(saved);
        }
    }
}
