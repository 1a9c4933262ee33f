package org.propertydesk.care;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One contact with a household: how it went, and what was said or left. */
class CareContactForm {

    @NotNull
    private CareTaskStatus outcome;

    @Size(max = 1000)
    private String note;

    public CareTaskStatus getOutcome() {
        return outcome;
    }

    public void setOutcome(CareTaskStatus outcome) {
        this.outcome = outcome;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note == null || note.isBlank() ? null : note.trim();
    }
}
