package org.propertydesk.records;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SiteRepository extends JpaRepository<Site, Long> {

    Optional<Site> findByCode(String code);

    boolean existsByCode(String code);

    List<Site> findAllByOrderByCode();

    List<Site> findByIdInOrderByCode(Collection<Long> ids);
}
