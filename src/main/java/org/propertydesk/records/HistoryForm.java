package org.propertydesk.records;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

class HistoryForm {

    @NotNull
    private HistoryKind kind = HistoryKind.USAGE;

    @NotNull
    private LocalDate entryDate;

    @NotBlank
    @Size(max = 2000)
    private String text;

    public HistoryKind getKind() {
        return kind;
    }

    public void setKind(HistoryKind kind) {
        this.kind = kind;
    }

    public LocalDate getEntryDate() {
        return entryDate;
    }

    public void setEntryDate(LocalDate entryDate) {
        this.entryDate = entryDate;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text == null ? null : text.trim();
    }
}
