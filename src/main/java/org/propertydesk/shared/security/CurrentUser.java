package org.propertydesk.shared.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person behind the current request, for services that need to know whose sites to show or who acted.
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<PropertyDeskUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PropertyDeskUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static PropertyDeskUser get() {
        return find().orElseThrow(() -> new IllegalStateException("No PropertyDesk user is logged in"));
    }

    public static SiteScope siteScope() {
        return find().map(PropertyDeskUser::siteScope).orElse(SiteScope.of(java.util.Set.of()));
    }

    /** The name recorded as author of a change: the username, or "system" for scheduled and start-up work. */
    public static String username() {
        return find().map(PropertyDeskUser::getUsername).orElse("system");
    }

    public static String displayName() {
        return find().map(PropertyDeskUser::displayName).orElse("system");
    }
}
