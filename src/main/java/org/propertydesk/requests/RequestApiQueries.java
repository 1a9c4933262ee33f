package org.propertydesk.requests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import io.swagger.v3.oas.annotations.media.Schema;

import org.propertydesk.shared.security.SiteScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads of the API that the pages do differently: requests filtered by status, kind and site, newest first (of
 * the caller's sites for staff, of their household for an owner), and the category tree.
 */
@Component
@Transactional(readOnly = true)
class RequestApiQueries {

    @PersistenceContext
    private EntityManager entityManager;

    private final RequestCategoryRepository categories;
    private final ServiceRequestRepository requests;

    RequestApiQueries(RequestCategoryRepository categories, ServiceRequestRepository requests) {
        this.categories = categories;
        this.requests = requests;
    }

    record Filter(RequestStatus status, RequestKind kind, Long siteId) {
    }

    Page<ServiceRequest> list(Filter filter, SiteScope scope, Pageable pageable) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!scope.allSites()) {
            where.append(" and r.siteId in :siteIds");
            parameters.put("siteIds", scope.idsForQuery());
        }
        return list(filter, where, parameters, pageable);
    }

    /** The household's requests, as the portal lists them (see {@link OwnerRequests.Household}). */
    Page<ServiceRequest> listForHousehold(Filter filter, OwnerRequests.Household household, Pageable pageable) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where ").append(household.where(parameters));
        return list(filter, where, parameters, pageable);
    }

    /** One of the household's requests with its timeline; another household's is empty, whatever its id. */
    Optional<ServiceRequest> ofHousehold(OwnerRequests.Household household, long id) {
        Optional<ServiceRequest> request = requests.findWithCategoryById(id).filter(household::owns);
        request.ifPresent(r -> r.getEvents().size());
        return request;
    }

    private Page<ServiceRequest> list(Filter filter, StringBuilder where, Map<String, Object> parameters,
            Pageable pageable) {
        if (filter.status() != null) {
            where.append(" and r.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.kind() != null) {
            where.append(" and r.kind = :kind");
            parameters.put("kind", filter.kind());
        }
        if (filter.siteId() != null) {
            where.append(" and r.siteId = :siteId");
            parameters.put("siteId", filter.siteId());
        }
        TypedQuery<ServiceRequest> query = entityManager.createQuery(
                "select r from ServiceRequest r join fetch r.category" + where + " order by r.receivedAt desc, r.id desc",
                ServiceRequest.class);
        TypedQuery<Long> count = entityManager.createQuery("select count(r) from ServiceRequest r" + where, Long.class);
        parameters.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        query.setFirstResult((int) pageable.getOffset());
        query.setMaxResults(pageable.getPageSize());
        return new PageImpl<>(query.getResultList(), pageable, count.getSingleResult());
    }

    @Schema(name = "Category", description = "A node of the category tree")
    record CategoryNode(String code, String name, String nameZh, String nameEn, Priority defaultPriority, String skill,
            boolean specialService, List<CategoryNode> children) {
    }

    /** The active categories as a tree, in the admins' order; a deactivated category hides its children too. */
    List<CategoryNode> categoryTree(Locale locale) {
        List<RequestCategory> all = categories.findAllOrdered().stream().filter(RequestCategory::isActive).toList();
        return childrenOf(null, all, locale);
    }

    private static List<CategoryNode> childrenOf(RequestCategory parent, List<RequestCategory> all, Locale locale) {
        List<CategoryNode> nodes = new ArrayList<>();
        all.stream()
                .filter(c -> parent == null ? c.getParent() == null
                        : c.getParent() != null && c.getParent().getId().equals(parent.getId()))
                .sorted(Comparator.comparingInt(RequestCategory::getSortOrder).thenComparing(RequestCategory::getCode))
                .forEach(c -> nodes.add(new CategoryNode(c.getCode(), c.name(locale), c.getNameZh(), c.getNameEn(),
                        c.getDefaultPriority(), c.getSkill(), c.isSpecialService(), childrenOf(c, all, locale))));
        return nodes;
    }
}
