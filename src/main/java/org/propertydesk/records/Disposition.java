package org.propertydesk.records;

/**
 * How a customer tends to judge service (DOMAIN.md): the experience, being heard, or the price.
 */
public enum Disposition {
    SERVICE_MINDED, OPINION_MINDED, COST_MINDED
}
