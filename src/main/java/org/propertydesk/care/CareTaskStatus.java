package org.propertydesk.care;

import java.util.List;

/**
 * Where a household of a round stands. A declined visit or gift still reached the household, so it counts as
 * coverage; not reachable does not.
 */
enum CareTaskStatus {
    OPEN, DONE, NOT_REACHABLE, DECLINED;

    /** The outcomes a contact can have, in the order the form offers them. */
    static final List<CareTaskStatus> OUTCOMES = List.of(DONE, NOT_REACHABLE, DECLINED);

    public boolean reached() {
        return this == DONE || this == DECLINED;
    }

    /** The status after a contact with this outcome: once reached in a round, a later failed call does not undo it. */
    CareTaskStatus after(CareTaskStatus outcome) {
        return reached() && !outcome.reached() ? this : outcome;
    }
}
