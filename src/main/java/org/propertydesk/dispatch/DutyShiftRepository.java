package org.propertydesk.dispatch;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DutyShiftRepository extends JpaRepository<DutyShift, Long> {

    /** Shifts covering the moment, for the given technicians. */
    @Query("""
            select d from DutyShift d
            where array_has(:staffIds, d.staffId) and d.startsAt <= :moment and d.endsAt > :moment
            """)
    List<DutyShift> findCovering(Long[] staffIds, Instant moment);

    default List<DutyShift> findCovering(Collection<Long> staffIds, Instant moment) {
        return findCovering(staffIds.toArray(Long[]::new), moment);
    }

    /** Shifts overlapping a window, for the roster page. */
    @Query("""
            select d from DutyShift d
            where d.startsAt < :to and d.endsAt > :from
            order by d.startsAt, d.staffId
            """)
    List<DutyShift> findOverlapping(Instant from, Instant to);

    @Query("""
            select count(d) > 0 from DutyShift d
            where d.staffId = :staffId and d.startsAt < :to and d.endsAt > :from
            """)
    boolean existsOverlapping(Long staffId, Instant from, Instant to);
}
