package org.propertydesk.incidents;

/** Active until someone resolves it; calls are linked only while it is active. */
public enum IncidentStatus {
    ACTIVE, RESOLVED
}
