package org.propertydesk.records;

/**
 * How much a customer matters to the company.
 */
public enum ValueTier {
    STRATEGIC, IMPORTANT, ORDINARY
}
