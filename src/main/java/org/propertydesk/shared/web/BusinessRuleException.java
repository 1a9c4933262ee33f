package org.propertydesk.shared.web;

/**
 * A rule of the domain refused what the user asked; the message key is shown to them, translated.
 */
public class BusinessRuleException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public BusinessRuleException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    /** Refuses a save made from a form filled before someone else's change. */
    public static void requireVersion(Long formVersion, long currentVersion) {
        if (formVersion != null && formVersion != currentVersion) {
            throw new BusinessRuleException("error.concurrentChange");
        }
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
