package org.propertydesk.incidents;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.propertydesk.portal.OwnerAccounts;
import org.propertydesk.requests.Channel;
import org.propertydesk.requests.RequestIntake;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.support.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Sites, buildings, households with portal accounts, staff and technicians for the incident tests, each with unique
 * codes (the tests share a database). People are real account rows, as the login loads them.
 */
@Component
final class IncidentTestData {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;
    private final OwnerAccounts accounts;
    private final UserDetailsService users;
    private final RequestIntake intake;
    private final RequestWork work;

    IncidentTestData(JdbcClient jdbc, OwnerAccounts accounts, UserDetailsService users, RequestIntake intake,
            RequestWork work) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.users = users;
        this.intake = intake;
        this.work = work;
    }

    /** A household living in a house of a building: the house, its customer and their phone. */
    record Household(long houseId, String houseCode, long customerId, String phone) {
    }

    long site() {
        String code = "IN" + unique();
        return jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '应急路 1 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).param("code", code).param("name", "应急苑" + code).query(Long.class).single();
    }

    String siteCode(long siteId) {
        return jdbc.sql("select code from site where id = ?").params(siteId).query(String.class).single();
    }

    long building(long siteId, String name) {
        return jdbc.sql("""
                insert into building (site_id, code, name, created_at, created_by, updated_at, updated_by)
                values (:site, :code, :name, now(), 'test', now(), 'test') returning id
                """).param("site", siteId).param("code", "B" + unique()).param("name", name).query(Long.class).single();
    }

    /** A house of the building with an owner living there now, who has a phone number. */
    Household household(long buildingId, String room) {
        long siteId = jdbc.sql("select site_id from building where id = ?").params(buildingId).query(Long.class).single();
        String code = "H" + unique() + "-" + room;
        long houseId = jdbc.sql("""
                insert into house (site_id, building_id, room_no, code, floor, area, house_use, status,
                                   created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, 8, 96.00, 'RESIDENTIAL', 'OCCUPIED', now(), 'test', now(), 'test') returning id
                """).params(siteId, buildingId, room, code).query(Long.class).single();
        long customerId = jdbc.sql("""
                insert into customer (site_id, customer_type, name, value_tier, created_at, created_by, updated_at, updated_by)
                values (?, 'PERSON', ?, 'ORDINARY', now(), 'test', now(), 'test') returning id
                """).params(siteId, "住户" + unique()).query(Long.class).single();
        String phone = "138" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000);
        jdbc.sql("insert into customer_phone (customer_id, number, position) values (?, ?, 0)").params(customerId, phone)
                .update();
        jdbc.sql("""
                insert into occupancy (customer_id, house_id, role, start_date, primary_contact,
                                       created_at, created_by, updated_at, updated_by)
                values (?, ?, 'OWNER', date '2020-01-01', true, now(), 'test', now(), 'test')
                """).params(customerId, houseId).update();
        return new Household(houseId, code, customerId, phone);
    }

    /** The household's portal account, logged in as the application loads it. */
    PropertyDeskUser owner(Household household) {
        String username = "owner-in-" + unique();
        accounts.ensureAccount(household.customerId(), username, "incident-secret-1");
        return (PropertyDeskUser) users.loadUserByUsername(username);
    }

    PropertyDeskUser manager(long... sites) {
        return staff(Role.MANAGER, sites);
    }

    PropertyDeskUser frontDesk(long... sites) {
        return staff(Role.FRONT_DESK, sites);
    }

    PropertyDeskUser dispatcher(long... sites) {
        return staff(Role.DISPATCHER, sites);
    }

    /** A technician of the sites; on emergency duty from an hour before {@code now} for the rest of the day. */
    PropertyDeskUser technicianOnEmergencyDuty(Instant now, long... sites) {
        PropertyDeskUser technician = technician(sites);
        jdbc.sql("""
                insert into duty_shift (staff_id, starts_at, ends_at, emergency, created_at, created_by)
                values (?, ?, ?, true, now(), 'test')
                """).params(technician.id(), Timestamp.from(now.minus(Duration.ofHours(1))),
                Timestamp.from(now.plus(Duration.ofHours(20)))).update();
        return technician;
    }

    /** A plumber of the sites, on an ordinary shift covering {@code now}. */
    PropertyDeskUser plumberOnDuty(Instant now, long... sites) {
        PropertyDeskUser technician = technician(sites);
        jdbc.sql("insert into technician_skill (staff_id, skill) values (?, 'PLUMBING')").params(technician.id()).update();
        jdbc.sql("""
                insert into duty_shift (staff_id, starts_at, ends_at, emergency, created_at, created_by)
                values (?, ?, ?, false, now(), 'test')
                """).params(technician.id(), Timestamp.from(now.minus(Duration.ofHours(1))),
                Timestamp.from(now.plus(Duration.ofHours(8)))).update();
        return technician;
    }

    PropertyDeskUser technician(long... sites) {
        PropertyDeskUser user = staff(Role.TECHNICIAN, sites);
        jdbc.sql("""
                insert into technician (staff_id, created_at, created_by, updated_at, updated_by)
                values (?, now(), 'test', now(), 'test')
                """).params(user.id()).update();
        return user;
    }

    /** Automatic dispatch for every category of the site: a new repair goes straight to a suitable technician. */
    void autoDispatchEverything(long siteId) {
        jdbc.sql("""
                insert into dispatch_rule (site_id, category_id, accept_minutes, created_at, created_by, updated_at, updated_by)
                values (?, null, 15, now(), 'test', now(), 'test')
                """).params(siteId).update();
    }

    /** A repair of the household taken in by the front desk; returns its id. */
    long repair(PropertyDeskUser desk, long siteId, Household household, String description) {
        return Users.callAs(desk, () -> intake.receive(new RequestIntake.NewRequest(RequestKind.REPAIR,
                "PLUMBING_NO_WATER", Channel.PHONE, siteId, null, household.houseId(), household.customerId(),
                household.phone(), null, description, null)));
    }

    /** Dispatch gave the request a work order, as dispatch tells the request: from now on its technician has it. */
    void workAssigned(long siteId, long requestId) {
        Users.runAs(dispatcher(siteId), () -> work.assigned(requestId, "王师傅"));
    }

    void act(PropertyDeskUser desk, long requestId, String action, String note) {
        Users.runAs(desk, () -> intake.act(requestId, action, note));
    }

    String status(long requestId) {
        return jdbc.sql("select status from service_request where id = ?").params(requestId).query(String.class).single();
    }

    String kind(long requestId) {
        return jdbc.sql("select kind from service_request where id = ?").params(requestId).query(String.class).single();
    }

    int workOrders(long requestId) {
        return jdbc.sql("select count(*) from work_order where request_id = ?").params(requestId).query(Integer.class)
                .single();
    }

    /** The owner-visible timeline notes of a type, oldest first. */
    List<String> publicNotes(long requestId, String type) {
        return jdbc.sql("""
                select note from request_event where request_id = ? and type = ? and not internal order by at, id
                """).params(requestId, type).query(String.class).list();
    }

    /** The requests linked to the incident, in the order they were linked. */
    List<Long> linked(long incidentId) {
        return jdbc.sql("select request_id from incident_request where incident_id = ? order by linked_at, request_id")
                .params(incidentId).query(Long.class).list();
    }

    long latestIncident(long siteId) {
        return jdbc.sql("select id from incident where site_id = ? order by id desc limit 1").params(siteId)
                .query(Long.class).single();
    }

    String incidentStatus(long incidentId) {
        return jdbc.sql("select status from incident where id = ?").params(incidentId).query(String.class).single();
    }

    long noticeOf(long incidentId) {
        return jdbc.sql("select notice_id from incident where id = ?").params(incidentId).query(Long.class).single();
    }

    List<String> notifiedAbout(String link) {
        return jdbc.sql("select recipient from notification where link = ? order by recipient").params(link)
                .query(String.class).list();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private PropertyDeskUser staff(Role role, long... sites) {
        String username = role.name().toLowerCase().replace('_', '-') + "-in-" + unique();
        String displayName = "员工" + SEQUENCE.incrementAndGet();
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

    static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }
}
