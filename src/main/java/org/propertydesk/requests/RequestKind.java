package org.propertydesk.requests;

/**
 * The three kinds of request, sharing one flow with different targets.
 */
public enum RequestKind {
    INQUIRY, REPAIR, COMPLAINT
}
