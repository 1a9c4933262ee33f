package org.propertydesk.shared.api;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.propertydesk.shared.security.PropertyDeskUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Staff exchange their username and password for a short-lived bearer token. Failures are throttled per username
 * and per client address, as guessing passwords here must be no easier than on the login page.
 */
@ApiController
@Tag(name = "Authentication", description = "Access tokens for staff accounts")
class ApiTokenController {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenController.class);

    private final ApiPasswordCheck passwords;
    private final ApiTokens tokens;
    private final ApiLoginThrottle throttle;

    ApiTokenController(ApiPasswordCheck passwords, ApiTokens tokens, ApiLoginThrottle throttle) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 100) String password) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

    @PostMapping(ApiSecurityConfiguration.TOKEN_PATH)
    @SecurityRequirements
    @Operation(summary = "Issue an access token",
            description = "Send it as `Authorization: Bearer <accessToken>`; `expiresIn` is in seconds. Wrong or inactive "
                    + "credentials answer 401; after repeated failures for a username or from an address, 429 with Retry-After.")
    ResponseEntity<TokenResponse> token(@Valid @RequestBody TokenRequest credentials, HttpServletRequest request) {
        String username = credentials.username().strip();
        String address = request.getRemoteAddr();
        throttle.blockedFor(username, address).ifPresent(wait -> {
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            throw new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, ApiProblems.TOO_MANY_ATTEMPTS,
                    "api.error.tooManyAttempts", minutes)
                    .withHeaders(Map.of(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))));
        });
        PropertyDeskUser user;
        try {
            user = passwords.authenticate(username, credentials.password());
        } catch (AuthenticationException refused) {
            throttle.failed(username, address);
            log.info("API token refused for '{}' from {}: {}", username, address, refused.getClass().getSimpleName());
            throw new ApiProblemException(HttpStatus.UNAUTHORIZED, ApiProblems.BAD_CREDENTIALS, "api.error.badCredentials")
                    .withHeaders(Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"propertydesk\""));
        }
        throttle.succeeded(username);
        ApiTokens.IssuedToken token = tokens.issue(user);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(new TokenResponse(token.value(), "Bearer", token.expiresInSeconds()));
    }
}
