package org.propertydesk.callbacks;

import java.time.Instant;

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

/** One call of a callback: when, who, and how it went. */
@Entity
@Table(name = "callback_attempt")
class CallbackAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "callback_id")
    private Callback callback;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "by_username", nullable = false)
    private String byUsername;

    @Column(name = "by_name", nullable = false)
    private String byName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttemptOutcome outcome;

    @Column(name = "call_back_at")
    private Instant callBackAt;

    @Column
    private String note;

    protected CallbackAttempt() {
    }

    CallbackAttempt(Callback callback, Instant at, Callback.Caller caller, AttemptOutcome outcome, Instant callBackAt,
            String note) {
        this.callback = callback;
        this.at = at;
        this.byUsername = caller.username();
        this.byName = caller.name();
        this.outcome = outcome;
        this.callBackAt = callBackAt;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getByName() {
        return byName;
    }

    public AttemptOutcome getOutcome() {
        return outcome;
    }

    public Instant getCallBackAt() {
        return callBackAt;
    }

    public String getNote() {
        return note;
    }
}
