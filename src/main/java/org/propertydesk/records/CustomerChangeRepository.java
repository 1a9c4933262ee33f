package org.propertydesk.records;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerChangeRepository extends JpaRepository<CustomerChange, Long> {

    @Query("select c from CustomerChange c where c.customerId = :customerId order by c.changedAt desc, c.id desc")
    Page<CustomerChange> findByCustomer(Long customerId, Pageable pageable);
}
