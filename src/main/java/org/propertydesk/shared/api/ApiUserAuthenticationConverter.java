package org.propertydesk.shared.api;

import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a valid token into the same {@link PropertyDeskUser} a page login gives, reloaded from the database on every
 * call: {@code CurrentUser}, site scopes and {@code @PreAuthorize} rules work as on the pages, and a deactivated
 * account or changed roles take effect before the token expires.
 */
class ApiUserAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final UserDetailsService users;

    ApiUserAuthenticationConverter(UserDetailsService users) {
        this.users = users;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        UserDetails details;
        try {
            details = users.loadUserByUsername(jwt.getSubject());
        } catch (UsernameNotFoundException gone) {
            throw new InvalidBearerTokenException("The token's account does not exist");
        }
        if (!(details instanceof PropertyDeskUser user) || !user.isEnabled() || !mayUseApi(user)
                || !sameAccount(user, jwt.getClaim(ApiTokens.USER_ID_CLAIM))) {
            throw new InvalidBearerTokenException("The token's account is not an active staff or owner account");
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    /**
     * Staff, and owners for their own households: which endpoints an owner reaches is decided by each controller's
     * {@code @PreAuthorize}, which names staff roles everywhere but the requests and bills APIs.
     */
    static boolean mayUseApi(PropertyDeskUser user) {
        return Role.STAFF_ROLES.stream().anyMatch(user::hasRole) || user.isOwner() && user.hasRole(Role.OWNER);
    }

    private static boolean sameAccount(PropertyDeskUser user, Object claimedId) {
        return claimedId instanceof Number id && id.longValue() == user.id();
    }
}
