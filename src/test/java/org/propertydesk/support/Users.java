package org.propertydesk.support;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Logged-in people for tests, built the way the application sees them: a {@link PropertyDeskUser} with roles and the
 * sites they serve. Use {@link #as(PropertyDeskUser)} on a MockMvc request, or {@link #runAs} around service calls
 * (services read the current user from the security context).
 */
public final class Users {

    /** Ids no real staff row has: these people exist only in the test's security context. */
    private static final AtomicLong NEXT_ID = new AtomicLong(-1_000);

    private Users() {
    }

    public static PropertyDeskUser withRole(Role role, SiteScope scope) {
        long id = NEXT_ID.getAndDecrement();
        String username = role.name().toLowerCase().replace('_', '-') + id;
        return new PropertyDeskUser(id, username, "测试" + role.name(), "{noop}x", true, Set.of(role), scope);
    }

    public static PropertyDeskUser withRole(Role role, Long... siteIds) {
        return withRole(role, SiteScope.of(Arrays.asList(siteIds)));
    }

    public static PropertyDeskUser frontDesk(Long... siteIds) {
        return withRole(Role.FRONT_DESK, siteIds);
    }

    public static PropertyDeskUser manager(Long... siteIds) {
        return withRole(Role.MANAGER, siteIds);
    }

    /** An administrator serving every site: the person test data is created as. */
    public static PropertyDeskUser admin() {
        return withRole(Role.ADMIN, SiteScope.all());
    }

    /** Logs the request in as this person. */
    public static RequestPostProcessor as(PropertyDeskUser user) {
        return SecurityMockMvcRequestPostProcessors.user(user);
    }

    public static void runAs(PropertyDeskUser user, Runnable work) {
        callAs(user, () -> {
            work.run();
            return null;
        });
    }

    /** Runs service code as this person, restoring whatever security context the thread had before. */
    public static <T> T callAs(PropertyDeskUser user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, user.getPassword(), user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
