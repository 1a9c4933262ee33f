package org.propertydesk.incidents;

/**
 * What happened. Each kind files the calls it causes under the request category callers would have reported it as.
 */
public enum IncidentKind {
    WATER_OUTAGE("PLUMBING_NO_WATER"),
    POWER_OUTAGE("ELECTRICAL_POWER_OUT"),
    ELEVATOR_ENTRAPMENT("ELEVATOR_TRAPPED"),
    FLOODING("WATER_LEAK"),
    FIRE_ALARM("SECURITY"),
    GAS_LEAK("OTHER"),
    OTHER("OTHER");

    /** The category a call can always be filed under, should the kind's own have been switched off. */
    static final String FALLBACK_CATEGORY = "OTHER";

    private final String categoryCode;

    IncidentKind(String categoryCode) {
        this.categoryCode = categoryCode;
    }

    String categoryCode() {
        return categoryCode;
    }
}
