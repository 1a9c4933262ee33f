package org.propertydesk.staff;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.propertydesk.shared.security.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface StaffRepository extends JpaRepository<Staff, Long> {

    Optional<Staff> findByUsername(String username);

    List<Staff> findByUsernameIn(Collection<String> usernames);

    @Query("select s from Staff s where array_has(:ids, s.id)")
    List<Staff> findByIds(Long[] ids);

    @Query("""
            select distinct s from Staff s join s.roles r
            where s.active = true and r = :role and (s.allSites = true or :siteId member of s.siteIds)
            order by s.username
            """)
    List<Staff> findActiveWithRoleServing(Role role, Long siteId);

    @Query("select s from Staff s join s.roles r where s.active = true and r = :role order by s.displayName, s.id")
    List<Staff> findActiveWithRole(Role role);

    boolean existsByUsername(String username);

    @Query("select count(s) from Staff s join s.roles r where s.active = true and r = :role")
    long countActiveWithRole(Role role);

    /** Locks the active accounts with a role, so that two admins demoting each other at once are serialised. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Staff s join s.roles r where s.active = true and r = :role")
    List<Staff> lockActiveWithRole(Role role);

    @Query(value = """
            select s from Staff s
            where (:q is null or lower(s.username) like :q or lower(s.displayName) like :q)
              and (:active is null or s.active = :active)
            """,
            countQuery = """
            select count(s) from Staff s
            where (:q is null or lower(s.username) like :q or lower(s.displayName) like :q)
              and (:active is null or s.active = :active)
            """)
    Page<Staff> search(String q, Boolean active, Pageable pageable);
}
