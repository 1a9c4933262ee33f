package org.propertydesk.shared.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.propertydesk.shared.security.PropertyDeskUser;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Short-lived access tokens for the API: HS256-signed JWTs naming the staff account ({@code sub} is the username,
 * {@code uid} its id). A token carries no roles or sites: every request reloads the account, so a deactivated account
 * or changed roles take effect at once.
 */
public class ApiTokens {

    static final String ISSUER = "propertydesk";
    static final String USER_ID_CLAIM = "uid";
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final JwtEncoder encoder;
    private final JwtDecoder decoder;
    private final Duration lifetime;
    private final Clock clock;

    ApiTokens(ApiSigningKey key, Duration lifetime, Clock clock) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key.key()));
        this.lifetime = lifetime;
        this.clock = clock;
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(key.key()).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, Objects::nonNull)));
        this.decoder = nimbus;
    }

    /** An access token, and how many seconds it is valid. */
    public record IssuedToken(String value, long expiresInSeconds) {
    }

    public IssuedToken issue(PropertyDeskUser user) {
        return issue(user, clock.instant());
    }

    IssuedToken issue(PropertyDeskUser user, Instant issuedAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(user.getUsername())
                .claim(USER_ID_CLAIM, user.id())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime))
                .id(UUID.randomUUID().toString())
                .build();
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).type("JWT").build(), claims));
        return new IssuedToken(jwt.getTokenValue(), lifetime.toSeconds());
    }

    JwtDecoder decoder() {
        return decoder;
    }

    Duration lifetime() {
        return lifetime;
    }
}
