package org.propertydesk.callbacks;

/** How one call went. Only reaching the owner ends the callback; the others count as failed, except a call-back time the owner asked for. */
public enum AttemptOutcome {
    REACHED, NO_ANSWER, WRONG_NUMBER, REFUSED, CALL_LATER;

    boolean failed() {
        return this == NO_ANSWER || this == WRONG_NUMBER || this == REFUSED;
    }
}
