package org.propertydesk.affairs;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A reminder just made about a house's overdue fees. */
class ReminderForm {

    static final int MAX_NOTE = 500;

    @NotNull
    private ReminderChannel channel;

    @NotNull
    private ReminderOutcome outcome;

    @Size(max = MAX_NOTE)
    private String note;

    public ReminderChannel getChannel() {
        return channel;
    }

    public void setChannel(ReminderChannel channel) {
        this.channel = channel;
    }

    public ReminderOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(ReminderOutcome outcome) {
        this.outcome = outcome;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note == null || note.isBlank() ? null : note.strip();
    }
}
