package org.propertydesk.portal;

import java.time.Instant;

/** Where a notice stands at a moment: owners see only current ones. */
public enum NoticeStatus {
    UPCOMING, CURRENT, EXPIRED, WITHDRAWN;

    static NoticeStatus of(Instant validFrom, Instant validUntil, Instant withdrawnAt, Instant now) {
        if (withdrawnAt != null) {
            return WITHDRAWN;
        }
        if (validFrom.isAfter(now)) {
            return UPCOMING;
        }
        return validUntil != null && !validUntil.isAfter(now) ? EXPIRED : CURRENT;
    }
}
