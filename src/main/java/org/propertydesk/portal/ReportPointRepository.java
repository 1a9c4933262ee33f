package org.propertydesk.portal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReportPointRepository extends JpaRepository<ReportPoint, Long> {

    /** Buildings' entrances first (in building order), then common areas by name. */
    @Query(value = """
            select p.* from report_point p left join building b on b.id = p.building_id
            where p.site_id = :siteId order by p.building_id is null, b.code, p.name, p.id
            """, nativeQuery = true)
    List<ReportPoint> findBySiteOrdered(long siteId);

    Optional<ReportPoint> findByToken(String token);
}
