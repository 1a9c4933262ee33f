package org.propertydesk.records;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    @Query("select c from Customer c left join fetch c.site left join fetch c.phones left join fetch c.careFlags where c.id = :id")
    Optional<Customer> findDetailedById(Long id);

    /**
     * Customers a person may see: those registered at one of their sites or living in a house there now. Former
     * occupants are the business of the site they were registered at.
     */
    @Query("""
            select (count(c) > 0) from Customer c
            where c.id = :id and (array_has(:siteIds, c.site.id)
               or exists (select o.id from Occupancy o where o.customer = c and o.endDate is null
                          and array_has(:siteIds, o.house.site.id)))
            """)
    boolean isVisibleIn(Long id, Long[] siteIds);

    default boolean isVisibleIn(Long id, Collection<Long> siteIds) {
        return isVisibleIn(id, siteIds.toArray(Long[]::new));
    }

    @Query(value = """
            select c from Customer c left join fetch c.site
            where (:allSites = true or array_has(:siteIds, c.site.id)
                   or exists (select o.id from Occupancy o where o.customer = c and o.endDate is null
                              and array_has(:siteIds, o.house.site.id)))
              and (:siteId is null or c.site.id = :siteId
                   or exists (select o.id from Occupancy o where o.customer = c and o.endDate is null
                              and o.house.site.id = :siteId))
              and (:type is null or c.type = :type)
              and (:name is null or c.name like :name)
            """,
            countQuery = """
            select count(c) from Customer c
            where (:allSites = true or array_has(:siteIds, c.site.id)
                   or exists (select o.id from Occupancy o where o.customer = c and o.endDate is null
                              and array_has(:siteIds, o.house.site.id)))
              and (:siteId is null or c.site.id = :siteId
                   or exists (select o.id from Occupancy o where o.customer = c and o.endDate is null
                              and o.house.site.id = :siteId))
              and (:type is null or c.type = :type)
              and (:name is null or c.name like :name)
            """)
    Page<Customer> search(boolean allSites, Long[] siteIds, Long siteId, CustomerType type, String name,
            Pageable pageable);

    default Page<Customer> search(boolean allSites, Collection<Long> siteIds, Long siteId, CustomerType type,
            String name, Pageable pageable) {
        return search(allSites, siteIds.toArray(Long[]::new), siteId, type, name, pageable);
    }

    @Query("""
            select c from Customer c left join fetch c.site left join fetch c.phones left join fetch c.careFlags
            where array_has(:ids, c.id)
            """)
    List<Customer> findDetailedByIdIn(Long[] ids);

    default List<Customer> findDetailedByIdIn(Collection<Long> ids) {
        return findDetailedByIdIn(ids.toArray(Long[]::new));
    }

    @Query("select c from Customer c where c.idNumber = :idNumber")
    List<Customer> findByIdNumber(String idNumber);

    @Query("select distinct p.customer from CustomerPhone p where p.number = :number and p.customer.name = :name")
    List<Customer> findByNameAndPhone(String name, String number);
}
