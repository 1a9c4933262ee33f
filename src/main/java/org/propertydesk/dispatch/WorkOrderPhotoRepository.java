package org.propertydesk.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkOrderPhotoRepository extends JpaRepository<WorkOrderPhoto, Long> {

    List<WorkOrderPhoto> findByWorkOrderIdOrderById(Long workOrderId);

    List<WorkOrderPhoto> findByWorkOrderIdInOrderById(Collection<Long> workOrderIds);

    Optional<WorkOrderPhoto> findByIdAndWorkOrderId(Long id, Long workOrderId);

    long countByWorkOrderId(Long workOrderId);
}
