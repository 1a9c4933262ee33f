package org.propertydesk.records;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BuildingRepository extends JpaRepository<Building, Long> {

    Optional<Building> findBySiteIdAndCode(Long siteId, String code);

    @Query("select b from Building b join fetch b.site where array_has(:siteIds, b.site.id) order by b.site.code, b.code")
    List<Building> findBySiteIds(Long[] siteIds);

    default List<Building> findBySiteIds(Collection<Long> siteIds) {
        return findBySiteIds(siteIds.toArray(Long[]::new));
    }

    @Query("select b from Building b join fetch b.site order by b.site.code, b.code")
    List<Building> findAllWithSite();
}
