package org.propertydesk.care;

import org.propertydesk.shared.web.BusinessRuleException;

/** A refusal that belongs to one field of an activity form, so that the page shows it there. */
class ActivityFieldRefusal extends BusinessRuleException {

    private final String field;

    ActivityFieldRefusal(String field, String messageKey) {
        super(messageKey);
        this.field = field;
    }

    String field() {
        return field;
    }
}
