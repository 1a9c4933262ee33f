package org.propertydesk.surveys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

import org.propertydesk.shared.api.SignedLinks;
import org.propertydesk.shared.time.Dates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The signed link an owner answers a questionnaire with, for one house: purpose "survey", subject
 * "questionnaireId:houseId", valid until the end of the questionnaire's closing day (display zone).
 */
@Component
class SurveyLinks {

    static final String PURPOSE = "survey";

    private final SignedLinks signed;
    private final Dates dates;
    private final String baseUrl;

    SurveyLinks(SignedLinks signed, Dates dates, @Value("${propertydesk.base-url:http://localhost:8080}") String baseUrl) {
        this.signed = signed;
        this.dates = dates;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    static String subject(long questionnaireId, long houseId) {
        return questionnaireId + ":" + houseId;
    }

    Instant expiryFor(Questionnaire q) {
        return q.getClosesOn().plusDays(1).atStartOfDay(dates.zone()).toInstant();
    }

    /** The path and query of the link, e.g. {@code /s/survey/3/41?expires=…&sig=…}. */
    String path(long questionnaireId, long houseId, Instant expires) {
        return UriComponentsBuilder.fromPath("/s/survey/{q}/{h}")
                .queryParam("expires", expires.getEpochSecond())
                .queryParam("sig", signed.sign(PURPOSE, subject(questionnaireId, houseId), expires))
                .buildAndExpand(questionnaireId, houseId).toUriString();
    }

    String url(Questionnaire q, long houseId) {
        return baseUrl + path(q.getId(), houseId, expiryFor(q));
    }

    enum Check {
        VALID, EXPIRED, INVALID
    }

    /** Whether the link's values are the signed ones and it is still valid; an unreadable value is invalid. */
    Check check(String questionnaireId, String houseId, String expires, String signature) {
        long q;
        long h;
        Instant until;
        try {
            q = Long.parseLong(questionnaireId);
            h = Long.parseLong(houseId);
            until = Instant.ofEpochSecond(Long.parseLong(expires));
        } catch (RuntimeException unreadable) {
            return Check.INVALID;
        }
        if (signature == null || !MessageDigest.isEqual(
                signed.sign(PURPOSE, subject(q, h), until).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return Check.INVALID;
        }
        return signed.verify(PURPOSE, subject(q, h), until, signature) ? Check.VALID : Check.EXPIRED;
    }
}
