package org.propertydesk.records;

/**
 * Whether the customer contacted us or we contacted them.
 */
public enum Direction {
    INBOUND, OUTBOUND
}
