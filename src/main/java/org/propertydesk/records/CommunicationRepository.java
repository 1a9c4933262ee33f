package org.propertydesk.records;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CommunicationRepository extends JpaRepository<Communication, Long> {

    @Query(value = """
            select c from Communication c left join fetch c.house
            where c.customer.id = :customerId order by c.occurredAt desc, c.id desc
            """,
            countQuery = "select count(c) from Communication c where c.customer.id = :customerId")
    Page<Communication> findByCustomer(Long customerId, Pageable pageable);
}
