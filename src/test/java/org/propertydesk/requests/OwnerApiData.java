package org.propertydesk.requests;

import org.propertydesk.portal.OwnerAccounts;
import org.propertydesk.records.OccupancyRole;
import org.propertydesk.records.RecordsFixtures;
import org.propertydesk.records.RecordsFixtures.SiteRef;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two households on one site for owner API tests: house A with its owner, house B with another owner, each with a
 * portal account, and tenants who move in and out. Everything has unique codes and names.
 */
final class OwnerApiData {

    static final String PASSWORD = "owner pass 7";

    private final RecordsFixtures records;
    private final OwnerAccounts accounts;
    private final JdbcClient jdbc;

    final SiteRef site;
    final long houseA;
    final long houseB;
    final long ownerA;
    final long ownerB;
    final String usernameA;
    final String usernameB;

    OwnerApiData(ApplicationContext context) {
        this.records = new RecordsFixtures(context);
        this.accounts = context.getBean(OwnerAccounts.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.site = records.site();
        this.houseA = records.house(site.id(), "5", "1", "0601");
        this.houseB = records.house(site.id(), "5", "1", "0602");
        this.ownerA = records.customerIn(houseA, "业主甲");
        this.ownerB = records.customerIn(houseB, "业主乙");
        this.usernameA = account(ownerA);
        this.usernameB = account(ownerB);
    }

    /** A portal account for the customer, with {@link #PASSWORD}; returns its username. */
    String account(long customerId) {
        String username = "owner" + RecordsFixtures.unique().toLowerCase();
        accounts.ensureAccount(customerId, username, PASSWORD);
        return username;
    }

    /** A tenant living in the house from a year ago, not its primary contact. */
    long tenantIn(long houseId) {
        long tenant = records.customer(site.id(), "租户" + RecordsFixtures.unique());
        records.moveIn(tenant, site.id(), houseCode(houseId), OccupancyRole.TENANT, false);
        return tenant;
    }

    /** The customer's occupancy of the house ends today, as when the front desk records a move-out. */
    void moveOut(long customerId, long houseId) {
        jdbc.sql("update occupancy set end_date = current_date where customer_id = ? and house_id = ? and end_date is null")
                .params(customerId, houseId).update();
    }

    /** A note on the request's timeline that only staff may read. */
    void internalNote(long requestId, String note) {
        jdbc.sql("insert into request_event (request_id, at, type, actor, note, internal) "
                        + "values (?, now(), 'internalNote', '前台', ?, true)")
                .params(requestId, note).update();
    }

    long requestsOf(long houseId) {
        return jdbc.sql("select count(*) from service_request where house_id = ?").param(houseId).query(Long.class).single();
    }

    private String houseCode(long houseId) {
        return jdbc.sql("select code from house where id = ?").param(houseId).query(String.class).single();
    }
}
