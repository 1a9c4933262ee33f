package org.propertydesk.dispatch;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DispatchRuleRepository extends JpaRepository<DispatchRule, Long> {

    List<DispatchRule> findBySiteIdAndEnabledTrue(Long siteId);

    List<DispatchRule> findAllByOrderBySiteIdAscCategoryIdAsc();
}
