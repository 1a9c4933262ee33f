package org.propertydesk.callbacks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CallbackRepository extends JpaRepository<Callback, Long> {

    Optional<Callback> findFirstByRequestIdAndStatus(Long requestId, CallbackStatus status);

    List<Callback> findByRequestIdOrderById(Long requestId);

    /** Callbacks due before a moment, or (finished) those no longer due; within the given sites. */
    @Query("""
            select c from Callback c
            where (:allSites = true or array_has(:siteIds, c.siteId))
              and (:siteId is null or c.siteId = :siteId)
              and ((:finished = false and c.status = 'DUE' and c.dueAt < :before)
                   or (:finished = true and c.status <> 'DUE'))
            order by case when :finished = true then c.closedAt end desc, c.dueAt asc, c.id asc
            """)
    Page<Callback> list(boolean allSites, Long[] siteIds, Long siteId, boolean finished, Instant before,
            Pageable pageable);

    default Page<Callback> list(boolean allSites, List<Long> siteIds, Long siteId, boolean finished, Instant before,
            Pageable pageable) {
        return list(allSites, siteIds.toArray(Long[]::new), siteId, finished, before, pageable);
    }

    @Query("""
            select count(c) from Callback c
            where (:allSites = true or array_has(:siteIds, c.siteId)) and (:siteId is null or c.siteId = :siteId)
              and c.status = 'DUE' and c.dueAt < :before
            """)
    long countDue(boolean allSites, Long[] siteIds, Long siteId, Instant before);

    default long countDue(boolean allSites, List<Long> siteIds, Long siteId, Instant before) {
        return countDue(allSites, siteIds.toArray(Long[]::new), siteId, before);
    }
}
