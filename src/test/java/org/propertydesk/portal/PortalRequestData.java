package org.propertydesk.portal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.propertydesk.requests.RequestIntake;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.support.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Sites, houses, owners with portal accounts, staff and technicians for the portal tests, each with unique codes and
 * names (the tests share a database). Owners are real accounts loaded as the login loads them, so their sites are
 * those of the houses they occupy.
 */
@Component
final class PortalRequestData {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;
    private final OwnerAccounts accounts;
    private final UserDetailsService users;
    private final RequestIntake intake;

    PortalRequestData(JdbcClient jdbc, OwnerAccounts accounts, UserDetailsService users, RequestIntake intake) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.users = users;
        this.intake = intake;
    }

    long site() {
        String code = "PT" + unique();
        return jdbc.sql("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (:code, :name, '业主路 1 号', 'RESIDENTIAL', now(), 'test', now(), 'test') returning id
                """).param("code", code).param("name", "业主测试苑" + code).query(Long.class).single();
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

    String houseCode(long houseId) {
        return jdbc.sql("select code from house where id = ?").params(houseId).query(String.class).single();
    }

    /** An owner occupying the house, with a portal account, as the login loads them. */
    PropertyDeskUser owner(long houseId) {
        return occupant(houseId, LocalDate.of(2020, 1, 1));
    }

    /** Someone who moved into the house on that day, with a portal account. */
    PropertyDeskUser occupant(long houseId, LocalDate since) {
        long siteId = jdbc.sql("select site_id from house where id = ?").params(houseId).query(Long.class).single();
        long customerId = jdbc.sql("""
                insert into customer (site_id, customer_type, name, value_tier, created_at, created_by, updated_at, updated_by)
                values (:site, 'PERSON', :name, 'ORDINARY', now(), 'test', now(), 'test') returning id
                """).param("site", siteId).param("name", "业主" + unique()).query(Long.class).single();
        jdbc.sql("insert into customer_phone (customer_id, number, position) values (?, ?, 0)")
                .params(customerId, "139" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000)).update();
        jdbc.sql("""
                insert into occupancy (customer_id, house_id, role, start_date, primary_contact,
                                       created_at, created_by, updated_at, updated_by)
                values (?, ?, 'OWNER', ?, true, now(), 'test', now(), 'test')
                """).params(customerId, houseId, since).update();
        String username = "owner-pt-" + unique();
        accounts.ensureAccount(customerId, username, "portal-secret");
        return (PropertyDeskUser) users.loadUserByUsername(username);
    }

    PropertyDeskUser frontDesk(long... sites) {
        return person(Role.FRONT_DESK, "前台", sites);
    }

    PropertyDeskUser dispatcher(long... sites) {
        return person(Role.DISPATCHER, "调度", sites);
    }

    /** A plumber serving the sites: a technician profile with the PLUMBING skill. */
    PropertyDeskUser plumber(long... sites) {
        PropertyDeskUser user = person(Role.TECHNICIAN, "王师傅", sites);
        jdbc.sql("""
                insert into technician (staff_id, created_at, created_by, updated_at, updated_by)
                values (?, now(), 'test', now(), 'test')
                """).params(user.id()).update();
        jdbc.sql("insert into technician_skill (staff_id, skill) values (?, 'PLUMBING')").params(user.id()).update();
        return user;
    }

    /** Named moves on the request, one after the other, by a front desk of the site. */
    void act(long siteId, long requestId, String... actions) {
        PropertyDeskUser desk = frontDesk(siteId);
        for (String action : actions) {
            Users.runAs(desk, () -> intake.act(requestId, action, null));
        }
    }

    /** A questionnaire open today (and for a week) for the site; returns its id. */
    long openSurvey(long siteId, String title) {
        long id = jdbc.sql("""
                insert into questionnaire (title, opens_on, closes_on, status, opened_at,
                                           created_at, created_by, updated_at, updated_by)
                values (?, current_date - 1, current_date + 7, 'OPEN', now(), now(), 'test', now(), 'test') returning id
                """).params(title).query(Long.class).single();
        jdbc.sql("insert into questionnaire_site (questionnaire_id, site_id) values (?, ?)").params(id, siteId).update();
        return id;
    }

    /** The house's answer to the questionnaire, as the signed link would save it. */
    void answered(long questionnaireId, long siteId, long houseId) {
        jdbc.sql("""
                insert into survey_response (questionnaire_id, site_id, house_id, channel, household_key, submitted_at,
                                             created_at, created_by)
                values (?, ?, ?, 'LINK', ?, now(), now(), 'test')
                """).params(questionnaireId, siteId, houseId, "H" + houseId).update();
    }

    String requestStatus(long requestId) {
        return jdbc.sql("select status from service_request where id = ?").params(requestId).query(String.class).single();
    }

    /** The id of the latest request received at the house. */
    /** Moves a request's receipt back to noon of that day, as if it had come in then. */
    void receivedOn(long requestId, LocalDate day) {
        jdbc.sql("update service_request set received_at = ? where id = ?")
                .params(java.sql.Timestamp.valueOf(day.atTime(12, 0)), requestId).update();
    }

    long latestRequestAt(long houseId) {
        return jdbc.sql("select id from service_request where house_id = ? order by id desc limit 1").params(houseId)
                .query(Long.class).single();
    }

    long requestCount(long houseId) {
        return jdbc.sql("select count(*) from service_request where house_id = ?").params(houseId).query(Long.class).single();
    }

    long attachmentId(long requestId) {
        return jdbc.sql("select id from request_attachment where request_id = ? order by id limit 1").params(requestId)
                .query(Long.class).single();
    }

    long ratings(long requestId) {
        return jdbc.sql("select count(*) from request_rating where request_id = ?").params(requestId).query(Long.class).single();
    }

    String ratingChannel(long requestId) {
        return jdbc.sql("select channel from request_rating where request_id = ?").params(requestId).query(String.class).single();
    }

    static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    /** A staff account as the login would load it, saved so that the page filter finds it. */
    private PropertyDeskUser person(Role role, String name, long... sites) {
        String username = role.name().toLowerCase().replace('_', '-') + "-pt-" + unique();
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
