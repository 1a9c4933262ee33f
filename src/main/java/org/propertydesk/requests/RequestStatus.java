package org.propertydesk.requests;

/**
 * Where a request stands. Resolved, closed and cancelled requests are no longer worked on; the SLA clock stops
 * while a request is on hold.
 */
public enum RequestStatus {
    NEW, ACKNOWLEDGED, DISPATCHED, IN_PROGRESS, ON_HOLD, REOPENED, RESOLVED, CLOSED, CANCELLED;

    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED && this != CANCELLED;
    }
}
