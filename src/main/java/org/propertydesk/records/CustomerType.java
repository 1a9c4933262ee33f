package org.propertydesk.records;

/**
 * Whether a customer is an individual or an organisation.
 */
public enum CustomerType {
    PERSON, ENTERPRISE
}
