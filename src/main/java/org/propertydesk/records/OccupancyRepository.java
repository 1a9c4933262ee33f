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
            where o.house.id in :houseIds and o.endDate is null
            """)
    List<Occupancy> findCurrentByHouseIds(Collection<Long> houseIds);

    @Query("""
            select o from Occupancy o join fetch o.house h join fetch h.site
            where o.customer.id in :customerIds and o.endDate is null
            """)
    List<Occupancy> findCurrentByCustomerIds(Collection<Long> customerIds);

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
