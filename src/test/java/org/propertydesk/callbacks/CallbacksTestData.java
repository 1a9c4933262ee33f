package org.propertydesk.callbacks;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.propertydesk.requests.Channel;
import org.propertydesk.requests.Priority;
import org.propertydesk.requests.RequestIntake;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.support.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sites, houses, staff and resolved complaints for the callback and rating tests, each with unique codes (the tests
 * share a database). People are real staff rows: the page filter checks the account exists, and the managers told
 * about a reopened request are looked up by site.
 */
@Component
final class CallbacksTestData {

    static final String WHAT_WAS_DONE = "已与楼上住户沟通，夜间噪音已停止";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;
    private final RequestIntake intake;

    CallbacksTestData(JdbcClient jdbc, RequestIntake intake) {
        this.jdbc = jdbc;
        this.intake = intake;
    }

    long site() {
        String code = "CB" + unique();
        return jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '回访路 1 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).param("code", code).param("name", "回访测试苑" + code).query(Long.class).single();
    }

    /** A house in a new building of the site; its code is building-room, e.g. {@code B12-1502}. */
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

    /** The site's own callback setting: due within so many business hours, unreachable after so many failed calls. */
    void siteSetting(long siteId, int dueBusinessHours, int maxFailedAttempts) {
        jdbc.sql("""
                insert into callback_setting (site_id, repair_sample_percent, inquiry_callbacks, due_business_hours,
                                              max_failed_attempts, auto_close_days, created_at, created_by, updated_at, updated_by)
                values (?, 100, false, ?, ?, 7, now(), 'test', now(), 'test')
                """).params(siteId, dueBusinessHours, maxFailedAttempts).update();
    }

    // People

    PropertyDeskUser frontDesk(long... sites) {
        return person(Role.FRONT_DESK, "前台", sites);
    }

    PropertyDeskUser manager(long... sites) {
        return person(Role.MANAGER, "经理", sites);
    }

    PropertyDeskUser dispatcher(long... sites) {
        return person(Role.DISPATCHER, "调度", sites);
    }

    PropertyDeskUser technician(long... sites) {
        return person(Role.TECHNICIAN, "师傅", sites);
    }

    // Requests

    /** A noise complaint at the house, received, acknowledged and resolved by a front desk of the site. */
    long resolvedComplaint(long siteId, long houseId) {
        PropertyDeskUser desk = frontDesk(siteId);
        return Users.callAs(desk, () -> {
            long id = intake.receive(new RequestIntake.NewRequest(RequestKind.COMPLAINT, "NOISE", Channel.PHONE, siteId,
                    Priority.NORMAL, houseId, null, "13800138000", null, "楼上每晚装修噪音到十一点", null));
            intake.act(id, "acknowledge", null);
            intake.act(id, "resolve", WHAT_WAS_DONE);
            return id;
        });
    }

    /** The callback still due on the request. */
    long dueCallback(long requestId) {
        return jdbc.sql("select id from callback where request_id = ? and status = 'DUE'").params(requestId)
                .query(Long.class).single();
    }

    String callbackStatus(long callbackId) {
        return jdbc.sql("select status from callback where id = ?").params(callbackId).query(String.class).single();
    }

    long callbackVersion(long callbackId) {
        return jdbc.sql("select version from callback where id = ?").params(callbackId).query(Long.class).single();
    }

    String requestNumber(long requestId) {
        return jdbc.sql("select number from service_request where id = ?").params(requestId).query(String.class).single();
    }

    String requestStatus(long requestId) {
        return jdbc.sql("select status from service_request where id = ?").params(requestId).query(String.class).single();
    }

    /** The timeline event types of a request, oldest first. */
    List<String> timeline(long requestId) {
        return jdbc.sql("select type from request_event where request_id = ? order by at, id").params(requestId)
                .query(String.class).list();
    }

    /** The kinds of notifications a person got, oldest first. */
    List<String> notificationKinds(PropertyDeskUser recipient) {
        return jdbc.sql("select kind from notification where recipient = ? order by id").params(recipient.getUsername())
                .query(String.class).list();
    }

    static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    /** A staff account as the login would load it, saved so that the page filter finds it. */
    private PropertyDeskUser person(Role role, String name, long... sites) {
        String username = role.name().toLowerCase().replace('_', '-') + "-cb-" + unique();
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
