package org.propertydesk.incidents;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An update or the resolution as staff write it on the incident page; a new expected time only for an update. */
class IncidentUpdateForm {

    @NotBlank
    @Size(max = Incident.MAX_TEXT)
    private String note;

    private LocalDateTime expectedRestoreAt;

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public LocalDateTime getExpectedRestoreAt() {
        return expectedRestoreAt;
    }

    public void setExpectedRestoreAt(LocalDateTime expectedRestoreAt) {
        this.expectedRestoreAt = expectedRestoreAt;
    }
}
