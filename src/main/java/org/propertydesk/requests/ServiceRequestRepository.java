package org.propertydesk.requests;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ServiceRequestRepository extends JpaRepository<ServiceRequest, Long> {

    @Query("select r from ServiceRequest r left join fetch r.category c left join fetch c.parent where r.id = :id")
    Optional<ServiceRequest> findWithCategoryById(Long id);

    Optional<ServiceRequest> findByNumber(String number);

    /** Serialises work-order changes on one request, so two dispatchers cannot both assign its first work order. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ServiceRequest r left join fetch r.category c left join fetch c.parent where r.id = :id")
    Optional<ServiceRequest> lockById(Long id);

    @Query("""
            select r from ServiceRequest r left join fetch r.category c left join fetch c.parent
            where r.status = 'RESOLVED' and r.resolvedAt <= :moment and r.id > :afterId order by r.id
            """)
    List<ServiceRequest> findResolvedBefore(Instant moment, long afterId, Limit limit);

    /** Resolution entries (request id, note, actor, time), oldest first, so the last one per request wins. */
    @Query("""
            select e.request.id, e.note, e.actor, e.at from RequestEvent e
            where array_has(:requestIds, e.request.id) and e.type in ('resolved', 'resolvedAtIntake', 'workCompleted')
            order by e.at, e.id
            """)
    List<Object[]> findResolutionEvents(Long[] requestIds);

    default List<Object[]> findResolutionEvents(Collection<Long> requestIds) {
        return findResolutionEvents(requestIds.toArray(Long[]::new));
    }

    @Query("select distinct c.skill from RequestCategory c where c.skill is not null order by c.skill")
    List<String> findSkills();

    /** Open requests of a house, same category first: offered at intake instead of a duplicate. */
    @Query("""
            select r from ServiceRequest r left join fetch r.category
            where r.houseId = :houseId and r.status not in ('RESOLVED', 'CLOSED', 'CANCELLED')
            order by case when r.category.id = :categoryId then 0 else 1 end, r.receivedAt desc
            """)
    List<ServiceRequest> findOpenForHouse(Long houseId, Long categoryId);

    /** The latest repair of the same house and category resolved since a moment: a repeat problem. */
    @Query("""
            select r.id from ServiceRequest r
            where r.houseId = :houseId and r.category.id = :categoryId and r.kind = 'REPAIR'
              and r.resolvedAt >= :since
            order by r.resolvedAt desc limit 1
            """)
    Optional<Long> findRecentlyResolvedRepair(Long houseId, Long categoryId, Instant since);

    @Query("""
            select r from ServiceRequest r left join fetch r.category
            where r.customerId = :customerId order by r.receivedAt desc limit 50
            """)
    List<ServiceRequest> findLatestForCustomer(Long customerId);

    @Query("""
            select r from ServiceRequest r left join fetch r.category
            where r.houseId = :houseId order by r.receivedAt desc limit 50
            """)
    List<ServiceRequest> findLatestForHouse(Long houseId);

    default List<ServiceRequest> findWithCategoryByIdIn(Collection<Long> ids) {
        return findWithCategoryByIdIn(ids.toArray(Long[]::new));
    }

    @Query("select r from ServiceRequest r left join fetch r.category c left join fetch c.parent where array_has(:ids, r.id)")
    List<ServiceRequest> findWithCategoryByIdIn(Long[] ids);
}
