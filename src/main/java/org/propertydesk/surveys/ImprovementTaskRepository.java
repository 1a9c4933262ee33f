package org.propertydesk.surveys;

import java.util.Collection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ImprovementTaskRepository extends JpaRepository<ImprovementTask, Long> {

    @Query("""
            select t from ImprovementTask t
            where t.status = :status and (:allSites = true or array_has(:siteIds, t.siteId))
            order by t.createdAt desc, t.id desc
            """)
    Page<ImprovementTask> findVisible(ImprovementStatus status, boolean allSites, Long[] siteIds, Pageable page);

    default Page<ImprovementTask> findVisible(ImprovementStatus status, boolean allSites, Collection<Long> siteIds,
            Pageable page) {
        return findVisible(status, allSites, siteIds.toArray(Long[]::new), page);
    }
}
