package org.propertydesk.portal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface OwnerAccountRepository extends JpaRepository<OwnerAccount, Long> {

    Optional<OwnerAccount> findByUsername(String username);

    Optional<OwnerAccount> findByCustomerId(Long customerId);
}
