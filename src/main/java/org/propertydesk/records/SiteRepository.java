package org.propertydesk.records;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SiteRepository extends JpaRepository<Site, Long> {

    Optional<Site> findByCode(String code);

    boolean existsByCode(String code);

    List<Site> findAllByOrderByCode();

    default List<Site> findByIdInOrderByCode(Collection<Long> ids) {
        return findByIdInOrderByCode(ids.toArray(Long[]::new));
    }

    @Query("select s from Site s where array_has(:ids, s.id) order by s.code")
    List<Site> findByIdInOrderByCode(Long[] ids);
}
