package org.propertydesk.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What public affairs (move-in, decoration, parking) do to records: find the house and the customer as the front desk
 * names them, start an occupancy, change a house's status and write its history, under the same site rules and change
 * log as the records pages.
 */
@Service
@Transactional
public class Handovers {

    private final HouseService houses;
    private final HouseRepository houseRepository;
    private final CustomerService customers;
    private final JdbcClient jdbc;

    Handovers(HouseService houses, HouseRepository houseRepository, CustomerService customers, JdbcClient jdbc) {
        this.houses = houses;
        this.houseRepository = houseRepository;
        this.customers = customers;
        this.jdbc = jdbc;
    }

    public record HouseRef(long id, long siteId, String siteName, String code, HouseStatus status) {
    }

    public record CustomerRef(long id, String name) {
    }

    /** The house, if it is on a site the current user serves. */
    @Transactional(readOnly = true)
    public Optional<HouseRef> house(long houseId) {
        return houseRepository.findWithSiteById(houseId)
                .filter(house -> RecordsAccess.scope().includes(house.getSite().getId()))
                .map(Handovers::ref);
    }

    /** The house named in front-desk notation (3-2-1502) on a site the current user serves. */
    @Transactional(readOnly = true)
    public Optional<HouseRef> house(long siteId, String notation) {
        if (!RecordsAccess.scope().includes(siteId)) {
            return Optional.empty();
        }
        return HouseCode.parse(notation).flatMap(code -> houseRepository.findBySiteIdAndCode(siteId, code.toString()))
                .map(Handovers::ref);
    }

    /** Customers of the site (registered there or living there now) with this phone number. */
    @Transactional(readOnly = true)
    public List<CustomerRef> customersByPhone(long siteId, String phone) {
        String number = PhoneNumbers.normalise(phone);
        if (number.isEmpty() || !RecordsAccess.scope().includes(siteId)) {
            return List.of();
        }
        return jdbc.sql("""
                select distinct c.id, c.name from customer c join customer_phone p on p.customer_id = c.id
                where p.number = :number and (c.site_id = :site or exists (
                    select 1 from occupancy o join house h on h.id = o.house_id
                    where o.customer_id = c.id and o.end_date is null and h.site_id = :site))
                order by c.id
                """).param("number", number).param("site", siteId)
                .query((rs, row) -> new CustomerRef(rs.getLong("id"), rs.getString("name"))).list();
    }

    /**
     * Moves the customer into the house as its primary contact, as the records page would (the customer's change log
     * says so); refused if they already hold that role there now.
     */
    public void startOccupancy(long customerId, long houseId, OccupancyRole role, LocalDate since) {
        House house = houses.get(houseId);
        OccupancyForm form = new OccupancyForm();
        form.setSiteId(house.getSite().getId());
        form.setHouseCode(house.getCode());
        form.setRole(role);
        form.setStartDate(since);
        form.setPrimaryContact(true);
        customers.addOccupancy(customerId, form);
    }

    public void setStatus(long houseId, HouseStatus status) {
        houses.get(houseId).markStatus(status);
    }

    public void addHistory(long houseId, HistoryKind kind, LocalDate date, String text) {
        HistoryForm form = new HistoryForm();
        form.setKind(kind);
        form.setEntryDate(date);
        form.setText(text);
        houses.addHistory(houseId, form);
    }

    private static HouseRef ref(House house) {
        return new HouseRef(house.getId(), house.getSite().getId(), house.getSite().getName(), house.getCode(),
                house.getStatus());
    }
}
