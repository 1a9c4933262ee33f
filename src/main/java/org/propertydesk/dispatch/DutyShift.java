package org.propertydesk.dispatch;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.propertydesk.shared.web.BusinessRuleException;

/**
 * A shift on the duty roster (排班): who is on duty from when to when. An emergency shift is the 24-hour duty that
 * answers urgent calls out of hours.
 */
@Entity
@Table(name = "duty_shift")
class DutyShift {

    static final Duration LONGEST = Duration.ofHours(24);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "staff_id", nullable = false)
    private Long staffId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false)
    private boolean emergency;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected DutyShift() {
    }

    DutyShift(long staffId, Instant startsAt, Instant endsAt, boolean emergency, String createdBy, Instant now) {
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new BusinessRuleException("roster.error.endBeforeStart");
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
            throw new BusinessRuleException("roster.error.tooLong");
        }
        this.staffId = staffId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.emergency = emergency;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    boolean covers(Instant moment) {
        return !moment.isBefore(startsAt) && moment.isBefore(endsAt);
    }

    public Long getId() {
        return id;
    }

    public Long getStaffId() {
        return staffId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public boolean isEmergency() {
        return emergency;
    }
}
