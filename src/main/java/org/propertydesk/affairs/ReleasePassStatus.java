package org.propertydesk.affairs;

/**
 * Where a release pass stands: waiting for consent, good to use on its day, refused, or used at the gate.
 */
public enum ReleasePassStatus {
    PENDING, APPROVED, REFUSED, USED
}
