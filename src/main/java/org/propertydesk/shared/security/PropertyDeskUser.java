package org.propertydesk.shared.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in person as every module sees them: who they are, their roles, and the sites they serve.
 */
public final class PropertyDeskUser implements UserDetails {

    private final long id;
    private final String username;
    private final String displayName;
    private final String passwordHash;
    private final boolean active;
    private final Set<Role> roles;
    private final SiteScope siteScope;
    private final Long customerId;

    public PropertyDeskUser(long id, String username, String displayName, String passwordHash, boolean active,
            Set<Role> roles, SiteScope siteScope) {
        this(id, username, displayName, passwordHash, active, roles, siteScope, null);
    }

    /**
     * An owner's or tenant's portal account: {@code customerId} is the customer record it belongs to, and the site
     * scope holds the sites of the houses they currently occupy (what they may see there is narrower: their own
     * households, which the portal checks).
     */
    public PropertyDeskUser(long id, String username, String displayName, String passwordHash, boolean active,
            Set<Role> roles, SiteScope siteScope, Long customerId) {
        this.customerId = customerId;
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.active = active;
        this.roles = Set.copyOf(roles);
        this.siteScope = siteScope;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public SiteScope siteScope() {
        return siteScope;
    }

    /** The customer a portal account belongs to; null for staff. */
    public Long customerId() {
        return customerId;
    }

    /** A portal account rather than a member of staff. */
    public boolean isOwner() {
        return customerId != null;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PropertyDeskUser that && that.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "PropertyDeskUser[" + username + "]";
    }
}
