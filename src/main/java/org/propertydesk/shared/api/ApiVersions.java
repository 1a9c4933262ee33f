package org.propertydesk.shared.api;

import org.springframework.http.HttpStatus;

/**
 * Optimistic locking over HTTP: a record's version is its {@code ETag} ({@code "3"}), and a client that sends it back
 * in {@code If-Match} has its change refused (412) if someone else changed the record in between.
 */
public final class ApiVersions {

    private ApiVersions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header asks for ({@code "3"}, {@code 3} or {@code W/"3"}), or null when there is
     * no header or it is {@code *}. Anything else can match no version: 412.
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException notAVersion) {
            throw new ApiProblemException(HttpStatus.PRECONDITION_FAILED, ApiProblems.PRECONDITION_FAILED,
                    "api.error.badIfMatch");
        }
    }
}
