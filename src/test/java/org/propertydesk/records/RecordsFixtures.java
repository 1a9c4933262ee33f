package org.propertydesk.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.Users;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds records for tests through the application's own services, so test data obeys the same rules as real data.
 * Everything gets unique codes and phone numbers: tests share one database and must never trip over each other.
 * Public so that tests of other modules (authorization, staff) can set up sites and customers too.
 */
public final class RecordsFixtures {

    private final SiteService sites;
    private final HouseService houses;
    private final CustomerService customers;
    private final JdbcClient jdbc;
    private final PropertyDeskUser admin = Users.admin();

    public RecordsFixtures(ApplicationContext context) {
        this.sites = context.getBean(SiteService.class);
        this.houses = context.getBean(HouseService.class);
        this.customers = context.getBean(CustomerService.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    /** A short random upper-case suffix for codes and names. */
    public static String unique() {
        return Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36 * 36), 36)
                .toUpperCase();
    }

    /** A mobile number nobody else in the database has (11 digits, starting with 1). */
    public static String uniqueMobile() {
        return "19" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    public record SiteRef(long id, String code, String name) {
    }

    public SiteRef site() {
        String suffix = unique();
        SiteForm form = new SiteForm();
        form.setCode("T" + suffix);
        form.setName("测试花园" + suffix);
        form.setAddress("测试路 1 号");
        form.setPropertyType(PropertyType.RESIDENTIAL);
        Site site = Users.callAs(admin, () -> sites.create(form));
        return new SiteRef(site.getId(), site.getCode(), site.getName());
    }

    /** A house named as front desks say it: building, optional unit, room (3, 2, 1502 is 3-2-1502). */
    public long house(long siteId, String building, String unit, String room) {
        HouseForm form = new HouseForm();
        form.setSiteId(siteId);
        form.setBuildingCode(building);
        form.setUnitCode(unit);
        form.setRoomNo(room);
        form.setArea(new BigDecimal("89.50"));
        return Users.callAs(admin, () -> houses.create(form)).getId();
    }

    /** A customer registered at the site, living nowhere yet. */
    public long customer(long siteId, String name, String... phones) {
        return customer(siteId, null, name, null, phones);
    }

    /** A customer who moves into the house as its owner and primary contact (as when added from the house page). */
    public long customerIn(long houseId, String name, String... phones) {
        long siteId = Users.callAs(admin, () -> houses.get(houseId).getSite().getId());
        return customer(siteId, houseId, name, null, phones);
    }

    public long customerWithIdNumber(long siteId, String name, String idNumber, String... phones) {
        return customer(siteId, null, name, idNumber, phones);
    }

    private long customer(long siteId, Long houseId, String name, String idNumber, String... phones) {
        CustomerForm form = new CustomerForm();
        form.setSiteId(siteId);
        form.setName(name);
        form.setPhones(List.of(phones.length == 0 ? new String[] {uniqueMobile()} : phones));
        form.setIdNumber(idNumber);
        form.setHouseId(houseId);
        return Users.callAs(admin, () -> customers.create(form)).getId();
    }

    /** Moves the customer into the house (named in front-desk notation) and returns the occupancy id. */
    public long moveIn(long customerId, long siteId, String houseCode, OccupancyRole role, boolean primaryContact) {
        OccupancyForm form = new OccupancyForm();
        form.setSiteId(siteId);
        form.setHouseCode(houseCode);
        form.setRole(role);
        form.setStartDate(LocalDate.now().minusYears(1));
        form.setPrimaryContact(primaryContact);
        return Users.callAs(admin, () -> customers.addOccupancy(customerId, form)).getId();
    }

    public void communication(long customerId, String summary) {
        CommunicationForm form = new CommunicationForm();
        form.setSummary(summary);
        Users.runAs(admin, () -> customers.addCommunication(customerId, form));
    }

    /** The current occupancy of the customer in the house, as the 360 page shows it. */
    public long occupancyId(long customerId, long houseId) {
        return jdbc.sql("select id from occupancy where customer_id = ? and house_id = ? and end_date is null")
                .params(customerId, houseId).query(Long.class).single();
    }

    // Counts of what a form may have saved, to prove a refused form saved nothing.

    public long customersAt(long siteId) {
        return count("select count(*) from customer where site_id = ?", siteId);
    }

    public long housesAt(long siteId) {
        return count("select count(*) from house where site_id = ?", siteId);
    }

    public long buildingsAt(long siteId) {
        return count("select count(*) from building where site_id = ?", siteId);
    }

    public long allSites() {
        return count("select count(*) from site");
    }

    public long occupanciesOf(long customerId) {
        return count("select count(*) from occupancy where customer_id = ?", customerId);
    }

    public long communicationsOf(long customerId) {
        return count("select count(*) from communication where customer_id = ?", customerId);
    }

    public long historyOf(long houseId) {
        return count("select count(*) from house_history where house_id = ?", houseId);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
