package org.propertydesk.requests;

/**
 * The moments a request is timed against.
 */
public enum SlaTarget {
    ACKNOWLEDGE, ARRIVAL, RESOLVE
}
