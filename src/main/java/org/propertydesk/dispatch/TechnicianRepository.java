package org.propertydesk.dispatch;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TechnicianRepository extends JpaRepository<Technician, Long> {

    default List<Technician> findByStaffIdIn(Collection<Long> staffIds) {
        return findByStaffIdIn(staffIds.toArray(Long[]::new));
    }

    @Query("select t from Technician t where array_has(:staffIds, t.staffId)")
    List<Technician> findByStaffIdIn(Long[] staffIds);

    List<Technician> findByTeamId(Long teamId);
}
