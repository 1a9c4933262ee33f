package org.propertydesk.care;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CareProgrammeRepository extends JpaRepository<CareProgramme, Long> {

    @Query("select p from CareProgramme p where array_has(:siteIds, p.siteId) order by p.siteId, p.name, p.id")
    List<CareProgramme> findBySites(Long[] siteIds);

    default List<CareProgramme> findBySites(Collection<Long> siteIds) {
        return findBySites(siteIds.toArray(Long[]::new));
    }

    @Query("select p from CareProgramme p order by p.siteId, p.name, p.id")
    List<CareProgramme> findAllOrdered();

    boolean existsBySiteIdAndDefaultKey(Long siteId, String defaultKey);
}
