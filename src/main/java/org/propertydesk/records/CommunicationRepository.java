package org.propertydesk.records;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CommunicationRepository extends JpaRepository<Communication, Long> {

    @EntityGraph(attributePaths = {"house"})
    @Query("select c from Communication c where c.customer.id = :customerId order by c.occurredAt desc, c.id desc")
    Page<Communication> findByCustomer(Long customerId, Pageable pageable);
}
