package org.propertydesk.dispatch;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TechnicianRepository extends JpaRepository<Technician, Long> {

    List<Technician> findByStaffIdIn(Collection<Long> staffIds);

    List<Technician> findByTeamId(Long teamId);
}
