package org.propertydesk.shared.export;

/**
 * A download cannot be made from what its link asks for (an unknown format, a refused period); the message key says
 * why, and the reader gets it as a 400 in their language.
 */
public class ExportRefusedException extends RuntimeException {

    private final String messageKey;

    public ExportRefusedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
