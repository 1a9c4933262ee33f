package org.propertydesk.records;

/**
 * Circumstances that call for special care; flagged customers' requests get a higher priority.
 */
public enum CareFlag {
    ELDERLY_ALONE, DISABILITY, PREGNANCY, NEW_ARRIVAL, SERIOUS_ILLNESS
}
