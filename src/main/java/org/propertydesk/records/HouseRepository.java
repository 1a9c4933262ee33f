package org.propertydesk.records;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HouseRepository extends JpaRepository<House, Long> {

    Optional<House> findBySiteIdAndCode(Long siteId, String code);

    @Query("select h from House h left join fetch h.site left join fetch h.building left join fetch h.unit where h.id = :id")
    Optional<House> findWithSiteById(Long id);

    /**
     * Houses of the given sites (all sites when {@code allSites}), optionally narrowed to one site, a building and a
     * status, with a code prefix such as "3-2".
     */
    @Query(value = """
            select h from House h left join fetch h.site left join fetch h.building left join fetch h.unit
            where (:allSites = true or array_has(:siteIds, h.site.id))
              and (:siteId is null or h.site.id = :siteId)
              and (:buildingId is null or h.building.id = :buildingId)
              and (:status is null or h.status = :status)
              and (:codePrefix is null or h.code like :codePrefix escape '\\')
            """,
            countQuery = """
            select count(h) from House h
            where (:allSites = true or array_has(:siteIds, h.site.id))
              and (:siteId is null or h.site.id = :siteId)
              and (:buildingId is null or h.building.id = :buildingId)
              and (:status is null or h.status = :status)
              and (:codePrefix is null or h.code like :codePrefix escape '\\')
            """)
    Page<House> search(boolean allSites, Long[] siteIds, Long siteId, Long buildingId, HouseStatus status,
            String codePrefix, Pageable pageable);

    default Page<House> search(boolean allSites, Collection<Long> siteIds, Long siteId, Long buildingId,
            HouseStatus status, String codePrefix, Pageable pageable) {
        return search(allSites, siteIds.toArray(Long[]::new), siteId, buildingId, status, codePrefix, pageable);
    }

    default List<House> findAllWithSiteByIdIn(Collection<Long> ids) {
        return findAllWithSiteByIdIn(ids.toArray(Long[]::new));
    }

    @Query("select h from House h left join fetch h.site left join fetch h.building left join fetch h.unit where array_has(:ids, h.id)")
    List<House> findAllWithSiteByIdIn(Long[] ids);
}
