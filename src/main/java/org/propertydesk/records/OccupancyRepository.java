package org.propertydesk.records;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OccupancyRepository extends JpaRepository<Occupancy, Long> {

    @Query("""
            select o from Occupancy o join fetch o.house h join fetch h.site join fetch o.customer
            where o.customer.id = :customerId order by o.endDate desc nulls first, o.startDate desc
            """)
    List<Occupancy> findByCustomer(Long customerId);

    @Query("""
            select o from Occupancy o join fetch o.customer c join fetch o.house
            where o.house.id = :houseId order by o.endDate desc nulls first, o.startDate desc
            """)
    List<Occupancy> findByHouse(Long houseId);

    @Query("""
            select o from Occupancy o join fetch o.customer join fetch o.house h join fetch h.site
            where array_has(:houseIds, o.house.id) and o.endDate is null
            """)
    List<Occupancy> findCurrentByHouseIds(Long[] houseIds);

    default List<Occupancy> findCurrentByHouseIds(Collection<Long> houseIds) {
        return findCurrentByHouseIds(houseIds.toArray(Long[]::new));
    }

    @Query("""
            select o from Occupancy o join fetch o.house h join fetch h.site
            where array_has(:customerIds, o.customer.id) and o.endDate is null
            """)
    List<Occupancy> findCurrentByCustomerIds(Long[] customerIds);

    default List<Occupancy> findCurrentByCustomerIds(Collection<Long> customerIds) {
        return findCurrentByCustomerIds(customerIds.toArray(Long[]::new));
    }

    /** One customer's: unlike a list of ids, a single id lets Hibernate reuse the query's translation. */
    @Query("""
            select o from Occupancy o join fetch o.house h join fetch h.site
            where o.customer.id = :customerId and o.endDate is null
            """)
    List<Occupancy> findCurrentByCustomerId(Long customerId);

    @Query("""
            select o from Occupancy o
            where o.customer.id = :customerId and o.house.id = :houseId and o.role = :role and o.endDate is null
            """)
    List<Occupancy> findCurrent(Long customerId, Long houseId, OccupancyRole role);
}
