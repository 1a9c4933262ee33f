package org.propertydesk.affairs;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ReleasePassRepository extends JpaRepository<ReleasePass, Long> {

    Optional<ReleasePass> findByNumber(String number);

    /** The pass, locked until the transaction ends, so that two guards scanning it at once cannot both use it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from ReleasePass p where p.number = :number")
    Optional<ReleasePass> findForUpdateByNumber(String number);

    /** Passes of the sites (all when {@code allSites}), days and statuses given, latest day first. */
    @Query("""
            select p from ReleasePass p
            where (:allSites = true or array_has(:siteIds, p.siteId)) and p.passDate between :from and :to
              and p.status in :statuses
            order by p.passDate desc, p.id desc
            """)
    List<ReleasePass> findForDesk(boolean allSites, Long[] siteIds, LocalDate from, LocalDate to,
            Collection<ReleasePassStatus> statuses, Pageable page);

    default List<ReleasePass> findForDesk(boolean allSites, Collection<Long> siteIds, LocalDate from, LocalDate to,
            Collection<ReleasePassStatus> statuses, Pageable page) {
        return findForDesk(allSites, siteIds.toArray(Long[]::new), from, to, statuses, page);
    }

    @Query("select p from ReleasePass p where array_has(:houseIds, p.houseId) order by p.passDate desc, p.id desc")
    List<ReleasePass> findByHouseIdInOrderByPassDateDescIdDesc(Long[] houseIds, Pageable page);

    default List<ReleasePass> findByHouseIdInOrderByPassDateDescIdDesc(Collection<Long> houseIds, Pageable page) {
        return findByHouseIdInOrderByPassDateDescIdDesc(houseIds.toArray(Long[]::new), page);
    }

    @Query("select p from ReleasePass p where array_has(:houseIds, p.houseId) and p.status = :status order by p.passDate, p.id")
    List<ReleasePass> findByHouseIdInAndStatusOrderByPassDateAscIdAsc(Long[] houseIds, ReleasePassStatus status);

    default List<ReleasePass> findByHouseIdInAndStatusOrderByPassDateAscIdAsc(Collection<Long> houseIds,
            ReleasePassStatus status) {
        return findByHouseIdInAndStatusOrderByPassDateAscIdAsc(houseIds.toArray(Long[]::new), status);
    }

    List<ReleasePass> findByHouseIdOrderByPassDateDescIdDesc(Long houseId, Pageable page);
}
