package org.propertydesk.requests;

import java.util.ArrayList;
import java.util.List;

import org.propertydesk.notifications.Notifications;
import org.propertydesk.shared.security.Role;
import org.propertydesk.staff.StaffDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A reopened request goes back to work: its owner and the site's dispatchers hear about it once the reopening commits.
 */
@Component
class RequestNotifications {

    private final ServiceRequestRepository requests;
    private final StaffDirectory staff;
    private final Notifications notifications;

    RequestNotifications(ServiceRequestRepository requests, StaffDirectory staff, Notifications notifications) {
        this.requests = requests;
        this.staff = staff;
        this.notifications = notifications;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(RequestEvents.RequestReopened reopened) {
        ServiceRequest request = requests.findById(reopened.requestId()).orElseThrow();
        List<String> recipients = new ArrayList<>(staff.withRoleServing(Role.DISPATCHER, reopened.siteId()).stream()
                .map(StaffDirectory.StaffContact::username).toList());
        if (request.getOwnerUsername() != null && !"system".equals(request.getOwnerUsername())) {
            recipients.add(request.getOwnerUsername());
        }
        String reason = reopened.reason().length() > 200 ? reopened.reason().substring(0, 200) + "…" : reopened.reason();
        notifications.send(recipients, "REOPENED", "notification.reopened", List.of(reopened.number(), reason),
                "/requests/" + reopened.requestId());
    }
}
