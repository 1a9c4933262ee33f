package org.propertydesk.affairs;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sites, houses, customers and staff for the move-in, decoration and parking tests, each with unique codes (the tests
 * share a database). People are real staff rows, since requests raised from findings are received in their name.
 */
@Component
final class DecorationTestData {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;

    DecorationTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record House(long id, long siteId, String code) {
    }

    long site() {
        String code = "DC" + unique();
        return jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '装修路 1 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).param("code", code).param("name", "锦绣苑" + code).query(Long.class).single();
    }

    /** A vacant house, just handed over by the developer. */
    House house(long siteId) {
        String building = "B" + unique().toUpperCase();
        long buildingId = jdbc.sql("""
                insert into building (site_id, code, name, created_at, created_by, updated_at, updated_by)
                values (:site, :code, :code, now(), 'test', now(), 'test') returning id
                """).param("site", siteId).param("code", building).query(Long.class).single();
        String code = building + "-1502";
        long id = jdbc.sql("""
                insert into house (site_id, building_id, room_no, code, floor, area, house_use, status,
                                   created_at, created_by, updated_at, updated_by)
                values (:site, :building, '1502', :code, 15, 89.50, 'RESIDENTIAL', 'VACANT', now(), 'test', now(), 'test')
                returning id
                """).param("site", siteId).param("building", buildingId).param("code", code).query(Long.class).single();
        return new House(id, siteId, code);
    }

    /** A customer registered on the site with a phone of their own; returns the id. */
    long customer(long siteId, String name, String phone) {
        long id = jdbc.sql("""
                insert into customer (site_id, customer_type, name, value_tier, created_at, created_by, updated_at, updated_by)
                values (?, 'PERSON', ?, 'ORDINARY', now(), 'test', now(), 'test') returning id
                """).params(siteId, name).query(Long.class).single();
        jdbc.sql("insert into customer_phone (customer_id, number, position) values (?, ?, 0)").params(id, phone).update();
        return id;
    }

    /** A mobile number no other test uses. */
    String phone() {
        return "139" + String.format("%08d", (System.nanoTime() / 1000 + SEQUENCE.incrementAndGet()) % 100_000_000);
    }

    String houseStatus(long houseId) {
        return jdbc.sql("select status from house where id = ?").params(houseId).query(String.class).single();
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

    PropertyDeskUser person(Role role, String name, long... sites) {
        String username = role.name().toLowerCase().replace('_', '-') + "-dc-" + unique();
        String displayName = name + SEQUENCE.incrementAndGet();
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

    private static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }
}
