package org.propertydesk.requests;

import java.time.Instant;

/**
 * What other modules hear about requests. Each is published when the change commits.
 */
public final class RequestEvents {

    private RequestEvents() {
    }

    public record RequestReceived(Long requestId, String number, RequestKind kind, Long siteId, Priority priority,
            Instant at) {
    }

    public record RequestStatusChanged(Long requestId, String number, RequestKind kind, Long siteId,
            RequestStatus from, RequestStatus to, String actor, Instant at) {
    }

    public record RequestReopened(Long requestId, String number, Long siteId, int reopenCount, String reason, Instant at) {
    }
}
