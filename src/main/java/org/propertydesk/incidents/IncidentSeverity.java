package org.propertydesk.incidents;

/** How bad it is: a few households inconvenienced, a building without a basic service, or danger to people. */
public enum IncidentSeverity {
    MINOR, MAJOR, CRITICAL
}
