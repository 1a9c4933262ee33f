package org.propertydesk.dispatch;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TeamRepository extends JpaRepository<Team, Long> {

    List<Team> findAllByOrderByName();

    List<Team> findByActiveTrueOrderByName();

    boolean existsByNameIgnoreCase(String name);
}
