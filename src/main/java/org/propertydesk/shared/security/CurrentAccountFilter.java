package org.propertydesk.shared.security;

import java.io.IOException;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a logged-in session in step with the account: a deactivated person, or one whose password was reset, is
 * logged out at their next click, and
 * changed roles or sites apply at once instead of at the next login. Runs before authorization decides. Accounts are
 * never deleted through the app, so a principal without an account row (a test's, say) is left as it is.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

    private final UserDetailsService accounts;

    CurrentAccountFilter(UserDetailsService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.getPrincipal() instanceof PropertyDeskUser current) {
            UserDetails fresh = load(current.getUsername());
            if (fresh == null) {
                chain.doFilter(request, response);
                return;
            }
            if (!(fresh instanceof PropertyDeskUser account) || !account.isEnabled()
                    || !Objects.equals(account.getPassword(), current.getPassword())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (changed(current, account)) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                UsernamePasswordAuthenticationToken refreshed = UsernamePasswordAuthenticationToken.authenticated(
                        account, null, account.getAuthorities());
                refreshed.setDetails(authentication.getDetails());
                context.setAuthentication(refreshed);
                SecurityContextHolder.setContext(context);
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
                }
            }
        }
        chain.doFilter(request, response);
    }

    private UserDetails load(String username) {
        try {
            return accounts.loadUserByUsername(username);
        } catch (UsernameNotFoundException gone) {
            return null;
        }
    }

    private static boolean changed(PropertyDeskUser current, PropertyDeskUser account) {
        return !current.roles().equals(account.roles()) || !current.siteScope().equals(account.siteScope())
                || !Objects.equals(current.displayName(), account.displayName());
    }
}
