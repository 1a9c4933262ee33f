package org.propertydesk.records;

/**
 * An uploaded file that cannot be imported at all (wrong type, unreadable, no header): the message key tells the user
 * what to fix, translated.
 */
class ImportFileException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    ImportFileException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments;
    }
}
