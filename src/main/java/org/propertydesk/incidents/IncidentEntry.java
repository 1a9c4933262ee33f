package org.propertydesk.incidents;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One line of an incident's own timeline: declared, an update, resolved. The type is a message key suffix, so the
 * timeline reads in either language.
 */
@Entity
@Table(name = "incident_update")
class IncidentEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id")
    private Incident incident;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String type;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    private String note;

    protected IncidentEntry() {
    }

    IncidentEntry(Incident incident, Instant at, String type, String authorName, String note) {
        this.incident = incident;
        this.at = at;
        this.type = type;
        this.authorName = authorName;
        this.note = note == null || note.isBlank() ? null : note.strip();
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getType() {
        return type;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getNote() {
        return note;
    }
}
