package org.propertydesk.journeys;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.propertydesk.shared.security.Role;
import org.propertydesk.staff.StaffService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A site of its own for the dashboard journey, with a manager who serves only it, and requests written straight into
 * the table with the moments the journey needs: received today or weeks ago, on time or past a target. Codes, names
 * and numbers are unique, since the journeys share one database with the demo data.
 */
final class ManagerDashboardData {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;
    private final StaffService staff;
    private final ZoneId zone;

    ManagerDashboardData(JdbcClient jdbc, StaffService staff, ZoneId zone) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.zone = zone;
    }

    record Site(long id, String code, String name) {
    }

    Site site() {
        String code = "MD" + unique();
        String name = "看板旅程苑" + code;
        long id = jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '看板路 6 号', 'RESIDENTIAL', now(), 'journey', now(), 'journey') returning id
                """).param("code", code).param("name", name).query(Long.class).single();
        return new Site(id, code, name);
    }

    /** A manager serving only this site, who logs in with the demo password; returns the username. */
    String managerOf(Site site) {
        String username = "mgr-" + site.code().toLowerCase();
        staff.ensureAccount(username, "看板经理" + site.code(), "demo", EnumSet.of(Role.MANAGER), false,
                List.of(site.id()));
        return username;
    }

    /** A moment on a day as the site reads it. */
    Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(zone).toInstant();
    }

    RequestBuilder request(Site site, String kind, String category, Instant received) {
        return new RequestBuilder(site, kind, category, received);
    }

    /**
     * A request received then, due to be acknowledged 30 minutes and resolved three days later unless told otherwise;
     * its status follows from the last moment reached.
     */
    final class RequestBuilder {

        private final Site site;
        private final String kind;
        private final String category;
        private final Instant received;
        private Instant acknowledged;
        private Instant arrived;
        private Instant resolved;
        private Instant dueAcknowledge;
        private Instant dueArrival;
        private Instant dueResolve;

        private RequestBuilder(Site site, String kind, String category, Instant received) {
            this.site = site;
            this.kind = kind;
            this.category = category;
            this.received = received;
            this.dueAcknowledge = received.plus(Duration.ofMinutes(30));
            this.dueResolve = received.plus(Duration.ofDays(3));
        }

        RequestBuilder acknowledged(Instant when) {
            acknowledged = when;
            return this;
        }

        RequestBuilder arrived(Instant when) {
            arrived = when;
            return this;
        }

        RequestBuilder resolved(Instant when) {
            resolved = when;
            return this;
        }

        RequestBuilder dueAcknowledge(Instant when) {
            dueAcknowledge = when;
            return this;
        }

        RequestBuilder dueArrival(Instant when) {
            dueArrival = when;
            return this;
        }

        /** Saved; returns its number. */
        String save() {
            String number = "MD" + unique();
            String status = resolved != null ? "RESOLVED" : arrived != null ? "IN_PROGRESS"
                    : acknowledged != null ? "ACKNOWLEDGED" : "NEW";
            Instant updated = resolved != null ? resolved : arrived != null ? arrived
                    : acknowledged != null ? acknowledged : received;
            jdbc.sql("""
                    insert into service_request (number, kind, category_id, scope, priority, channel, status, site_id,
                            description, received_at, clock_started_at, acknowledged_at, arrived_at, resolved_at,
                            due_acknowledge_at, due_arrival_at, due_resolve_at,
                            risk_acknowledge_at, risk_arrival_at, risk_resolve_at,
                            created_at, created_by, updated_at, updated_by)
                    values (:number, :kind, (select id from request_category where code = :category), 'COMMON_AREA',
                            'NORMAL', 'PHONE', :status, :site, '看板旅程测试', :received, :received, :acknowledged,
                            :arrived, :resolved, :dueAck, :dueArrival, :dueResolve, :dueAck, :dueArrival, :dueResolve,
                            :received, 'journey', :updated, 'journey')
                    """)
                    .param("number", number).param("kind", kind).param("category", category).param("status", status)
                    .param("site", site.id()).param("received", ts(received)).param("acknowledged", ts(acknowledged))
                    .param("arrived", ts(arrived)).param("resolved", ts(resolved)).param("dueAck", ts(dueAcknowledge))
                    .param("dueArrival", ts(dueArrival)).param("dueResolve", ts(dueResolve))
                    .param("updated", ts(updated)).update();
            return number;
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }
}
