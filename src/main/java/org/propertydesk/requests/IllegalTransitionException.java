package org.propertydesk.requests;

import org.propertydesk.shared.web.BusinessRuleException;

/**
 * A request was asked to make a move its state does not allow, such as closing a complaint before its callback.
 */
public class IllegalTransitionException extends BusinessRuleException {

    public IllegalTransitionException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
