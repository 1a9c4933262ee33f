package org.propertydesk.shared.api;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An API call refused with a given status and a translated message; answered as a problem detail by
 * {@link ApiProblemHandler}. The type becomes {@code urn:propertydesk:problem:<type>}.
 */
public class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String messageKey;
    private final transient Object[] arguments;
    private final transient HttpHeaders headers = new HttpHeaders();

    public ApiProblemException(HttpStatus status, String type, String messageKey, Object... arguments) {
        super(messageKey);
        this.status = status;
        this.type = type;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public ApiProblemException withHeaders(Map<String, String> extra) {
        extra.forEach(headers::set);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
