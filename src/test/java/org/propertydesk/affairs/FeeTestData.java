package org.propertydesk.affairs;

import java.time.LocalDate;
import java.util.List;

import org.propertydesk.portal.OwnerAccounts;
import org.propertydesk.records.RecordsFixtures;
import org.propertydesk.records.RecordsFixtures.SiteRef;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Sites, houses, households and bills for the fee tests, each with unique codes (the tests share a database). Bills
 * are written as the import writes them; owners are real portal accounts loaded as the login loads them.
 */
final class FeeTestData {

    static final String OWNER_PASSWORD = "owner pass 7";

    private final RecordsFixtures records;
    private final JdbcClient jdbc;
    private final OwnerAccounts accounts;
    private final UserDetailsService users;

    FeeTestData(ApplicationContext context) {
        this.records = new RecordsFixtures(context);
        this.jdbc = context.getBean(JdbcClient.class);
        this.accounts = context.getBean(OwnerAccounts.class);
        this.users = context.getBean(UserDetailsService.class);
    }

    SiteRef site() {
        return records.site();
    }

    long house(SiteRef site, String building, String unit, String room) {
        return records.house(site.id(), building, unit, room);
    }

    long customerIn(long houseId, String name) {
        return records.customerIn(houseId, name);
    }

    /** A portal account for the customer; returns its username. */
    String ownerAccount(long customerId) {
        String username = "feeowner" + RecordsFixtures.unique().toLowerCase();
        accounts.ensureAccount(customerId, username, OWNER_PASSWORD);
        return username;
    }

    PropertyDeskUser owner(String username) {
        return (PropertyDeskUser) users.loadUserByUsername(username);
    }

    void bill(long houseId, String item, String period, String due, String paid, LocalDate dueDate) {
        jdbc.sql("""
                insert into fee_bill (site_id, house_id, fee_item, period, amount_due, amount_paid, due_date, imported_at, imported_by)
                select site_id, id, :item, :period, cast(:due as numeric), cast(:paid as numeric), :dueDate, now(), 'test'
                from house where id = :house
                """)
                .param("house", houseId).param("item", item).param("period", period)
                .param("due", due).param("paid", paid).param("dueDate", dueDate)
                .update();
    }

    /** The house's bills as "item period due/paid due-date", in item and period order. */
    List<String> bills(long houseId) {
        return jdbc.sql("""
                select fee_item || ' ' || period || ' ' || amount_due || '/' || amount_paid || ' ' || due_date
                from fee_bill where house_id = ? order by fee_item, period
                """).params(houseId).query(String.class).list();
    }

    /** The finance system has recorded every bill of the house as paid. */
    void payEverything(long houseId) {
        jdbc.sql("update fee_bill set amount_paid = amount_due where house_id = ?").params(houseId).update();
    }

    /** The house's reminders as "channel outcome overdue-amount note", latest first. */
    List<String> reminders(long houseId) {
        return jdbc.sql("""
                select channel || ' ' || outcome || ' ' || overdue_amount || coalesce(' ' || note, '')
                from fee_reminder where house_id = ? order by reminded_at desc, id desc
                """).params(houseId).query(String.class).list();
    }

    String houseCode(long houseId) {
        return jdbc.sql("select code from house where id = ?").params(houseId).query(String.class).single();
    }
}
