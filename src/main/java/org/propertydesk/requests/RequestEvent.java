package org.propertydesk.requests;

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
 * One line on a request's timeline: who did what, when, with a note that is either internal or visible to the owner.
 * The type is a message key suffix, so the timeline reads in either language.
 */
@Entity
@Table(name = "request_event")
class RequestEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private ServiceRequest request;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private String actor;

    private String note;

    @Column(nullable = false)
    private boolean internal;

    protected RequestEvent() {
    }

    RequestEvent(ServiceRequest request, Instant at, String type, String actor, String note, boolean internal) {
        this.request = request;
        this.at = at;
        this.type = type;
        this.actor = actor;
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.internal = internal;
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

    public String getActor() {
        return actor;
    }

    public String getNote() {
        return note;
    }

    public boolean isInternal() {
        return internal;
    }
}
