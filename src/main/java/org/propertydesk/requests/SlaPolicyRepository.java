package org.propertydesk.requests;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SlaPolicyRepository extends JpaRepository<SlaPolicy, Long> {

    /** The site's own policy when it has one, else the company-wide one. */
    @Query("""
            select p from SlaPolicy p
            where p.kind = :kind and p.priority = :priority and (p.siteId = :siteId or p.siteId is null)
            order by case when p.siteId is null then 1 else 0 end
            limit 1
            """)
    Optional<SlaPolicy> findEffective(Long siteId, RequestKind kind, Priority priority);

    @Query("select p from SlaPolicy p where p.siteId is null or p.siteId = :siteId order by p.kind, p.priority")
    List<SlaPolicy> findForSite(Long siteId);

    @Query("select p from SlaPolicy p where p.siteId is null order by p.kind, p.priority")
    List<SlaPolicy> findCompanyWide();
}
