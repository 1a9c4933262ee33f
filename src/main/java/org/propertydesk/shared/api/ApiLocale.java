package org.propertydesk.shared.api;

import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * The language of API answers: the first of Chinese or English in {@code Accept-Language} (clients of the API have no
 * language cookie), Chinese by default.
 */
final class ApiLocale {

    static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

    private ApiLocale() {
    }

    static Locale of(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return DEFAULT;
        }
        for (Locale wanted : Collections.list(request.getLocales())) {
            if ("zh".equals(wanted.getLanguage())) {
                return Locale.SIMPLIFIED_CHINESE;
            }
            if ("en".equals(wanted.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return DEFAULT;
    }
}
