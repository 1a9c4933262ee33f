package org.propertydesk.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.propertydesk.requests.RequestKind;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.support.MutableClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sites, staff and requests written straight into the tables with the moments a test names (Shanghai local times
 * such as {@code "2026-03-02T09:00"}), so that every figure of a dashboard has a known answer. Codes and names are
 * unique: the tests share one database. People are real staff rows, so that the token endpoint issues them tokens.
 */
@Component
final class DashboardApiData {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;

    DashboardApiData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long site() {
        String code = "DA" + unique();
        return jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '看板路 1 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).param("code", code).param("name", "看板测试苑" + code).query(Long.class).single();
    }

    String code(long siteId) {
        return jdbc.sql("select code from site where id = ?").params(siteId).query(String.class).single();
    }

    /** A house in building 1 of the site. */
    long house(long siteId) {
        long building = jdbc.sql("""
                insert into building (site_id, code, name, created_at, created_by, updated_at, updated_by)
                values (?, ?, '1号楼', now(), 'test', now(), 'test') returning id
                """).params(siteId, "B" + unique()).query(Long.class).single();
        String room = Long.toString(SEQUENCE.incrementAndGet());
        return jdbc.sql("""
                insert into house (site_id, building_id, room_no, code, house_use, status,
                                   created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, 'RESIDENTIAL', 'OCCUPIED', now(), 'test', now(), 'test') returning id
                """).params(siteId, building, room, "1-" + room).query(Long.class).single();
    }

    PropertyDeskUser person(Role role, long... sites) {
        String username = role.name().toLowerCase().replace('_', '-') + "-da-" + unique();
        long id = jdbc.sql("""
                insert into staff (username, display_name, phone, password_hash, active, all_sites,
                                   created_at, created_by, updated_at, updated_by)
                values (?, ?, '13900000000', '{noop}x', true, false, now(), 'test', now(), 'test') returning id
                """).params(username, "看板" + SEQUENCE.incrementAndGet()).query(Long.class).single();
        jdbc.sql("insert into staff_role (staff_id, role) values (?, ?)").params(id, role.name()).update();
        for (long site : sites) {
            jdbc.sql("insert into staff_site (staff_id, site_id) values (?, ?)").params(id, site).update();
        }
        return new PropertyDeskUser(id, username, "看板" + id, "{noop}x", true, Set.of(role),
                SiteScope.of(Arrays.stream(sites).boxed().toList()));
    }

    /** A request received then: due to be acknowledged half an hour later and resolved two days later, unless told. */
    Request request(long siteId, RequestKind kind, String receivedAt) {
        return new Request(siteId, kind, shanghai(receivedAt));
    }

    /** A callback of the request due then; status DUE unless closed. */
    long callback(long requestId, String dueAt, String status, String closedAt, String satisfaction) {
        return jdbc.sql("""
                insert into callback (request_id, round, site_id, status, due_at, closed_at, satisfaction,
                                      created_at, created_by, updated_at, updated_by)
                select r.id, (select count(*) from callback c where c.request_id = r.id), r.site_id, ?, ?, ?, ?,
                       now(), 'test', now(), 'test'
                from service_request r where r.id = ? returning id
                """).params(status, at(dueAt), at(closedAt), satisfaction, requestId).query(Long.class).single();
    }

    final class Request {

        private final long siteId;
        private final RequestKind kind;
        private final Instant receivedAt;
        private String status = "NEW";
        private Long houseId;
        private String owner;
        private Instant acknowledgedAt;
        private Instant arrivedAt;
        private Instant resolvedAt;
        private Instant dueAcknowledgeAt;
        private Instant dueArrivalAt;
        private Instant dueResolveAt;
        private boolean firstContact;

        private Request(long siteId, RequestKind kind, Instant receivedAt) {
            this.siteId = siteId;
            this.kind = kind;
            this.receivedAt = receivedAt;
            this.dueAcknowledgeAt = receivedAt.plusSeconds(30 * 60);
            this.dueResolveAt = receivedAt.plusSeconds(2 * 24 * 3600);
        }

        Request status(String value) {
            status = value;
            return this;
        }

        Request house(long id) {
            houseId = id;
            return this;
        }

        Request ownedBy(PropertyDeskUser user) {
            owner = user.getUsername();
            return this;
        }

        Request acknowledged(String at) {
            acknowledgedAt = shanghai(at);
            return this;
        }

        Request arrived(String at) {
            arrivedAt = shanghai(at);
            return this;
        }

        Request resolved(String at) {
            resolvedAt = shanghai(at);
            return this;
        }

        Request dueAcknowledge(String at) {
            dueAcknowledgeAt = shanghai(at);
            return this;
        }

        Request dueArrival(String at) {
            dueArrivalAt = shanghai(at);
            return this;
        }

        Request dueResolve(String at) {
            dueResolveAt = shanghai(at);
            return this;
        }

        Request resolvedAtIntake() {
            firstContact = true;
            return this;
        }

        long save() {
            String category = switch (kind) {
                case REPAIR -> "PLUMBING";
                case COMPLAINT -> "NOISE";
                case INQUIRY -> "FEES";
            };
            // Risk moments a few minutes before each due time, as the SLA calculator sets them.
            return jdbc.sql("""
                    insert into service_request (number, kind, category_id, scope, priority, channel, status, site_id,
                            house_id, description, owner_username, owner_name, received_at, acknowledged_at,
                            arrived_at, resolved_at, due_acknowledge_at, due_arrival_at, due_resolve_at,
                            risk_acknowledge_at, risk_arrival_at, risk_resolve_at, first_contact_resolution,
                            clock_started_at, created_at, created_by, updated_at, updated_by)
                    values (:number, :kind, (select id from request_category where code = :category), 'COMMON_AREA',
                            'NORMAL', 'PHONE', :status, :site, :house, '看板测试工单', :owner, :owner, :received, :ack,
                            :arrived, :resolved, :dueAck, :dueArrival, :dueResolve,
                            cast(:dueAck as timestamptz) - interval '5 minutes',
                            cast(:dueArrival as timestamptz) - interval '5 minutes',
                            cast(:dueResolve as timestamptz) - interval '5 minutes', :firstContact,
                            :received, :received, 'test', coalesce(cast(:resolved as timestamptz), :received), 'test')
                    returning id
                    """)
                    .param("number", "DA" + unique()).param("kind", kind.name()).param("category", category)
                    .param("status", status).param("site", siteId).param("house", houseId).param("owner", owner)
                    .param("received", ts(receivedAt)).param("ack", ts(acknowledgedAt)).param("arrived", ts(arrivedAt))
                    .param("resolved", ts(resolvedAt)).param("dueAck", ts(dueAcknowledgeAt))
                    .param("dueArrival", ts(dueArrivalAt)).param("dueResolve", ts(dueResolveAt))
                    .param("firstContact", firstContact)
                    .query(Long.class).single();
        }
    }

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MutableClock.SHANGHAI).toInstant();
    }

    private static Timestamp at(String localDateTime) {
        return localDateTime == null ? null : Timestamp.from(shanghai(localDateTime));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }
}
