package org.propertydesk.requests;

import org.propertydesk.shared.web.BusinessRuleException;

/**
 * The request changed since the caller last read it: their move is refused rather than applied to a state they
 * have not seen.
 */
public class StaleVersionException extends BusinessRuleException {

    public StaleVersionException() {
        super("error.concurrentChange");
    }
}
