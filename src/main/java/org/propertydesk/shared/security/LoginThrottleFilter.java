package org.propertydesk.shared.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.propertydesk.shared.api.ApiLoginThrottle;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing on the login form the same way as on the API token endpoint: after too many failures
 * for a username or from an address, the form refuses to check passwords for a while. The page says so without
 * telling whether the account exists.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    /**
     * The form's address matched on the request path, as Spring Security's own login filter does: the servlet path
     * depends on how the dispatcher servlet is mapped (it is empty under MockMvc, where this check never ran).
     */
    private static final RequestMatcher LOGIN_FORM =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    private final ApiLoginThrottle throttle;

    LoginThrottleFilter(ApiLoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LOGIN_FORM.matches(request);
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
