package org.propertydesk.dispatch;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is (or was) on a request's job, as the owner is told: the technician or team of the latest active work order,
 * or else of the work order finished last. Callers check that the reader may see the request.
 */
@Service
@Transactional(readOnly = true)
public class AssignedTechnician {

    private final WorkOrderRepository workOrders;
    private final WorkOrderService service;

    AssignedTechnician(WorkOrderRepository workOrders, WorkOrderService service) {
        this.workOrders = workOrders;
        this.service = service;
    }

    /** The display name of the technician (or team) working or last having finished the request's job. */
    public Optional<String> nameFor(long requestId) {
        List<WorkOrder> orders = workOrders.findByRequestIdOrderById(requestId);
        Optional<WorkOrder> active = orders.stream().filter(o -> o.getStatus().isActive())
                .reduce((first, second) -> second);
        Optional<WorkOrder> chosen = active.isPresent() ? active : orders.stream()
                .filter(o -> o.getStatus() == WorkOrderStatus.COMPLETED && o.getCompletedAt() != null)
                .max(Comparator.comparing(WorkOrder::getCompletedAt));
        return chosen.map(service::assigneeName).filter(Objects::nonNull);
    }
}
