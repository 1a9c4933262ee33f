package org.propertydesk.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.propertydesk.incidents.Incident;
import org.propertydesk.incidents.IncidentKind;
import org.propertydesk.incidents.IncidentService;
import org.propertydesk.incidents.IncidentSeverity;
import org.propertydesk.requests.IncidentRequests;
import org.propertydesk.shared.time.Dates;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Yesterday's water outage in 翠湖苑 building 2: declared by the manager, three calls from the building linked at the
 * front desk, one update, resolved four hours later. Made through the services as those people would (so the notice,
 * timelines and links are real), then moved back to yesterday.
 */
@Component
class DemoIncidents {

    private static final Duration DECLARED_AGO = Duration.ofHours(26);
    private static final Duration UPDATED_AGO = Duration.ofHours(24);
    private static final Duration RESOLVED_AGO = Duration.ofHours(22);

    private final IncidentService incidents;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Dates dates;
    private final EntityManager entityManager;

    DemoIncidents(IncidentService incidents, UserDetailsService users, JdbcClient jdbc, Dates dates,
            EntityManager entityManager) {
        this.entityManager = entityManager;
        this.incidents = incidents;
        this.users = users;
        this.jdbc = jdbc;
        this.dates = dates;
    }

    void load(Instant now) {
        long site = jdbc.sql("select id from site where code = 'CHY'").query(Long.class).single();
        long building = jdbc.sql("select id from building where site_id = ? and code = '2'").params(site)
                .query(Long.class).single();
        List<long[]> callers = jdbc.sql("""
                select o.customer_id, o.house_id from occupancy o
                join house h on h.id = o.house_id
                where h.building_id = ? and o.role = 'OWNER' and o.end_date is null
                  and exists (select 1 from customer_phone p where p.customer_id = o.customer_id)
                order by h.code limit 3
                """).params(building).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        SecurityContext previous = SecurityContextHolder.getContext();
        Locale previousLocale = LocaleContextHolder.getLocale();
        // the notice and timeline frames are written in the language of whoever acts: the demo staff write Chinese
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        long incident;
        try {
            actAs(users.loadUserByUsername("manager"));
            incident = incidents.declare(new Incident.Declaration(site, Set.of(building),
                    IncidentKind.WATER_OUTAGE, IncidentSeverity.MAJOR, "2号楼供水管爆裂抢修停水",
                    "2号楼地下室供水主管破裂，已关闭总阀抢修，2号楼全楼暂停供水。", now.plus(Duration.ofHours(4))))
                    .incident().getId();
            actAs(users.loadUserByUsername("frontdesk"));
            for (long[] caller : callers) {
                incidents.linkCall(incident, new IncidentRequests.Call(site, caller[1], caller[0], null, null, null));
            }
            actAs(users.loadUserByUsername("manager"));
            incidents.update(incident, "新管件已到场，正在焊接，预计按时恢复供水。", null);
            incidents.resolve(incident, "主管已更换并试压合格，2号楼已恢复供水，如水质浑浊请放水 3 分钟。");
        } finally {
            SecurityContextHolder.setContext(previous);
            LocaleContextHolder.setLocale(previousLocale);
        }
        // the services' changes are written at commit; written now, so that moving them back is not undone then
        entityManager.flush();
        entityManager.clear();
        moveBack(incident, now);
    }

    /** Everything happened just now; it becomes yesterday's incident, with its steps spread over four hours. */
    private void moveBack(long incident, Instant now) {
        Timestamp declared = Timestamp.from(now.minus(DECLARED_AGO));
        Timestamp updated = Timestamp.from(now.minus(UPDATED_AGO));
        Timestamp resolved = Timestamp.from(now.minus(RESOLVED_AGO));
        String body = jdbc.sql("select n.body from notice n join incident i on i.notice_id = n.id where i.id = ?")
                .params(incident).query(String.class).single();
        for (var entry : jdbc.sql("select type, at from incident_update where incident_id = ? and type <> 'declared'")
                .params(incident).query((rs, n) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()}).list()) {
            Timestamp moved = "updated".equals(entry[0]) ? updated : resolved;
            body = body.replace(dates.dateTime((Instant) entry[1]), dates.dateTime(moved.toInstant()));
        }
        jdbc.sql("update notice set body = ? where id = (select notice_id from incident where id = ?)")
                .params(body, incident).update();
        jdbc.sql("""
                update incident set declared_at = :declared, resolved_at = :resolved, expected_restore_at = :expected,
                                    created_at = :declared, updated_at = :resolved
                where id = :id
                """).param("declared", declared).param("resolved", resolved)
                .param("expected", Timestamp.from(now.minus(RESOLVED_AGO).plus(Duration.ofMinutes(30))))
                .param("id", incident).update();
        jdbc.sql("""
                update incident_update set at = case type when 'declared' then cast(:declared as timestamptz)
                                                          when 'updated' then cast(:updated as timestamptz)
                                                          else cast(:resolved as timestamptz) end
                where incident_id = :id
                """).param("declared", declared).param("updated", updated).param("resolved", resolved)
                .param("id", incident).update();
        List<Long> requests = jdbc.sql("select request_id from incident_request where incident_id = ? order by request_id")
                .params(incident).query(Long.class).list();
        for (int i = 0; i < requests.size(); i++) {
            Duration ago = DECLARED_AGO.minus(Duration.ofMinutes(10L + 12L * i));
            Timestamp linked = Timestamp.from(now.minus(ago));
            String shift = ago.toSeconds() + " seconds";
            jdbc.sql("update incident_request set linked_at = ? where request_id = ?").params(linked, requests.get(i))
                    .update();
            jdbc.sql("""
                    update service_request
                    set received_at = received_at - cast(:shift as interval),
                        clock_started_at = clock_started_at - cast(:shift as interval),
                        acknowledged_at = acknowledged_at - cast(:shift as interval),
                        due_acknowledge_at = due_acknowledge_at - cast(:shift as interval),
                        risk_acknowledge_at = risk_acknowledge_at - cast(:shift as interval),
                        due_resolve_at = due_resolve_at - cast(:shift as interval),
                        risk_resolve_at = risk_resolve_at - cast(:shift as interval),
                        created_at = created_at - cast(:shift as interval),
                        resolved_at = :resolved, updated_at = :resolved
                    where id = :id
                    """).param("shift", shift).param("resolved", resolved).param("id", requests.get(i)).update();
            jdbc.sql("""
                    update request_event set at = case type when 'incidentUpdate' then cast(:updated as timestamptz)
                                                            when 'resolved' then cast(:resolved as timestamptz)
                                                            else at - cast(:shift as interval) end
                    where request_id = :id
                    """).param("updated", updated).param("resolved", resolved).param("shift", shift)
                    .param("id", requests.get(i)).update();
        }
        jdbc.sql("""
                update notice set valid_from = :declared, created_at = :declared,
                                  valid_until = :until
                where id = (select notice_id from incident where id = :id)
                """).param("declared", declared).param("until", Timestamp.from(now.minus(RESOLVED_AGO).plus(Duration.ofDays(1))))
                .param("id", incident).update();
    }

    private static void actAs(UserDetails user) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
