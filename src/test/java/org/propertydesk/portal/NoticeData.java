package org.propertydesk.portal;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.support.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Sites, households with portal accounts, managers and notices for the notice tests, each with unique codes (the tests
 * share a database). People are real account rows, since the page filter reloads every account that exists.
 */
@Component
final class NoticeData {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;
    private final NoticeService notices;
    private final OwnerAccounts accounts;
    private final UserDetailsService users;

    NoticeData(JdbcClient jdbc, NoticeService notices, OwnerAccounts accounts, UserDetailsService users) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.accounts = accounts;
        this.users = users;
    }

    record Household(long houseId, long siteId, String houseCode, long customerId, String name) {
    }

    long site() {
        String code = "NT" + unique();
        return jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '公告路 1 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).param("code", code).param("name", "通知苑" + code).query(Long.class).single();
    }

    /** A house of the site with a customer living there now. */
    Household household(long siteId) {
        String building = "B" + unique().toUpperCase();
        long buildingId = jdbc.sql("""
                insert into building (site_id, code, name, created_at, created_by, updated_at, updated_by)
                values (:site, :code, :code, now(), 'test', now(), 'test') returning id
                """).param("site", siteId).param("code", building).query(Long.class).single();
        String code = building + "-0801";
        long houseId = jdbc.sql("""
                insert into house (site_id, building_id, room_no, code, floor, area, house_use, status,
                                   created_at, created_by, updated_at, updated_by)
                values (:site, :building, '0801', :code, 8, 96.00, 'RESIDENTIAL', 'OCCUPIED', now(), 'test', now(), 'test')
                returning id
                """).param("site", siteId).param("building", buildingId).param("code", code).query(Long.class).single();
        String name = "住户" + unique();
        long customerId = jdbc.sql("""
                insert into customer (site_id, customer_type, name, value_tier, created_at, created_by, updated_at, updated_by)
                values (?, 'PERSON', ?, 'ORDINARY', now(), 'test', now(), 'test') returning id
                """).params(siteId, name).query(Long.class).single();
        jdbc.sql("""
                insert into occupancy (customer_id, house_id, role, start_date, primary_contact,
                                       created_at, created_by, updated_at, updated_by)
                values (?, ?, 'OWNER', date '2020-01-01', true, now(), 'test', now(), 'test')
                """).params(customerId, houseId).update();
        return new Household(houseId, siteId, code, customerId, name);
    }

    /** The household has moved out: it no longer lives at the site. */
    void moveOut(Household household) {
        jdbc.sql("update occupancy set end_date = date '2026-01-31' where customer_id = ? and house_id = ?")
                .params(household.customerId(), household.houseId()).update();
    }

    /** The household's portal account, logged in as the application loads it. */
    PropertyDeskUser owner(Household household) {
        String username = "owner-nt-" + unique();
        accounts.ensureAccount(household.customerId(), username, "notice-secret-1");
        return (PropertyDeskUser) users.loadUserByUsername(username);
    }

    PropertyDeskUser manager(long... sites) {
        return staff(Role.MANAGER, sites);
    }

    PropertyDeskUser frontDesk(long... sites) {
        return staff(Role.FRONT_DESK, sites);
    }

    private PropertyDeskUser staff(Role role, long... sites) {
        String username = role.name().toLowerCase().replace('_', '-') + "-nt-" + unique();
        String displayName = "经理" + SEQUENCE.incrementAndGet();
        long id = jdbc.sql("""
                insert into staff (username, display_name, phone, password_hash, active, all_sites,
                                   created_at, created_by, updated_at, updated_by)
                values (?, ?, '13900000000', '{noop}x', true, false, now(), 'test', now(), 'test') returning id
                """).params(username, displayName).query(Long.class).single();
        jdbc.sql("insert into staff_role (staff_id, role) values (?, ?)").params(id, role.name()).update();
        for (long site : sites) {
            jdbc.sql("insert into staff_site (staff_id, site_id) values (?, ?)").params(id, site).update();
        }
        return new PropertyDeskUser(id, username, displayName, "{noop}x", true, Set.of(role),
                SiteScope.of(Arrays.stream(sites).boxed().toList()));
    }

    /** A notice the manager publishes; times are Shanghai local, {@code until} may be null. */
    long notice(PropertyDeskUser manager, String title, boolean urgent, String from, String until, Long... sites) {
        NoticeForm form = new NoticeForm();
        form.setTitle(title);
        form.setBody("各位业主：\n\n本周二 9:00–17:00 停水检修。\n请提前储水。");
        form.setUrgent(urgent);
        form.setValidFrom(LocalDateTime.parse(from));
        form.setValidUntil(until == null ? null : LocalDateTime.parse(until));
        form.setSiteIds(new LinkedHashSet<>(List.of(sites)));
        return Users.callAs(manager, () -> notices.publish(form).getId());
    }

    void withdraw(PropertyDeskUser manager, long noticeId) {
        Users.runAs(manager, () -> notices.withdraw(noticeId));
    }

    List<Long> sitesOf(long noticeId) {
        return jdbc.sql("select site_id from notice_site where notice_id = ? order by site_id").params(noticeId)
                .query(Long.class).list();
    }

    String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
