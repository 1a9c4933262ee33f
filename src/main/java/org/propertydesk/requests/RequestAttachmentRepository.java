package org.propertydesk.requests;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RequestAttachmentRepository extends JpaRepository<RequestAttachment, Long> {

    List<RequestAttachment> findByRequestIdOrderById(Long requestId);

    long countByRequestId(Long requestId);

    Optional<RequestAttachment> findByIdAndRequestId(Long id, Long requestId);
}
