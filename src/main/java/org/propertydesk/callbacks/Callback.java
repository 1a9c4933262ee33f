package org.propertydesk.callbacks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.propertydesk.shared.audit.Audited;
import org.propertydesk.shared.web.BusinessRuleException;

/**
 * A callback due on a resolved request (回访). Each call is an attempt; reaching the owner records whether the problem
 * is solved and how satisfied they are, and ends the callback; too many failed attempts end it as unreachable, which
 * is counted rather than hidden.
 */
@Entity
@Table(name = "callback")
class Callback extends Audited {

    static final int MAX_COMMENT = 1000;
    static final int MAX_NOTE = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private Long requestId;

    /** The request's reopen count when this callback became due: one callback per resolution. */
    @Column(nullable = false, updatable = false)
    private int round;

    @Column(name = "site_id", nullable = false, updatable = false)
    private Long siteId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CallbackStatus status;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "call_back_at")
    private Instant callBackAt;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column
    private Boolean solved;

    @Enumerated(EnumType.STRING)
    @Column
    private Satisfaction satisfaction;

    @Column
    private String comment;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_by_name")
    private String closedByName;

    @OneToMany(mappedBy = "callback", cascade = CascadeType.ALL)
    @OrderBy("at, id")
    private List<CallbackAttempt> attempts = new ArrayList<>();

    protected Callback() {
    }

    Callback(long requestId, int round, long siteId, Instant dueAt) {
        this.requestId = requestId;
        this.round = round;
        this.siteId = siteId;
        this.dueAt = dueAt;
        this.status = CallbackStatus.DUE;
    }

    /** Who made the call, as the timeline shows them. */
    record Caller(String username, String name) {
    }

    /** What the owner said when reached. */
    record Answer(boolean solved, Satisfaction satisfaction, String comment) {

        /** Not solved, or solved but unsatisfied: the request goes back to work. */
        boolean sendsBack() {
            return !solved || satisfaction == Satisfaction.UNSATISFIED;
        }
    }

    /** A call that did not reach the owner; the callback ends as unreachable after {@code maxFailed} failed calls. */
    void attempt(AttemptOutcome outcome, Instant callBackAt, String note, Caller caller, Instant now, int maxFailed) {
        requireDue();
        if (outcome == AttemptOutcome.REACHED) {
            throw new BusinessRuleException("callback.error.answerRequired");
        }
        if (outcome == AttemptOutcome.CALL_LATER && (callBackAt == null || !callBackAt.isAfter(now))) {
            throw new BusinessRuleException("callback.error.callBackAt");
        }
        // only the latest call-back time the owner asked for stands; a later failed call clears it
        this.callBackAt = outcome == AttemptOutcome.CALL_LATER ? callBackAt : null;
        attempts.add(new CallbackAttempt(this, now, caller, outcome, callBackAt, text(note, MAX_NOTE)));
        if (outcome.failed()) {
            failedAttempts++;
            if (failedAttempts >= maxFailed) {
                close(CallbackStatus.UNREACHABLE, caller, now);
            }
        }
    }

    /** The owner was reached and answered. */
    void reached(Answer answer, String note, Caller caller, Instant now) {
        requireDue();
        if (answer.satisfaction() == null) {
            throw new BusinessRuleException("callback.error.satisfactionRequired");
        }
        attempts.add(new CallbackAttempt(this, now, caller, AttemptOutcome.REACHED, null, text(note, MAX_NOTE)));
        solved = answer.solved();
        satisfaction = answer.satisfaction();
        comment = text(answer.comment(), MAX_COMMENT);
        close(CallbackStatus.DONE, caller, now);
    }

    /** The request was closed, reopened or cancelled by other means: this callback is no longer needed. */
    void cancel(Caller caller, Instant now) {
        if (status == CallbackStatus.DUE) {
            close(CallbackStatus.CANCELLED, caller, now);
        }
    }

    boolean isOverdue(Instant now) {
        return status == CallbackStatus.DUE && now.isAfter(dueAt);
    }

    private void close(CallbackStatus to, Caller caller, Instant now) {
        status = to;
        closedAt = now;
        closedBy = caller.username();
        closedByName = caller.name();
        callBackAt = null;
    }

    private void requireDue() {
        if (status != CallbackStatus.DUE) {
            throw new BusinessRuleException("callback.error.notDue", "callback.status." + status);
        }
    }

    private static String text(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw new BusinessRuleException("callback.error.textTooLong", max);
        }
        return value.strip();
    }

    public Long getId() {
        return id;
    }

    public Long getRequestId() {
        return requestId;
    }

    public int getRound() {
        return round;
    }

    public Long getSiteId() {
        return siteId;
    }

    public CallbackStatus getStatus() {
        return status;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getCallBackAt() {
        return callBackAt;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public Boolean getSolved() {
        return solved;
    }

    public Satisfaction getSatisfaction() {
        return satisfaction;
    }

    public String getComment() {
        return comment;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosedByName() {
        return closedByName;
    }

    public List<CallbackAttempt> getAttempts() {
        return Collections.unmodifiableList(attempts);
    }
}
