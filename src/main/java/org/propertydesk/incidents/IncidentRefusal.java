package org.propertydesk.incidents;

import org.propertydesk.shared.web.BusinessRuleException;

/** A refusal that belongs to one field of a form or a JSON body, so that it is shown there. */
class IncidentRefusal extends BusinessRuleException {

    private final String field;

    IncidentRefusal(String field, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    String field() {
        return field;
    }
}
