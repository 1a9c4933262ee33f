package org.propertydesk.shared.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the JSON API.
 *
 * @param tokenKey the HS256 signing key of access tokens, base64 (at least 256 bits); when empty, a key is generated
 *        once and kept in {@code ${propertydesk.data-dir}/api-token.key}, so that tokens survive restarts. Every
 *        instance of the application serving one database must use the same key.
 * @param tokenLifetime how long an access token is valid
 * @param throttle how many failed token requests are tolerated before the endpoint refuses to check passwords
 */
@ConfigurationProperties("propertydesk.api")
record ApiProperties(String tokenKey, @DefaultValue("1h") Duration tokenLifetime, @DefaultValue Throttle throttle) {

    ApiProperties {
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("propertydesk.api.token-lifetime must be positive");
        }
    }

    /**
     * @param maxFailuresPerUsername failures for one username within the window before that username is blocked
     * @param maxFailuresPerAddress failures from one client address within the window before that address is blocked
     * @param window how long a failure counts
     */
    record Throttle(@DefaultValue("5") int maxFailuresPerUsername, @DefaultValue("20") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration window) {
    }
}
