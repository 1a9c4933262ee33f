package org.propertydesk.callbacks;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A call that did not reach the owner; the call-back time is read as the site's local time (datetime-local). */
class AttemptForm {

    private Long version;

    @NotNull
    private AttemptOutcome outcome;

    private LocalDateTime callBackAt;

    @Size(max = Callback.MAX_NOTE)
    private String note;

    Instant callBackAt(ZoneId zone) {
        return outcome == AttemptOutcome.CALL_LATER && callBackAt != null ? callBackAt.atZone(zone).toInstant() : null;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public AttemptOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(AttemptOutcome outcome) {
        this.outcome = outcome;
    }

    public LocalDateTime getCallBackAt() {
        return callBackAt;
    }

    public void setCallBackAt(LocalDateTime callBackAt) {
        this.callBackAt = callBackAt;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
