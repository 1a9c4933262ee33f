package org.propertydesk.care;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CareProgrammeRepository extends JpaRepository<CareProgramme, Long> {

    @Query("select p from CareProgramme p where p.siteId in :siteIds order by p.siteId, p.name, p.id")
    List<CareProgramme> findBySites(Collection<Long> siteIds);

    @Query("select p from CareProgramme p order by p.siteId, p.name, p.id")
    List<CareProgramme> findAllOrdered();

    boolean existsBySiteIdAndDefaultKey(Long siteId, String defaultKey);
}
