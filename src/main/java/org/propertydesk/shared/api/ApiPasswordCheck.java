package org.propertydesk.shared.api;

import org.propertydesk.shared.security.PropertyDeskUser;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a username and password exactly as the login form does (the accounts' {@link UserDetailsService}, staff
 * then owners, and the application's {@link PasswordEncoder}; inactive accounts refused). Kept private to the API, rather than an
 * {@code AuthenticationManager} bean, so the form login's own configuration stays untouched.
 */
class ApiPasswordCheck {

    private final AuthenticationManager manager;

    ApiPasswordCheck(UserDetailsService users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        this.manager = new ProviderManager(provider);
    }

    /** The staff member or owner with these credentials; throws an {@link AuthenticationException} for anything else. */
    PropertyDeskUser authenticate(String username, String password) {
        Authentication result = manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        if (result.getPrincipal() instanceof PropertyDeskUser user && ApiUserAuthenticationConverter.mayUseApi(user)) {
            return user;
        }
        throw new BadCredentialsException("Neither a staff nor an owner account");
    }
}
