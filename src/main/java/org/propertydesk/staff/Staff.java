package org.propertydesk.staff;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;

import org.propertydesk.shared.audit.Audited;
import org.propertydesk.shared.security.Role;

/**
 * A staff account: a person who logs in to work, with roles and the sites they serve.
 */
@Entity
class Staff extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String phone;

    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "all_sites", nullable = false)
    private boolean allSites;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role")
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_site", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "site_id")
    private Set<Long> siteIds = new HashSet<>();

    protected Staff() {
    }

    Staff(String username, String displayName, String passwordHash) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
    }

    void update(String displayName, String phone, String email, Collection<Role> roles, boolean allSites,
            Collection<Long> siteIds) {
        this.displayName = displayName;
        this.phone = phone;
        this.email = email;
        this.roles.clear();
        this.roles.addAll(roles);
        this.allSites = allSites;
        this.siteIds.clear();
        this.siteIds.addAll(siteIds);
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void activate() {
        this.active = true;
    }

    void deactivate() {
        this.active = false;
    }

    boolean isActiveAdmin() {
        return active && roles.contains(Role.ADMIN);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isAllSites() {
        return allSites;
    }

    public Set<Role> getRoles() {
        return Collections.unmodifiableSet(roles);
    }

    public Set<Long> getSiteIds() {
        return Collections.unmodifiableSet(siteIds);
    }
}
