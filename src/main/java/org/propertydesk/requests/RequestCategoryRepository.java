package org.propertydesk.requests;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RequestCategoryRepository extends JpaRepository<RequestCategory, Long> {

    Optional<RequestCategory> findByCode(String code);

    @Query("select c from RequestCategory c left join fetch c.parent order by c.sortOrder, c.code")
    List<RequestCategory> findAllOrdered();
}
