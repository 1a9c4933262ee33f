package org.propertydesk.incidents;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface IncidentRepository extends JpaRepository<Incident, Long> {

    /** Serialises changes to one incident, so that a call linked while it is being resolved is resolved with it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Incident i where i.id = :id")
    Optional<Incident> lockById(Long id);
}
