package org.propertydesk.affairs;

/** What came of a reminder. SENT is for one-way channels (portal, letter, text message), where no answer is had yet. */
enum ReminderOutcome {
    PROMISED_TO_PAY, PAID, DISPUTED, REFUSED, NOT_REACHED, SENT
}
