package org.propertydesk.shared.api;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.propertydesk.shared.web.BusinessRuleException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the RFC 9457 problem details the API answers with: a stable {@code type}
 * ({@code urn:propertydesk:problem:validation}, …), a translated {@code title} and {@code detail} in the language of
 * {@code Accept-Language}, the {@code instance} path, and where it applies an {@code errors} list of
 * {@code {"field","message"}} and the message {@code code} of a refused business rule.
 */
public class ApiProblems {

    public static final String VALIDATION = "validation";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String INVALID_TOKEN = "invalid-token";
    public static final String BAD_CREDENTIALS = "bad-credentials";
    public static final String TOO_MANY_ATTEMPTS = "too-many-attempts";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String ILLEGAL_TRANSITION = "illegal-transition";
    public static final String BUSINESS_RULE = "business-rule";
    public static final String CONCURRENT_CHANGE = "concurrent-change";
    public static final String PRECONDITION_FAILED = "precondition-failed";
    public static final String SERVER_ERROR = "server-error";

    static final String TYPE_PREFIX = "urn:propertydesk:problem:";

    private final MessageSource messages;
    private final JsonMapper json;

    ApiProblems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** A problem whose detail is the translation of a message key. */
    public ProblemDetail problem(HttpStatus status, String type, HttpServletRequest request, String detailKey,
            Object... arguments) {
        Locale locale = ApiLocale.of(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(detailKey, arguments, locale));
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(text("api.problem." + type + ".title", new Object[0], locale));
        problem.setInstance(instance(request));
        return problem;
    }

    /** A 400 problem listing what is wrong with which field. */
    public ProblemDetail validation(HttpServletRequest request, List<FieldMessage> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, VALIDATION, request, "api.problem.validation.detail");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A refused business rule, with its translated message as detail and its message key as {@code code}. */
    public ResponseEntity<ProblemDetail> refused(BusinessRuleException exception, HttpStatus status, String type,
            HttpServletRequest request) {
        ProblemDetail problem = problem(status, type, request, exception.messageKey(), exception.arguments());
        problem.setProperty("code", exception.messageKey());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** One entry of a problem's {@code errors} list. */
    public record FieldMessage(String field, String message) {
    }

    /**
     * The translation of a key in the caller's language. Arguments that are themselves message keys (such as
     * {@code request.status.NEW}) are translated first; a missing key is shown as itself rather than failing.
     */
    public String text(String key, Object[] arguments, Locale locale) {
        Object[] translated = arguments == null ? new Object[0] : Arrays.stream(arguments)
                .map(argument -> argument instanceof String s && looksLikeKey(s)
                        ? messages.getMessage(s, null, s, locale) : argument)
                .toArray();
        return messages.getMessage(key, translated, key, locale);
    }

    public String text(String key, Object[] arguments, HttpServletRequest request) {
        return text(key, arguments, ApiLocale.of(request));
    }

    /** Writes a problem straight to the response, for answers given before Spring MVC is reached (security). */
    void write(ProblemDetail problem, HttpServletResponse response, Map<String, String> headers) throws IOException {
        response.setStatus(problem.getStatus());
        headers.forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static URI instance(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException odd) {
            return null;
        }
    }

    private static boolean looksLikeKey(String value) {
        return value.matches("[a-zA-Z][a-zA-Z0-9_]*(\\.[a-zA-Z0-9_]+)+");
    }
}
