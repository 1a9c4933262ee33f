package org.propertydesk.requests;

/**
 * What a request's work orders add up to, from which the request takes its state: nobody assigned, someone assigned
 * but not there yet, someone on site, all work paused, or all work done.
 */
public enum WorkState {
    WAITING, ASSIGNED, ON_SITE, PAUSED, DONE
}
