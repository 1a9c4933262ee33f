package org.propertydesk.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sites, houses and the customers living in them, for the owner account tests; each with unique codes and phone
 * numbers, since codes and rate limits go by phone number and the tests share a database.
 */
@Component
final class PortalAccountData {

    private final JdbcClient jdbc;

    PortalAccountData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long site() {
        String code = "PA" + unique();
        return jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '业主路 1 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).param("code", code).param("name", "业主端测试苑" + code).query(Long.class).single();
    }

    /** A house in a new building of the site. */
    long house(long siteId) {
        String building = "B" + unique();
        long buildingId = jdbc.sql("""
                insert into building (site_id, code, name, created_at, created_by, updated_at, updated_by)
                values (:site, :code, :code, now(), 'test', now(), 'test') returning id
                """).param("site", siteId).param("code", building).query(Long.class).single();
        return jdbc.sql("""
                insert into house (site_id, building_id, room_no, code, floor, area, house_use, status,
                                   created_at, created_by, updated_at, updated_by)
                values (:site, :building, '801', :code, 8, 96.00, 'RESIDENTIAL', 'OCCUPIED', now(), 'test', now(), 'test')
                returning id
                """).param("site", siteId).param("building", buildingId).param("code", building + "-801")
                .query(Long.class).single();
    }

    /** A customer of the house's site living there since 2020, with the given phone numbers (digits) and email. */
    long customer(long houseId, String role, String email, String... phones) {
        long siteId = jdbc.sql("select site_id from house where id = ?").params(houseId).query(Long.class).single();
        long id = jdbc.sql("""
                insert into customer (site_id, customer_type, name, email, value_tier, created_at, created_by, updated_at, updated_by)
                values (:site, 'PERSON', :name, :email, 'ORDINARY', now(), 'test', now(), 'test') returning id
                """).param("site", siteId).param("name", "住户" + unique()).param("email", email).query(Long.class).single();
        for (int i = 0; i < phones.length; i++) {
            jdbc.sql("insert into customer_phone (customer_id, number, position) values (?, ?, ?)")
                    .params(id, phones[i], i).update();
        }
        jdbc.sql("""
                insert into occupancy (customer_id, house_id, role, start_date, primary_contact,
                                       created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, date '2020-01-01', true, now(), 'test', now(), 'test')
                """).params(id, houseId, role).update();
        return id;
    }

    long owner(long houseId, String... phones) {
        return customer(houseId, "OWNER", null, phones);
    }

    /** The customer moves out: their occupancies end on that day. */
    void moveOut(long customerId, LocalDate day) {
        jdbc.sql("update occupancy set end_date = ? where customer_id = ? and end_date is null").params(day, customerId)
                .update();
    }

    /** A member of staff with a real account, whose login name an owner must not take. */
    PropertyDeskUser staff(Role role, long... sites) {
        String username = role.name().toLowerCase().replace('_', '-') + "-" + unique().toLowerCase();
        long id = jdbc.sql("""
                insert into staff (username, display_name, phone, password_hash, active, all_sites,
                                   created_at, created_by, updated_at, updated_by)
                values (?, '业主端测试员工', '13900000000', '{noop}x', true, false, now(), 'test', now(), 'test') returning id
                """).params(username).query(Long.class).single();
        jdbc.sql("insert into staff_role (staff_id, role) values (?, ?)").params(id, role.name()).update();
        List<Long> scope = new ArrayList<>();
        for (long site : sites) {
            jdbc.sql("insert into staff_site (staff_id, site_id) values (?, ?)").params(id, site).update();
            scope.add(site);
        }
        return new PropertyDeskUser(id, username, "业主端测试员工", "{noop}x", true, Set.of(role), SiteScope.of(scope));
    }

    String accountUsername(long customerId) {
        return jdbc.sql("select username from owner_account where customer_id = ?").params(customerId)
                .query(String.class).optional().orElse(null);
    }

    static String mobile() {
        return "16" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    /** An address no other test uses, so that the per-address limit counts only this test's tries. */
    static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    static String unique() {
        return Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36)
                .toUpperCase();
    }
}
