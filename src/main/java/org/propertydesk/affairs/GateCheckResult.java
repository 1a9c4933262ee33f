package org.propertydesk.affairs;

/**
 * What the gate learns when it checks a pass number. Only {@link #VALID} lets the items through.
 */
public enum GateCheckResult {
    VALID, ALREADY_USED, WRONG_DATE, NOT_APPROVED, UNKNOWN;

    public boolean passes() {
        return this == VALID;
    }
}
