package org.propertydesk.dispatch;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A shift as a manager writes it on the roster: a day and two clock times. An end at or before the start is on the
 * next day, so 20:00–08:00 is a night shift and 08:00–08:00 the 24-hour emergency duty.
 */
class ShiftForm {

    @NotNull
    private Long staffId;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate day;

    @NotNull
    @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
    private LocalTime from = LocalTime.of(8, 0);

    @NotNull
    @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
    private LocalTime to = LocalTime.of(17, 0);

    private boolean emergency;

    static ShiftForm on(LocalDate day) {
        ShiftForm form = new ShiftForm();
        form.day = day;
        return form;
    }

    public Long getStaffId() {
        return staffId;
    }

    public void setStaffId(Long staffId) {
        this.staffId = staffId;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    public LocalTime getFrom() {
        return from;
    }

    public void setFrom(LocalTime from) {
        this.from = from;
    }

    public LocalTime getTo() {
        return to;
    }

    public void setTo(LocalTime to) {
        this.to = to;
    }

    public boolean isEmergency() {
        return emergency;
    }

    public void setEmergency(boolean emergency) {
        this.emergency = emergency;
    }
}
