package org.propertydesk.dispatch;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a work order stands. Assigned → accepted → on site ⇄ paused → completed; a declined, cancelled or expired
 * (automatic dispatch not accepted in time) work order is over and the request is back on the board.
 */
public enum WorkOrderStatus {
    ASSIGNED, ACCEPTED, ON_SITE, PAUSED, COMPLETED, DECLINED, CANCELLED, EXPIRED;

    static final Set<WorkOrderStatus> ACTIVE = EnumSet.of(ASSIGNED, ACCEPTED, ON_SITE, PAUSED);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
