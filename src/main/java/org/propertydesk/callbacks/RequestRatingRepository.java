package org.propertydesk.callbacks;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RequestRatingRepository extends JpaRepository<RequestRating, Long> {

    Optional<RequestRating> findByRequestId(Long requestId);

    boolean existsByRequestId(Long requestId);
}
