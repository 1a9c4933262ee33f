package org.propertydesk.dispatch;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WorkOrderRepository extends JpaRepository<WorkOrder, Long> {

    List<WorkOrder> findByRequestIdOrderById(Long requestId);

    @Query("select w.requestId from WorkOrder w where w.id = :id")
    Optional<Long> findRequestIdById(Long id);

    default List<WorkOrder> findByRequestIdInOrderById(Collection<Long> requestIds) {
        return findByRequestIdInOrderById(requestIds.toArray(Long[]::new));
    }

    @Query("select w from WorkOrder w where array_has(:requestIds, w.requestId) order by w.id")
    List<WorkOrder> findByRequestIdInOrderById(Long[] requestIds);

    Optional<WorkOrder> findFirstByRequestIdAndStatusOrderByCompletedAtDesc(Long requestId, WorkOrderStatus status);

    /**
     * A technician's active jobs: their own, and their team's not yet taken by anyone; most urgent first. The active
     * statuses are spelled out: as a list parameter, they would have Hibernate translate the query at every call.
     */
    @Query("""
            select w from WorkOrder w
            where w.status in ('ASSIGNED', 'ACCEPTED', 'ON_SITE', 'PAUSED')
              and (w.technicianId = :staffId or (w.technicianId is null and w.teamId = :teamId))
            order by w.dueArrivalAt asc nulls last, w.assignedAt asc
            """)
    List<WorkOrder> findActiveForTechnician(Long staffId, Long teamId);

    /** Jobs a technician finished lately, newest first. */
    @Query("""
            select w from WorkOrder w
            where w.technicianId = :staffId and w.status = 'COMPLETED' and w.completedAt >= :since
            order by w.completedAt desc
            """)
    List<WorkOrder> findCompletedSince(Long staffId, Instant since);

    @Query("""
            select w from WorkOrder w
            where w.status = 'ASSIGNED' and w.autoAssigned = true and w.acceptBy <= :now
            order by w.acceptBy
            """)
    List<WorkOrder> findExpired(Instant now);

    /** Open jobs per technician, for ranking by load. */
    @Query("""
            select w.technicianId, count(w) from WorkOrder w
            where array_has(:staffIds, w.technicianId) and w.status in ('ASSIGNED', 'ACCEPTED', 'ON_SITE', 'PAUSED')
            group by w.technicianId
            """)
    List<Object[]> countOpenByTechnician(Long[] staffIds);

    default List<Object[]> countOpenByTechnician(Collection<Long> staffIds) {
        return countOpenByTechnician(staffIds.toArray(Long[]::new));
    }

    /** Arrivals per technician since a moment, and how many of them were on time. */
    @Query("""
            select w.technicianId, count(w), sum(case when w.arrivedAt <= w.dueArrivalAt then 1 else 0 end)
            from WorkOrder w
            where array_has(:staffIds, w.technicianId) and w.arrivedAt >= :since and w.dueArrivalAt is not null
            group by w.technicianId
            """)
    List<Object[]> countArrivalsByTechnician(Long[] staffIds, Instant since);

    default List<Object[]> countArrivalsByTechnician(Collection<Long> staffIds, Instant since) {
        return countArrivalsByTechnician(staffIds.toArray(Long[]::new), since);
    }
}
