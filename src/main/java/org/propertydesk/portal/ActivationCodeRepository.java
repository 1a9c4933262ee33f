package org.propertydesk.portal;

import java.util.List;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ActivationCodeRepository extends JpaRepository<ActivationCode, Long> {

    /** Locked, so that wrong codes tried at once are all counted against the codes they were tried on. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ActivationCode c where c.phone = :phone and c.usedAt is null and c.revokedAt is null order by c.issuedAt desc")
    List<ActivationCode> findOpenByPhone(String phone);

    @Query("select c from ActivationCode c where c.customerId = :customerId and c.usedAt is null and c.revokedAt is null")
    List<ActivationCode> findOpenByCustomerId(Long customerId);
}
