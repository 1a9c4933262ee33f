package org.propertydesk.records;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.propertydesk.shared.security.SiteScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Houses and customers as other modules see them: summaries by id, checked against the caller's sites.
 */
@Service
@Transactional(readOnly = true)
public class RecordsDirectory {

    private final HouseRepository houses;
    private final CustomerRepository customers;
    private final OccupancyRepository occupancies;
    private final SiteRepository sites;
    private final JdbcClient jdbc;

    RecordsDirectory(HouseRepository houses, CustomerRepository customers, OccupancyRepository occupancies,
            SiteRepository sites, JdbcClient jdbc) {
        this.houses = houses;
        this.customers = customers;
        this.occupancies = occupancies;
        this.sites = sites;
        this.jdbc = jdbc;
    }

    public record HouseSummary(Long id, Long siteId, String siteCode, String siteName, String code) {
    }

    public record CustomerSummary(Long id, String name, List<String> phones, Set<CareFlag> careFlags,
            List<HouseSummary> currentHouses) {

        public String primaryPhone() {
            return phones.isEmpty() ? null : phones.get(0);
        }
    }

    public Optional<SiteSummary> site(Long id) {
        return sites.findById(id).map(SiteSummary::of);
    }

    public Optional<SiteSummary> siteByCode(String code) {
        return sites.findByCode(code).map(SiteSummary::of);
    }

    public Optional<HouseSummary> house(Long id, SiteScope scope) {
        return houses.findWithSiteById(id).filter(h -> scope.includes(h.getSite().getId())).map(RecordsDirectory::summary);
    }

    public List<HouseSummary> houses(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : houses.findAllWithSiteByIdIn(ids).stream().map(RecordsDirectory::summary).toList();
    }

    /**
     * The houses a customer occupies now (an occupancy without an end), which is what an owner's or tenant's portal
     * account gives access to; a tenant who has moved out has none.
     */
    public List<HouseSummary> currentHouses(long customerId) {
        return occupancies.findCurrentByCustomerId(customerId).stream()
                .map(o -> summary(o.getHouse())).distinct().toList();
    }

    /**
     * The houses each of several customers occupies now at the scope's sites, in one query; a customer who lives at
     * none of them is missing from the map.
     */
    public Map<Long, List<HouseSummary>> currentHouses(Collection<Long> customerIds, SiteScope scope) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        return occupancies.findCurrentByCustomerIds(customerIds).stream()
                .filter(o -> scope.includes(o.getHouse().getSite().getId()))
                .collect(Collectors.groupingBy(o -> o.getCustomer().getId(), Collectors.mapping(o -> summary(o.getHouse()),
                        Collectors.collectingAndThen(Collectors.toCollection(LinkedHashSet::new), List::copyOf))));
    }

    /** The houses a customer occupies now, with the day they moved in (the earliest, if they hold two roles there). */
    public Map<Long, LocalDate> currentHousesSince(long customerId) {
        return occupancies.findCurrentByCustomerId(customerId).stream()
                .collect(Collectors.toMap(o -> o.getHouse().getId(), Occupancy::getStartDate,
                        (a, b) -> a.isBefore(b) ? a : b));
    }

    /**
     * The site of a house the scope sees. Intake checks every request's house this way: one query, not the house with
     * its site, building and unit.
     */
    public Optional<Long> siteOfHouse(Long houseId, SiteScope scope) {
        return jdbc.sql("select site_id from house where id = ?").param(houseId).query(Long.class).optional()
                .filter(scope::includes);
    }

    /**
     * The care flags of a customer the scope sees (none is an empty set); empty if the scope does not see the
     * customer. Intake raises the priority by them for every request it takes: one query, not the whole customer.
     */
    public Optional<Set<CareFlag>> careFlags(Long customerId, SiteScope scope) {
        return jdbc.sql("""
                select array(select f.flag from customer_care_flag f where f.customer_id = c.id)
                from customer c
                where c.id = :id
                  and (:allSites or c.site_id = any(:siteIds)
                       or exists (select 1 from occupancy o join house h on h.id = o.house_id
                                  where o.customer_id = c.id and o.end_date is null and h.site_id = any(:siteIds)))""")
                .param("id", customerId)
                .param("allSites", scope.allSites())
                .param("siteIds", scope.idsForQuery().toArray(Long[]::new))
                .query((rs, n) -> {
                    Set<CareFlag> flags = EnumSet.noneOf(CareFlag.class);
                    for (Object flag : (Object[]) rs.getArray(1).getArray()) {
                        flags.add(CareFlag.valueOf((String) flag));
                    }
                    return flags;
                })
                .optional();
    }

    public Optional<CustomerSummary> customer(Long id, SiteScope scope) {
        if (!scope.allSites() && !customers.isVisibleIn(id, scope.idsForQuery())) {
            return Optional.empty();
        }
        return customers.findDetailedById(id).map(customer -> new CustomerSummary(customer.getId(), customer.getName(),
                customer.getPhoneNumbers(), Set.copyOf(customer.getCareFlags()),
                occupancies.findCurrentByCustomerId(id).stream()
                        .filter(o -> scope.includes(o.getHouse().getSite().getId()))
                        .map(o -> summary(o.getHouse())).distinct().toList()));
    }

    /** The customer's email address, if the scope sees the customer and they gave one. */
    public Optional<String> email(long customerId, SiteScope scope) {
        if (!scope.allSites() && !customers.isVisibleIn(customerId, scope.idsForQuery())) {
            return Optional.empty();
        }
        return customers.findById(customerId).map(Customer::getEmail).filter(email -> email != null && !email.isBlank());
    }

    public List<CustomerSummary> customers(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var current = occupancies.findCurrentByCustomerIds(ids);
        return customers.findDetailedByIdIn(ids).stream()
                .map(c -> new CustomerSummary(c.getId(), c.getName(), c.getPhoneNumbers(), Set.copyOf(c.getCareFlags()),
                        current.stream().filter(o -> o.getCustomer().getId().equals(c.getId()))
                                .map(o -> summary(o.getHouse())).distinct().toList()))
                .toList();
    }

    private static HouseSummary summary(House house) {
        return new HouseSummary(house.getId(), house.getSite().getId(), house.getSite().getCode(), house.getSite().getName(),
                house.getCode());
    }
}
