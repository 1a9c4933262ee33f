package org.propertydesk.requests;

import java.util.Locale;
import java.util.Optional;

/**
 * The moves a person can make on a request by name, from a page button or {@code POST /api/v1/requests/{id}/{action}}.
 */
enum RequestAction {
    ACKNOWLEDGE, DISPATCH, ARRIVE, HOLD, RESUME, RESOLVE, CLOSE, REOPEN, CANCEL, CALLBACK, FOLLOW_UP, VERIFY;

    static Optional<RequestAction> parse(String value) {
        try {
            return Optional.of(valueOf(value.trim().replace('-', '_').toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return Optional.empty();
        }
    }

    /** Hold, reopen and cancel need a reason, so that the timeline says why. */
    public boolean needsReason() {
        return this == HOLD || this == REOPEN || this == CANCEL;
    }
}
