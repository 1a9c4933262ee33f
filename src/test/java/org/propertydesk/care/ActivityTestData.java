package org.propertydesk.care;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.propertydesk.portal.OwnerAccounts;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.support.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Sites, households with their owners, and activities for the activity tests, each with unique codes (the tests share
 * a database). Owners are built as the login builds them: the OWNER role, their customer id and the sites of the
 * houses they live in.
 */
@Component
final class ActivityTestData {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;
    private final Activities activities;
    private final OwnerAccounts accounts;
    private final UserDetailsService users;

    ActivityTestData(JdbcClient jdbc, Activities activities, OwnerAccounts accounts, UserDetailsService users) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.accounts = accounts;
        this.users = users;
    }

    long site() {
        String code = "AC" + unique();
        return jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '活动路 1 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).param("code", code).param("name", "活动苑" + code).query(Long.class).single();
    }

    /** An owner living in a new house of the site, as a logged-in portal user. */
    PropertyDeskUser owner(long siteId) {
        String building = "B" + unique().toUpperCase();
        long buildingId = jdbc.sql("""
                insert into building (site_id, code, name, created_at, created_by, updated_at, updated_by)
                values (:site, :code, :code, now(), 'test', now(), 'test') returning id
                """).param("site", siteId).param("code", building).query(Long.class).single();
        long houseId = jdbc.sql("""
                insert into house (site_id, building_id, room_no, code, floor, area, house_use, status,
                                   created_at, created_by, updated_at, updated_by)
                values (:site, :building, '0602', :code, 6, 96.00, 'RESIDENTIAL', 'OCCUPIED', now(), 'test', now(), 'test')
                returning id
                """).param("site", siteId).param("building", buildingId).param("code", building + "-0602")
                .query(Long.class).single();
        String name = "业主" + unique();
        long customerId = jdbc.sql("""
                insert into customer (site_id, customer_type, name, value_tier, created_at, created_by, updated_at, updated_by)
                values (?, 'PERSON', ?, 'ORDINARY', now(), 'test', now(), 'test') returning id
                """).params(siteId, name).query(Long.class).single();
        jdbc.sql("""
                insert into occupancy (customer_id, house_id, role, start_date, primary_contact,
                                       created_at, created_by, updated_at, updated_by)
                values (?, ?, 'OWNER', date '2020-01-01', true, now(), 'test', now(), 'test')
                """).params(customerId, houseId).update();
        return new PropertyDeskUser(SEQUENCE.incrementAndGet() + 5_000_000, "owner-ac-" + unique(), name, "{noop}x", true,
                Set.of(Role.OWNER), SiteScope.of(List.of(siteId)), customerId);
    }

    /** An owner with a real portal account, loaded as the login loads it. */
    PropertyDeskUser ownerWithAccount(long siteId) {
        PropertyDeskUser owner = owner(siteId);
        String username = "owner-ac-" + unique();
        accounts.ensureAccount(owner.customerId(), username, "activity-secret");
        return (PropertyDeskUser) users.loadUserByUsername(username);
    }

    /** An activity planned by a manager of the site; times are Shanghai local. */
    long activity(long siteId, String title, String startsAt, String endsAt, int capacity) {
        ActivityForm form = new ActivityForm();
        form.setSiteId(siteId);
        form.setTitle(title);
        form.setStartsAt(LocalDateTime.parse(startsAt));
        form.setEndsAt(LocalDateTime.parse(endsAt));
        form.setPlace("会所多功能厅");
        form.setCapacity(capacity);
        form.setDescription("欢迎参加。");
        return Users.callAs(Users.manager(siteId), () -> activities.plan(form).getId());
    }

    /** Each person's status, in the order of the queue. */
    List<Map.Entry<Long, String>> queue(long activityId) {
        return jdbc.sql("select customer_id, status from activity_sign_up where activity_id = ? order by queue_no")
                .params(activityId)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
    }

    String status(long activityId, PropertyDeskUser owner) {
        return jdbc.sql("select status from activity_sign_up where activity_id = ? and customer_id = ?")
                .params(activityId, owner.customerId()).query(String.class).optional().orElse(null);
    }

    long signUpId(long activityId, PropertyDeskUser owner) {
        return jdbc.sql("select id from activity_sign_up where activity_id = ? and customer_id = ?")
                .params(activityId, owner.customerId()).query(Long.class).single();
    }

    Integer rating(long activityId, PropertyDeskUser owner) {
        return jdbc.sql("select rating from activity_sign_up where activity_id = ? and customer_id = ?")
                .params(activityId, owner.customerId()).query((rs, n) -> (Integer) rs.getObject(1)).list().get(0);
    }

    long count(long activityId, String status) {
        return jdbc.sql("select count(*) from activity_sign_up where activity_id = ? and status = ?")
                .params(activityId, status).query(Long.class).single();
    }

    static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }
}
