package org.propertydesk.dispatch;

import java.util.List;

import org.propertydesk.notifications.Notifications;
import org.propertydesk.requests.RequestEvents;
import org.propertydesk.requests.RequestStatus;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.staff.StaffDirectory;
import org.propertydesk.staff.StaffDirectory.StaffMember;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps work orders in step with their request, in the same transaction: a cancelled request calls its technicians
 * off; a request the owner reopens sends its last finished work order back to the technician who did it.
 */
@Component
class RequestWorkListener {

    private final WorkOrderRepository workOrders;
    private final RequestWork requests;
    private final StaffDirectory staff;
    private final Notifications notifications;
    private final Dates dates;

    RequestWorkListener(WorkOrderRepository workOrders, RequestWork requests, StaffDirectory staff,
            Notifications notifications, Dates dates) {
        this.workOrders = workOrders;
        this.requests = requests;
        this.staff = staff;
        this.notifications = notifications;
        this.dates = dates;
    }

    @EventListener
    void on(RequestEvents.RequestStatusChanged changed) {
        if (changed.to() != RequestStatus.CANCELLED || changed.requestId() == null) {
            return;
        }
        for (WorkOrder order : workOrders.findByRequestIdOrderById(changed.requestId())) {
            if (order.getStatus().isActive()) {
                order.cancel("request.status.CANCELLED", dates.now());
                tell(order, "notification.workCalledOff", changed.number());
            }
        }
    }

    @EventListener
    void on(RequestEvents.RequestReopened reopened) {
        workOrders.findFirstByRequestIdAndStatusOrderByCompletedAtDesc(reopened.requestId(), WorkOrderStatus.COMPLETED)
                .ifPresent(order -> {
                    order.reopen(requests.find(reopened.requestId()).map(RequestWork.Job::dueArrivalAt).orElse(null));
                    requests.workSentBack(reopened.requestId());
                    tell(order, "notification.workReopened", reopened.number());
                });
    }

    private void tell(WorkOrder order, String messageKey, String requestNumber) {
        if (order.getTechnicianId() == null) {
            return;
        }
        List<String> usernames = staff.members(List.of(order.getTechnicianId())).stream().map(StaffMember::username).toList();
        notifications.send(usernames, "ASSIGNMENT", messageKey, List.of(requestNumber), "/work/" + order.getId());
    }
}
