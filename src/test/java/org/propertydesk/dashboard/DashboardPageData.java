package org.propertydesk.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;

import org.propertydesk.support.MutableClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sites, houses and requests written straight into the tables with the moments a test chooses, for the dashboard
 * pages: each site has a unique code and name (the tests share a database), each request a unique number.
 */
@Component
final class DashboardPageData {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;

    DashboardPageData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long site() {
        String code = "DP" + unique();
        return jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '看板路 1 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).param("code", code).param("name", "看板苑" + code).query(Long.class).single();
    }

    String siteName(long siteId) {
        return jdbc.sql("select name from site where id = ?").params(siteId).query(String.class).single();
    }

    /** A house in its own building of the site; its code is "{building}-1502". */
    long house(long siteId, String building) {
        long buildingId = jdbc.sql("""
                insert into building (site_id, code, name, created_at, created_by, updated_at, updated_by)
                values (:site, :code, :code, now(), 'test', now(), 'test') returning id
                """).param("site", siteId).param("code", building).query(Long.class).single();
        return jdbc.sql("""
                insert into house (site_id, building_id, room_no, code, floor, area, house_use, status,
                                   created_at, created_by, updated_at, updated_by)
                values (:site, :building, '1502', :code, 15, 89.50, 'RESIDENTIAL', 'OCCUPIED', now(), 'test', now(), 'test')
                returning id
                """).param("site", siteId).param("building", buildingId).param("code", building + "-1502")
                .query(Long.class).single();
    }

    /**
     * A request received at a Shanghai time, due to be acknowledged 30 minutes and resolved a day later, then
     * acknowledged after the given minutes and resolved two hours after receipt (null minutes: still new).
     */
    Request request(long siteId, Long houseId, String kind, String category, String receivedAt, Integer acknowledgedAfter) {
        Instant received = shanghai(receivedAt);
        Instant acknowledged = acknowledgedAfter == null ? null : received.plusSeconds(acknowledgedAfter * 60L);
        Instant resolved = acknowledgedAfter == null ? null : received.plusSeconds(2 * 3600);
        String number = "DP" + unique();
        long id = jdbc.sql("""
                insert into service_request (number, kind, category_id, scope, priority, channel, status, site_id, house_id,
                        description, received_at, clock_started_at, acknowledged_at, resolved_at,
                        due_acknowledge_at, due_resolve_at, risk_acknowledge_at, risk_resolve_at,
                        created_at, created_by, updated_at, updated_by)
                values (:number, :kind, (select id from request_category where code = :category), 'COMMON_AREA', 'NORMAL',
                        'PHONE', :status, :site, :house, '看板测试', :received, :received, :acknowledged, :resolved,
                        :dueAck, :dueResolve, :dueAck, :dueResolve, :received, 'test', :received, 'test')
                returning id
                """)
                .param("number", number).param("kind", kind).param("category", category)
                .param("status", resolved == null ? "NEW" : "RESOLVED").param("site", siteId).param("house", houseId)
                .param("received", ts(received)).param("acknowledged", ts(acknowledged)).param("resolved", ts(resolved))
                .param("dueAck", ts(received.plusSeconds(30 * 60))).param("dueResolve", ts(received.plusSeconds(24 * 3600)))
                .query(Long.class).single();
        return new Request(id, number);
    }

    record Request(long id, String number) {
    }

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MutableClock.SHANGHAI).toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }
}
