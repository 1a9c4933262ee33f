package org.propertydesk.requests;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReplyTemplateRepository extends JpaRepository<ReplyTemplate, Long> {

    /** Active templates for a category (or for any category), the reader's language first. */
    @EntityGraph(attributePaths = {"category"})
    @Query("""
            select t from ReplyTemplate t
            where t.active = true and (t.category is null or t.category.code = :categoryCode)
            order by case when t.language = :language then 0 else 1 end, t.title
            """)
    List<ReplyTemplate> findForCategory(String categoryCode, String language);

    @EntityGraph(attributePaths = {"category"})
    @Query("select t from ReplyTemplate t where t.id = :id")
    Optional<ReplyTemplate> findWithCategoryById(Long id);

    @EntityGraph(attributePaths = {"category"})
    @Query("select t from ReplyTemplate t left join t.category c order by t.active desc, c.sortOrder nulls first, t.title")
    List<ReplyTemplate> findAllForAdmin();
}
