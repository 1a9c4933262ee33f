package org.propertydesk.shared.api;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 of the API as problem details: no token, a bad or expired token, or a role that may not do this.
 * The {@code WWW-Authenticate} header follows RFC 6750.
 */
class ApiSecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ApiProblems problems;

    ApiSecurityProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        boolean badToken = exception instanceof InvalidBearerTokenException
                || exception instanceof OAuth2AuthenticationException;
        String challenge = badToken
                ? "Bearer realm=\"propertydesk\", error=\"invalid_token\", error_description=\"The token is invalid or has expired\""
                : "Bearer realm=\"propertydesk\"";
        problems.write(problems.problem(HttpStatus.UNAUTHORIZED, badToken ? ApiProblems.INVALID_TOKEN : ApiProblems.UNAUTHORIZED,
                request, badToken ? "api.error.invalidToken" : "api.error.unauthorized"), response,
                Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        problems.write(problems.problem(HttpStatus.FORBIDDEN, ApiProblems.FORBIDDEN, request, "api.error.forbidden"),
                response, Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"propertydesk\", error=\"insufficient_scope\""));
    }
}
