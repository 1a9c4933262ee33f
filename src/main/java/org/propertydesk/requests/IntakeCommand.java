package org.propertydesk.requests;

import java.time.Instant;

/**
 * A new request as captured by the front desk, the owner portal or the API.
 */
record IntakeCommand(RequestKind kind, String categoryCode, Channel channel, Long siteId, Priority priority, Scope scope,
        Long houseId, Long customerId, String contactPhone, String locationText, String description, Instant preferredFrom,
        Instant preferredTo, Instant promisedAt) {
}
