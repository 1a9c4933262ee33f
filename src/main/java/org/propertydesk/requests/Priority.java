package org.propertydesk.requests;

/**
 * How fast a request must be handled, most urgent first.
 */
public enum Priority {
    EMERGENCY, URGENT, NORMAL, LOW;

    /** One level more urgent, as for a customer with a care flag; emergency stays emergency. */
    public Priority raised() {
        return this == EMERGENCY ? EMERGENCY : values()[ordinal() - 1];
    }
}
