package org.propertydesk.requests;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.propertydesk.notifications.Notifications;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.staff.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records SLA breaches and escalates them: at the breach to the site's supervisors (dispatchers), and when the target
 * is still missed some time later to its managers. Each step is a row in {@code sla_escalation} with a unique key:
 * whichever app instance inserts it does the step, so two instances racing escalate once.
 */
@Component
class SlaEscalation {

    private static final Logger log = LoggerFactory.getLogger(SlaEscalation.class);

    private final JdbcClient jdbc;
    private final ServiceRequestRepository requests;
    private final StaffDirectory staff;
    private final Notifications notifications;
    private final Dates dates;
    private final Duration managerAfter;
    private final TransactionTemplate transaction;

    SlaEscalation(JdbcClient jdbc, ServiceRequestRepository requests, StaffDirectory staff, Notifications notifications,
            Dates dates, @Value("${propertydesk.sla.escalate-to-manager-after:PT1H}") Duration managerAfter,
            TransactionTemplate transaction) {
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.requests = requests;
        this.staff = staff;
        this.notifications = notifications;
        this.dates = dates;
        this.managerAfter = managerAfter;
    }

    /** A pending target past due, in the request's current reopening round. */
    record Overdue(long requestId, SlaTarget target, Instant due, int round) {
    }

    @Scheduled(fixedDelayString = "${propertydesk.sla.check-interval:PT1M}", initialDelayString = "PT30S")
    void scheduled() {
        int escalated = escalateDue();
        if (escalated > 0) {
            log.info("SLA escalation: {} step(s) taken", escalated);
        }
    }

    /**
     * Takes every escalation step that is due now; returns how many this instance took. Each request is its own
     * transaction, so one that fails is retried on the next run without holding up the others.
     */
    public int escalateDue() {
        Instant now = dates.now();
        int steps = 0;
        for (Overdue overdue : overdue(now)) {
            try {
                Integer taken = transaction.execute(status -> escalate(overdue, now));
                steps += taken == null ? 0 : taken;
            } catch (RuntimeException failed) {
                log.error("Could not escalate request {} ({}); will retry", overdue.requestId(), overdue.target(), failed);
            }
        }
        return steps;
    }

    private int escalate(Overdue overdue, Instant now) {
        int steps = 0;
        if (claim(overdue, 1, now)) {
            escalate(overdue, 1, Role.DISPATCHER, "notification.escalated.supervisor", now);
            steps++;
        }
        if (!now.isBefore(overdue.due().plus(managerAfter)) && claim(overdue, 2, now)) {
            escalate(overdue, 2, Role.MANAGER, "notification.escalated.manager", now);
            steps++;
        }
        return steps;
    }

    /** Open, running requests whose next target is past due. */
    private List<Overdue> overdue(Instant now) {
        return jdbc.sql("""
                select id, target, due, round from (
                    select r.id, r.reopen_count as round,
                           case when r.acknowledged_at is null then 'ACKNOWLEDGE'
                                when r.kind = 'REPAIR' and r.arrived_at is null and r.due_arrival_at is not null then 'ARRIVAL'
                                else 'RESOLVE' end as target,
                           case when r.acknowledged_at is null then r.due_acknowledge_at
                                when r.kind = 'REPAIR' and r.arrived_at is null and r.due_arrival_at is not null then r.due_arrival_at
                                else r.due_resolve_at end as due
                    from service_request r
                    where r.status in ('NEW', 'ACKNOWLEDGED', 'DISPATCHED', 'IN_PROGRESS', 'REOPENED')
                ) pending
                where due < :now
                  and not exists (select 1 from sla_escalation e where e.request_id = pending.id and e.target = pending.target
                                  and e.level = 2 and e.round = pending.round)
                order by due
                limit 500
                """)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Overdue(rs.getLong("id"), SlaTarget.valueOf(rs.getString("target")),
                        rs.getTimestamp("due").toInstant(), rs.getInt("round")))
                .list();
    }

    private boolean claim(Overdue overdue, int level, Instant now) {
        return jdbc.sql("""
                insert into sla_escalation (request_id, target, level, round, escalated_at)
                values (:request, :target, :level, :round, :at)
                on conflict (request_id, target, level, round) do nothing
                """)
                .param("request", overdue.requestId())
                .param("target", overdue.target().name())
                .param("level", level)
                .param("round", overdue.round())
                .param("at", Timestamp.from(now))
                .update() == 1;
    }

    private void escalate(Overdue overdue, int level, Role role, String messageKey, Instant now) {
        ServiceRequest request = requests.findById(overdue.requestId()).orElseThrow();
        List<String> recipients = staff.withRoleServing(role, request.getSiteId()).stream()
                .map(StaffDirectory.StaffContact::username).toList();
        request.escalated(overdue.target(), level, recipients, now);
        notifications.send(recipients, "ESCALATION", messageKey,
                List.of(request.getNumber(), "request.target." + overdue.target(), dates.dateTime(overdue.due())),
                "/requests/" + request.getId());
    }
}
