package org.propertydesk.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MaterialRepository extends JpaRepository<Material, Long> {

    Optional<Material> findByCode(String code);

    List<Material> findByCodeIn(Collection<String> codes);

    List<Material> findAllByOrderByCode();

    List<Material> findByActiveTrueOrderByCode();

    boolean existsByCode(String code);
}
