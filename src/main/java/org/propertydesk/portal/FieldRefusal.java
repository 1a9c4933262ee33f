package org.propertydesk.portal;

import org.propertydesk.shared.web.BusinessRuleException;

/** A refusal that belongs to one field of a form, so that the page shows it there. */
class FieldRefusal extends BusinessRuleException {

    private final String field;

    FieldRefusal(String field, String messageKey) {
        super(messageKey);
        this.field = field;
    }

    String field() {
        return field;
    }
}
