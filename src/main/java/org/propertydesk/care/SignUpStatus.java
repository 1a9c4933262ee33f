package org.propertydesk.care;

/** A place within the capacity, a place in the waiting list (first come, first promoted), or given up. */
public enum SignUpStatus {
    CONFIRMED, WAITING, CANCELLED
}
