package org.propertydesk.requests;

import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Set;

import org.propertydesk.shared.time.Dates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Works out a request's SLA plan: the effective policy for its site, kind and priority, on the site's business
 * calendar (or around the clock for policies that run 24×7, such as emergencies).
 */
@Component
class SlaClock {

    private final SlaPolicyRepository policies;
    private final JdbcClient jdbc;
    private final Dates dates;
    private final double riskFraction;

    /** DOMAIN: special needs (a care flag) must be answered within 72 h. */
    static final Duration SPECIAL_NEEDS_TARGET = Duration.ofHours(72);

    SlaClock(SlaPolicyRepository policies, JdbcClient jdbc, Dates dates,
            @Value("${propertydesk.sla.at-risk-fraction:0.8}") double riskFraction) {
        this.policies = policies;
        this.jdbc = jdbc;
        this.dates = dates;
        this.riskFraction = riskFraction;
    }

    SlaPolicy policy(Long siteId, RequestKind kind, Priority priority) {
        return policies.findEffective(siteId, kind, priority)
                .orElseThrow(() -> new IllegalStateException("No SLA policy for " + kind + "/" + priority));
    }

    SlaPlan plan(Long siteId, RequestKind kind, Priority priority, Instant start, Instant preferredTo,
            boolean specialNeeds) {
        SlaPolicy policy = policy(siteId, kind, priority);
        return withSpecialNeeds(SlaPlan.compute(policy, calendarFor(siteId, policy), start, preferredTo, riskFraction),
                start, specialNeeds);
    }

    /** Special needs are answered within 72 hours on the wall clock: the care does not wait for business hours. */
    private SlaPlan withSpecialNeeds(SlaPlan plan, Instant start, boolean specialNeeds) {
        return specialNeeds ? plan.cappedAt(start, SPECIAL_NEEDS_TARGET, riskFraction) : plan;
    }

    /**
     * The plan of a request under a new kind or priority: targets still to be met are timed from when their clock
     * started (the receipt, or the latest reopening) and pushed back by the time on hold since; targets already met
     * keep the due time they were met against.
     */
    SlaPlan replan(ServiceRequest request, RequestKind kind, Priority priority) {
        SlaPolicy policy = policy(request.getSiteId(), kind, priority);
        BusinessCalendar calendar = calendarFor(request.getSiteId(), policy);
        Set<SlaTarget> unmet = request.unmetTargets();
        SlaPlan fresh = withSpecialNeeds(SlaPlan.compute(policy, calendar, request.getClockStartedAt(),
                request.getPreferredTo(), riskFraction), request.getClockStartedAt(), request.isSpecialNeeds())
                .delayedBy(calendar, request.heldSoFar(), unmet);
        return request.currentPlan().withTargetsFrom(fresh, unmet);
    }

    /** A plan timed from now, for a request that goes back to work. */
    SlaPlan restart(ServiceRequest request, Instant now) {
        return plan(request.getSiteId(), request.getKind(), request.getPriority(), now, null, request.isSpecialNeeds());
    }

    BusinessCalendar calendarFor(ServiceRequest request) {
        return calendarFor(request.getSiteId(), policy(request.getSiteId(), request.getKind(), request.getPriority()));
    }

    private BusinessCalendar calendarFor(Long siteId, SlaPolicy policy) {
        return policy.isBusinessHours() ? siteCalendar(siteId) : BusinessCalendar.alwaysOpen(dates.zone());
    }

    BusinessCalendar siteCalendar(Long siteId) {
        Set<LocalDate> holidays = new HashSet<>(jdbc.sql("select day from holiday where site_id is null or site_id = :site")
                .param("site", siteId)
                .query(LocalDate.class)
                .list());
        Map<DayOfWeek, BusinessCalendar.Hours> week = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("select day_of_week, opens_at, closes_at from business_hours where site_id = :site")
                .param("site", siteId)
                .query((rs, n) -> week.put(DayOfWeek.of(rs.getInt(1)),
                        new BusinessCalendar.Hours(rs.getObject(2, Time.class).toLocalTime(), rs.getObject(3, Time.class).toLocalTime())))
                .list();
        return week.isEmpty() ? BusinessCalendar.standard(dates.zone(), holidays) : BusinessCalendar.of(dates.zone(), week, holidays);
    }
}
