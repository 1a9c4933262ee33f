package org.propertydesk.dispatch;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.propertydesk.requests.Channel;
import org.propertydesk.requests.Priority;
import org.propertydesk.requests.RequestIntake;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sites, houses, technicians with skills and shifts, teams, price-list materials and repairs for the dispatch tests,
 * each with unique codes and names (the tests share a database). People are real staff rows, because the application
 * looks technicians up by id and checks on every page request that the logged-in account still exists.
 */
@Component
final class DispatchTestData {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;
    private final RequestIntake intake;

    DispatchTestData(JdbcClient jdbc, RequestIntake intake) {
        this.jdbc = jdbc;
        this.intake = intake;
    }

    long site() {
        String code = "DP" + unique();
        return jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '派工路 1 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).param("code", code).param("name", "派工测试苑" + code).query(Long.class).single();
    }

    /** A house in a new building of the site; its code is building-room, e.g. {@code 12-1502}. */
    long house(long siteId) {
        String building = "B" + unique();
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

    // People

    PropertyDeskUser frontDesk(long... sites) {
        return person(Role.FRONT_DESK, "前台", sites);
    }

    PropertyDeskUser dispatcher(long... sites) {
        return person(Role.DISPATCHER, "调度", sites);
    }

    PropertyDeskUser manager(long... sites) {
        return person(Role.MANAGER, "经理", sites);
    }

    PropertyDeskUser admin() {
        return person(Role.ADMIN, "管理员");
    }

    /** A technician serving the sites, with a profile holding the skills (e.g. PLUMBING) and no team. */
    PropertyDeskUser technician(Set<String> skills, long... sites) {
        PropertyDeskUser user = person(Role.TECHNICIAN, "师傅", sites);
        jdbc.sql("""
                insert into technician (staff_id, created_at, created_by, updated_at, updated_by)
                values (?, now(), 'test', now(), 'test')
                """).params(user.id()).update();
        for (String skill : skills) {
            jdbc.sql("insert into technician_skill (staff_id, skill) values (?, ?)").params(user.id(), skill).update();
        }
        return user;
    }

    long team(String name, Long siteId, PropertyDeskUser... members) {
        long id = jdbc.sql("""
                insert into team (name, site_id, active, created_at, created_by, updated_at, updated_by)
                values (?, ?, true, now(), 'test', now(), 'test') returning id
                """).params(name + unique(), siteId).query(Long.class).single();
        for (PropertyDeskUser member : members) {
            jdbc.sql("update technician set team_id = ? where staff_id = ?").params(id, member.id()).update();
        }
        return id;
    }

    /** A shift on the roster, in Shanghai local time, e.g. {@code shift(tech, "2026-03-25T08:00", "2026-03-25T17:00")}. */
    void shift(PropertyDeskUser technician, String from, String to, boolean emergency) {
        jdbc.sql("""
                insert into duty_shift (staff_id, starts_at, ends_at, emergency, created_at, created_by)
                values (?, ?, ?, ?, now(), 'test')
                """).params(technician.id(), Timestamp.from(shanghai(from)),
                Timestamp.from(shanghai(to)), emergency).update();
    }

    /** A price-list entry with a unique code, returned. */
    String material(String nameZh, String unitPrice) {
        String code = ("M" + unique()).toUpperCase(Locale.ROOT);
        jdbc.sql("""
                insert into material (code, name_zh, name_en, unit_zh, unit_en, unit_price, active,
                                      created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, '个', 'piece', ?, true, now(), 'test', now(), 'test')
                """).params(code, nameZh, "Material " + code, new BigDecimal(unitPrice)).update();
        return code;
    }

    /** Turns on automatic dispatch for the site, for a category code or (null) every repair. */
    void autoDispatch(long siteId, String categoryCode, int acceptMinutes) {
        jdbc.sql("""
                insert into dispatch_rule (site_id, category_id, accept_minutes, enabled,
                                           created_at, created_by, updated_at, updated_by)
                values (?, (select id from request_category where code = ?), ?, true, now(), 'test', now(), 'test')
                """).params(siteId, categoryCode, acceptMinutes).update();
    }

    // Requests

    /** A repair at the house, received by a front desk of the site; returns the request id. */
    long repair(long siteId, Long houseId, String categoryCode, Priority priority) {
        PropertyDeskUser desk = frontDesk(siteId);
        return Users.callAs(desk, () -> intake.receive(new RequestIntake.NewRequest(RequestKind.REPAIR, categoryCode,
                Channel.PHONE, siteId, priority, houseId, null, "13800000000", houseId == null ? "1号楼大堂" : null,
                "厨房水管漏水，请尽快上门", null)));
    }

    String requestStatus(long requestId) {
        return jdbc.sql("select status from service_request where id = ?").params(requestId).query(String.class).single();
    }

    Instant requestTime(long requestId, String column) {
        return jdbc.sql("select " + column + " from service_request where id = ?").params(requestId)
                .query(Instant.class).optional().orElse(null);
    }

    /** The timeline event types of a request, oldest first. */
    List<String> timeline(long requestId) {
        return jdbc.sql("select type from request_event where request_id = ? order by at, id").params(requestId)
                .query(String.class).list();
    }

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MutableClock.SHANGHAI).toInstant();
    }

    static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    /** A staff account as the login would load it, saved so that the page filter finds it. */
    private PropertyDeskUser person(Role role, String name, long... sites) {
        String username = role.name().toLowerCase().replace('_', '-') + "-dp-" + unique();
        String displayName = name + SEQUENCE.incrementAndGet();
        boolean allSites = sites.length == 0;
        long id = jdbc.sql("""
                insert into staff (username, display_name, phone, password_hash, active, all_sites,
                                   created_at, created_by, updated_at, updated_by)
                values (?, ?, '13900000000', '{noop}x', true, ?, now(), 'test', now(), 'test') returning id
                """).params(username, displayName, allSites).query(Long.class).single();
        jdbc.sql("insert into staff_role (staff_id, role) values (?, ?)").params(id, role.name()).update();
        for (long site : sites) {
            jdbc.sql("insert into staff_site (staff_id, site_id) values (?, ?)").params(id, site).update();
        }
        SiteScope scope = allSites ? SiteScope.all() : SiteScope.of(Arrays.stream(sites).boxed().toList());
        return new PropertyDeskUser(id, username, displayName, "{noop}x", true, Set.of(role), scope);
    }
}
