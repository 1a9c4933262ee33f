package org.propertydesk.affairs;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.propertydesk.portal.OwnerAccounts;
import org.propertydesk.records.OccupancyRole;
import org.propertydesk.records.RecordsFixtures;
import org.propertydesk.records.RecordsFixtures.SiteRef;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.staff.StaffFixtures;
import org.propertydesk.support.Users;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * One site with a house, its owner and a tenant (each with a portal account), and a second site with its own house
 * and owner, for the release-pass tests. Codes and names are unique: the tests share a database.
 */
final class ReleasePassTestData {

    static final String PASSWORD = "owner pass 7";

    private final RecordsFixtures records;
    private final OwnerAccounts accounts;
    private final UserDetailsService users;
    private final ReleasePasses passes;
    private final JdbcClient jdbc;
    private final StaffFixtures staff;
    private final ZoneId zone;

    final SiteRef site;
    final SiteRef otherSite;
    final long house;
    final long otherHouse;
    final String houseCode;
    final long owner;
    final long tenant;
    final long otherOwner;
    final String ownerUsername;
    final String tenantUsername;
    final String otherOwnerUsername;

    ReleasePassTestData(ApplicationContext context) {
        this.records = new RecordsFixtures(context);
        this.accounts = context.getBean(OwnerAccounts.class);
        this.users = context.getBean(UserDetailsService.class);
        this.passes = context.getBean(ReleasePasses.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.staff = new StaffFixtures(context);
        this.zone = context.getBean(Dates.class).zone();
        this.site = records.site();
        this.otherSite = records.site();
        this.house = records.house(site.id(), "8", "1", "0501");
        this.houseCode = "8-1-0501";
        this.otherHouse = records.house(otherSite.id(), "2", "1", "0101");
        this.owner = records.customerIn(house, "业主" + RecordsFixtures.unique());
        this.tenant = records.customer(site.id(), "租户" + RecordsFixtures.unique());
        records.moveIn(tenant, site.id(), houseCode, OccupancyRole.TENANT, false);
        this.otherOwner = records.customerIn(otherHouse, "业主" + RecordsFixtures.unique());
        this.ownerUsername = account(owner);
        this.tenantUsername = account(tenant);
        this.otherOwnerUsername = account(otherOwner);
    }

    /** The day as the gate sees it: today in the display zone. */
    LocalDate today() {
        return LocalDate.now(zone);
    }

    PropertyDeskUser frontDesk() {
        return Users.frontDesk(site.id());
    }

    /** A portal login as the login page loads it. */
    PropertyDeskUser portalUser(String username) {
        return (PropertyDeskUser) users.loadUserByUsername(username);
    }

    /** A staff account with a password, for API tokens; returns its username. */
    String staffAccount(Role role, long... siteIds) {
        String username = StaffFixtures.uniqueUsername(role.name().toLowerCase());
        staff.account(username, Set.of(role), Arrays.stream(siteIds).boxed().toList());
        return username;
    }

    /** A pass the front desk issued for the requester, for that day. */
    ReleasePass issued(long requesterId, LocalDate day) {
        ReleasePassForm form = new ReleasePassForm();
        form.setHouseId(house);
        form.setRequesterId(requesterId);
        form.setItems("沙发一套，纸箱三个");
        form.setPassDate(day);
        form.setVehiclePlate("沪A12345");
        return Users.callAs(frontDesk(), () -> passes.askAtDesk(form));
    }

    /** An owner's pass for today: approved as it is issued. */
    ReleasePass approvedForToday() {
        return issued(owner, today());
    }

    ReleasePass approvedAtDesk(ReleasePass pass) {
        return Users.callAs(frontDesk(), () -> passes.approveAtDesk(pass.getId(), "业主电话同意", null));
    }

    ReleasePass reload(ReleasePass pass) {
        return Users.callAs(Users.admin(), () -> passes.forStaff(pass.getId()));
    }

    /** The pass issued last for the house. */
    ReleasePass latestOf(long houseId) {
        long id = jdbc.sql("select max(id) from release_pass where house_id = ?").params(houseId).query(Long.class).single();
        return Users.callAs(Users.admin(), () -> passes.forStaff(id));
    }

    /** Moves the pass to another day, as if it had been issued for it. */
    void movePassDate(ReleasePass pass, LocalDate day) {
        jdbc.sql("update release_pass set pass_date = ? where id = ?").params(day, pass.getId()).update();
    }

    List<String> checkResults(ReleasePass pass) {
        return jdbc.sql("select result from release_pass_check where pass_id = ? order by id").params(pass.getId())
                .query(String.class).list();
    }

    long checksEnteredAs(String numberEntered) {
        return jdbc.sql("select count(*) from release_pass_check where number_entered = ? and pass_id is null")
                .params(numberEntered).query(Long.class).single();
    }

    long passesOf(long houseId) {
        return jdbc.sql("select count(*) from release_pass where house_id = ?").params(houseId).query(Long.class).single();
    }

    private String account(long customerId) {
        String username = "owner" + RecordsFixtures.unique().toLowerCase();
        accounts.ensureAccount(customerId, username, PASSWORD);
        return username;
    }
}
