package org.propertydesk.requests;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReplyTemplateRepository extends JpaRepository<ReplyTemplate, Long> {

    /** Active templates for a category (or for any category), the reader's language first. */
    @Query("""
            select t from ReplyTemplate t left join fetch t.category c
            where t.active = true and (c is null or c.code = :categoryCode)
            order by case when t.language = :language then 0 else 1 end, t.title
            """)
    List<ReplyTemplate> findForCategory(String categoryCode, String language);

    @Query("select t from ReplyTemplate t left join fetch t.category where t.id = :id")
    Optional<ReplyTemplate> findWithCategoryById(Long id);

    @Query("select t from ReplyTemplate t left join fetch t.category c order by t.active desc, c.sortOrder nulls first, t.title")
    List<ReplyTemplate> findAllForAdmin();
}
