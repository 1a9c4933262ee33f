package org.propertydesk.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WorkOrderPhotoRepository extends JpaRepository<WorkOrderPhoto, Long> {

    List<WorkOrderPhoto> findByWorkOrderIdOrderById(Long workOrderId);

    default List<WorkOrderPhoto> findByWorkOrderIdInOrderById(Collection<Long> workOrderIds) {
        return findByWorkOrderIdInOrderById(workOrderIds.toArray(Long[]::new));
    }

    @Query("select p from WorkOrderPhoto p where array_has(:workOrderIds, p.workOrderId) order by p.id")
    List<WorkOrderPhoto> findByWorkOrderIdInOrderById(Long[] workOrderIds);

    Optional<WorkOrderPhoto> findByIdAndWorkOrderId(Long id, Long workOrderId);

    long countByWorkOrderId(Long workOrderId);
}
