package org.propertydesk.shared.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;

import org.springframework.stereotype.Component;

/**
 * Links that work without logging in, for one purpose and one subject until a moment: "rate request 42 until
 * 2 December". The signature is an HMAC over all three with the application's secret key, so a changed id, purpose
 * or expiry is refused. A link says who may act, not who is logged in: keep what it opens small.
 */
@Component
public class SignedLinks {

    private final ApiSigningKey key;
    private final Clock clock;

    SignedLinks(ApiSigningKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** The signature for the purpose, subject and expiry, URL-safe. */
    public String sign(String purpose, String subject, Instant expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.key());
            byte[] signature = mac.doFinal(("link|" + purpose + "|" + subject + "|" + expires.getEpochSecond())
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is not available", impossible);
        }
    }

    /** Whether the signature is the one for these values and the link has not expired. */
    public boolean verify(String purpose, String subject, Instant expires, String signature) {
        if (signature == null || expires == null || !clock.instant().isBefore(expires)) {
            return false;
        }
        return MessageDigest.isEqual(sign(purpose, subject, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
