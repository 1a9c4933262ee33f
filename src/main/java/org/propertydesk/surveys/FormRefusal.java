package org.propertydesk.surveys;

/** A refusal the person can put right on the form: shown at the field, or above the form when field is null. */
class FormRefusal extends RuntimeException {

    private final String field;
    private final String messageKey;

    FormRefusal(String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    String field() {
        return field;
    }

    String messageKey() {
        return messageKey;
    }
}
