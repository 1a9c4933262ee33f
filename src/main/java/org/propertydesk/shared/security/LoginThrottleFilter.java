package org.propertydesk.shared.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.propertydesk.shared.api.ApiLoginThrottle;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing on the login form the same way as on the API token endpoint: after too many failures
 * for a username or from an address, the form refuses to check passwords for a while. The page says so without
 * telling whether the account exists.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final ApiLoginThrottle throttle;

    LoginThrottleFilter(ApiLoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        if (throttle.blockedFor(username == null ? "" : username.trim(), request.getRemoteAddr()).isPresent()) {
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        chain.doFilter(request, response);
    }
}
