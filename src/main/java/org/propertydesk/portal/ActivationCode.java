package org.propertydesk.portal;

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
 * A code that activates a customer's account or sets a new password: it works once, before it expires, for the
 * phone number it was issued to; too many wrong tries revoke it, and a newer code for the customer replaces it.
 */
@Entity
@Table(name = "activation_code")
class ActivationCode {

    /** Wrong tries before a code stops working. */
    static final int MAX_FAILED_ATTEMPTS = 5;

    enum Purpose {
        ACTIVATE, RESET
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Column(nullable = false, updatable = false)
    private String phone;

    @Column(name = "code_hash", nullable = false, updatable = false)
    private String codeHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Purpose purpose;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "issued_by", nullable = false, updatable = false)
    private String issuedBy;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    protected ActivationCode() {
    }

    ActivationCode(long customerId, String phone, String codeHash, Purpose purpose, Instant issuedAt, String issuedBy,
            Instant expiresAt) {
        this.customerId = customerId;
        this.phone = phone;
        this.codeHash = codeHash;
        this.purpose = purpose;
        this.issuedAt = issuedAt;
        this.issuedBy = issuedBy;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    void used(Instant now) {
        usedAt = now;
    }

    void revoke(Instant now) {
        if (usedAt == null && revokedAt == null) {
            revokedAt = now;
        }
    }

    /** A wrong code was tried against this one; the last allowed try revokes it. */
    void failedAttempt(Instant now) {
        failedAttempts++;
        if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
            revoke(now);
        }
    }

    Long getId() {
        return id;
    }

    Long getCustomerId() {
        return customerId;
    }

    String getPhone() {
        return phone;
    }

    String getCodeHash() {
        return codeHash;
    }

    Purpose getPurpose() {
        return purpose;
    }

    Instant getIssuedAt() {
        return issuedAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
