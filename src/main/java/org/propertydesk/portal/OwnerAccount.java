package org.propertydesk.portal;

import java.time.Instant;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;

/** A customer's portal account: its login name, password and whether it may still log in. */
@Entity
@Table(name = "owner_account")
class OwnerAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;

    @Column(nullable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "activated_at", nullable = false, updatable = false)
    private Instant activatedAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Version
    private long version;

    protected OwnerAccount() {
    }

    OwnerAccount(long customerId, String username, String passwordHash, Instant now) {
        this.customerId = customerId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.activatedAt = now;
        this.passwordChangedAt = now;
    }

    /** A new password also reopens an account that was switched off, since only the front desk issues the code. */
    void newPassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.active = true;
    }

    void deactivate() {
        this.active = false;
    }

    PropertyDeskUser toUser(String displayName, Set<Long> siteIds) {
        return new PropertyDeskUser(id, username, displayName, passwordHash, active, Set.of(Role.OWNER),
                SiteScope.of(siteIds), customerId);
    }

    Long getId() {
        return id;
    }

    Long getCustomerId() {
        return customerId;
    }

    String getUsername() {
        return username;
    }

    boolean isActive() {
        return active;
    }

    Instant getActivatedAt() {
        return activatedAt;
    }
}
