package org.propertydesk.records;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One entry in a house's history: a handover inspection finding, a warranty claim, a decoration, a change of use.
 */
@Entity
@Table(name = "house_history")
class HouseHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "house_id")
    private House house;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HistoryKind kind;

    @Column(name = "entry_date", nullable = false)
    private LocalDate entryDate;

    @Column(nullable = false)
    private String text;

    @Column(nullable = false)
    private String author;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected HouseHistoryEntry() {
    }

    HouseHistoryEntry(House house, HistoryKind kind, LocalDate entryDate, String text, String author, Instant createdAt) {
        this.house = house;
        this.kind = kind;
        this.entryDate = entryDate;
        this.text = text;
        this.author = author;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public HistoryKind getKind() {
        return kind;
    }

    public LocalDate getEntryDate() {
        return entryDate;
    }

    public String getText() {
        return text;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
