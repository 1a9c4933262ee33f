package org.propertydesk.affairs;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One check of a pass number at the gate, kept whatever it found: who checked, when, and the result. A number that
 * matched no pass the guard may see is kept without a pass, so that guessing numbers leaves a trace too.
 */
@Entity
@Table(name = "release_pass_check")
public class ReleasePassCheck {

    static final int MAX_NUMBER = 40;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "pass_id", updatable = false)
    private Long passId;

    @Column(name = "number_entered", nullable = false, updatable = false)
    private String numberEntered;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private GateCheckResult result;

    @Column(name = "marked_used", nullable = false, updatable = false)
    private boolean markedUsed;

    @Column(name = "checked_at", nullable = false, updatable = false)
    private Instant checkedAt;

    @Column(name = "checked_by", nullable = false, updatable = false)
    private String checkedBy;

    @Column(name = "checked_by_name", nullable = false, updatable = false)
    private String checkedByName;

    protected ReleasePassCheck() {
    }

    ReleasePassCheck(Long passId, String numberEntered, GateCheckResult result, boolean markedUsed, Instant checkedAt,
            String checkedBy, String checkedByName) {
        this.markedUsed = markedUsed;
        this.passId = passId;
        this.numberEntered = numberEntered.length() > MAX_NUMBER ? numberEntered.substring(0, MAX_NUMBER) : numberEntered;
        this.result = result;
        this.checkedAt = checkedAt;
        this.checkedBy = checkedBy;
        this.checkedByName = checkedByName;
    }

    public Long getId() {
        return id;
    }

    public Long getPassId() {
        return passId;
    }

    public String getNumberEntered() {
        return numberEntered;
    }

    public GateCheckResult getResult() {
        return result;
    }

    public boolean isMarkedUsed() {
        return markedUsed;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public String getCheckedBy() {
        return checkedBy;
    }

    public String getCheckedByName() {
        return checkedByName;
    }
}
