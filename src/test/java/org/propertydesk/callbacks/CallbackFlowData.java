package org.propertydesk.callbacks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.propertydesk.requests.Channel;
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
 * Sites with their own business hours and callback setting, staff, and requests moved to resolved, for the callback
 * flow tests; each with unique codes and names (the tests share a database). People are real staff rows: managers are
 * looked up to be notified, and API tokens are only issued to existing accounts.
 */
@Component
final class CallbackFlowData {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;
    private final RequestIntake intake;

    CallbackFlowData(JdbcClient jdbc, RequestIntake intake) {
        this.jdbc = jdbc;
        this.intake = intake;
    }

    /** A site open Monday to Friday 09:00–18:00 (nine-hour days, weekends closed), with the company's callback rules. */
    long site() {
        String code = "CF" + unique();
        long site = jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '回访路 1 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).param("code", code).param("name", "回访测试苑" + code).query(Long.class).single();
        for (int day = 1; day <= 5; day++) {
            jdbc.sql("""
                    insert into business_hours (site_id, day_of_week, opens_at, closes_at)
                    values (?, ?, time '09:00', time '18:00')
                    """).params(site, day).update();
        }
        return site;
    }

    /** The site's own callback setting, overriding the company default. */
    void setting(long siteId, int repairSamplePercent, boolean inquiryCallbacks, int dueBusinessHours,
            int maxFailedAttempts, int autoCloseDays) {
        jdbc.sql("""
                insert into callback_setting (site_id, repair_sample_percent, inquiry_callbacks, due_business_hours,
                                              max_failed_attempts, auto_close_days,
                                              created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, now(), 'test', now(), 'test')
                """).params(siteId, repairSamplePercent, inquiryCallbacks, dueBusinessHours, maxFailedAttempts,
                autoCloseDays).update();
    }

    void holiday(long siteId, LocalDate day) {
        jdbc.sql("insert into holiday (site_id, day, name) values (?, ?, '回访测试假日')").params(siteId, day).update();
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

    /** A plumber serving the sites (a technician profile with the PLUMBING skill). */
    PropertyDeskUser plumber(long... sites) {
        PropertyDeskUser user = person(Role.TECHNICIAN, "师傅", sites);
        jdbc.sql("""
                insert into technician (staff_id, created_at, created_by, updated_at, updated_by)
                values (?, now(), 'test', now(), 'test')
                """).params(user.id()).update();
        jdbc.sql("insert into technician_skill (staff_id, skill) values (?, 'PLUMBING')").params(user.id()).update();
        return user;
    }

    // Requests, received by a front desk of the site

    long repair(long siteId) {
        return receive(siteId, RequestKind.REPAIR, "PLUMBING", "厨房水管漏水，请尽快上门");
    }

    long complaint(long siteId) {
        return receive(siteId, RequestKind.COMPLAINT, "NOISE", "楼上装修噪音，晚上十点后仍在施工");
    }

    long inquiry(long siteId) {
        return receive(siteId, RequestKind.INQUIRY, "FEES", "咨询物业费缴纳方式");
    }

    /** A repair taken through acknowledge, dispatch, arrive and resolve by hand (no work orders). */
    long resolvedRepair(long siteId) {
        long id = repair(siteId);
        act(siteId, id, "acknowledge", "dispatch", "arrive", "resolve");
        return id;
    }

    long resolvedComplaint(long siteId) {
        long id = complaint(siteId);
        act(siteId, id, "acknowledge", "resolve");
        return id;
    }

    long resolvedInquiry(long siteId) {
        long id = inquiry(siteId);
        act(siteId, id, "acknowledge", "resolve");
        return id;
    }

    /** Named moves, one after the other, by a front desk of the site. */
    void act(long siteId, long requestId, String... actions) {
        PropertyDeskUser desk = frontDesk(siteId);
        for (String action : actions) {
            Users.runAs(desk, () -> intake.act(requestId, action, action.equals("reopen") ? "业主说还没修好" : null));
        }
    }

    // What happened

    String requestStatus(long requestId) {
        return jdbc.sql("select status from service_request where id = ?").params(requestId).query(String.class).single();
    }

    /** The timeline event types of a request, oldest first. */
    List<String> timeline(long requestId) {
        return jdbc.sql("select type from request_event where request_id = ? order by at, id").params(requestId)
                .query(String.class).list();
    }

    /** The note of the latest timeline event of a type, e.g. "reopened". */
    String lastNote(long requestId, String type) {
        return jdbc.sql("select note from request_event where request_id = ? and type = ? order by at desc, id desc limit 1")
                .params(requestId, type).query(String.class).optional().orElse(null);
    }

    boolean lastInternal(long requestId, String type) {
        return jdbc.sql("select internal from request_event where request_id = ? and type = ? order by at desc, id desc limit 1")
                .params(requestId, type).query(Boolean.class).single();
    }

    /** The request's callbacks as "round:status", oldest first. */
    List<String> callbacks(long requestId) {
        return jdbc.sql("select round || ':' || status from callback where request_id = ? order by id")
                .params(requestId).query(String.class).list();
    }

    /** The id of the request's callback that is due. */
    long dueCallback(long requestId) {
        return jdbc.sql("select id from callback where request_id = ? and status = 'DUE'").params(requestId)
                .query(Long.class).single();
    }

    Instant dueAt(long callbackId) {
        return jdbc.sql("select due_at from callback where id = ?").params(callbackId).query(Instant.class).single();
    }

    String callbackStatus(long callbackId) {
        return jdbc.sql("select status from callback where id = ?").params(callbackId).query(String.class).single();
    }

    int failedAttempts(long callbackId) {
        return jdbc.sql("select failed_attempts from callback where id = ?").params(callbackId).query(Integer.class)
                .single();
    }

    List<String> attempts(long callbackId) {
        return jdbc.sql("select outcome from callback_attempt where callback_id = ? order by at, id").params(callbackId)
                .query(String.class).list();
    }

    /** Notifications a person got, as "KIND message_key". */
    List<String> notifications(PropertyDeskUser who) {
        return jdbc.sql("select kind || ' ' || message_key from notification where recipient = ? order by id")
                .params(who.getUsername()).query(String.class).list();
    }

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MutableClock.SHANGHAI).toInstant();
    }

    static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    private long receive(long siteId, RequestKind kind, String categoryCode, String description) {
        PropertyDeskUser desk = frontDesk(siteId);
        return Users.callAs(desk, () -> intake.receive(new RequestIntake.NewRequest(kind, categoryCode, Channel.PHONE,
                siteId, null, null, null, "13800000000", "3号楼 1502", description, null)));
    }

    /** A staff account as the login would load it, saved so that lookups and the token endpoint find it. */
    private PropertyDeskUser person(Role role, String name, long... sites) {
        String username = role.name().toLowerCase().replace('_', '-') + "-cf-" + unique();
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
