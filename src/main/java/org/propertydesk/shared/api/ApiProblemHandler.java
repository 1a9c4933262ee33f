package org.propertydesk.shared.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of an {@link ApiController} as a problem detail. Refused business rules keep their translated message
 * and expose its key as {@code code}, so that clients can tell them apart without parsing text.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    private final ApiProblems problems;

    ApiProblemHandler(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException exception, HttpServletRequest request) {
        List<ApiProblems.FieldMessage> errors = new ArrayList<>();
        exception.getBindingResult().getFieldErrors().forEach(error -> errors.add(fieldMessage(error, request)));
        exception.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new ApiProblems.FieldMessage(null, message(error, request))));
        return answer(problems.validation(request, errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException exception, HttpServletRequest request) {
        List<ApiProblems.FieldMessage> errors = new ArrayList<>();
        exception.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(
                    new ApiProblems.FieldMessage(error instanceof FieldError field ? field.getField() : name,
                            message(error, request))));
        });
        return answer(problems.validation(request, errors));
    }

    @ExceptionHandler(ApiValidationException.class)
    ResponseEntity<ProblemDetail> invalidInput(ApiValidationException exception, HttpServletRequest request) {
        return answer(problems.validation(request, exception.problems().stream()
                .map(p -> new ApiProblems.FieldMessage(p.field(), problems.text(p.messageKey(), p.arguments(), request)))
                .toList()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException exception, HttpServletRequest request) {
        JacksonException jackson = cause(exception, JacksonException.class);
        if (jackson instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Class<?> target = mismatch.getTargetType();
            String message = target != null && target.isEnum()
                    ? problems.text("api.error.oneOf", new Object[] {enumValues(target)}, request)
                    : jackson instanceof InvalidFormatException || target != null
                            ? problems.text("api.error.badValue", new Object[] {typeName(target)}, request)
                            : problems.text("api.error.badValue", new Object[] {"?"}, request);
            return answer(problems.validation(request, List.of(new ApiProblems.FieldMessage(field, message))));
        }
        return answer(problems.problem(HttpStatus.BAD_REQUEST, ApiProblems.VALIDATION, request, "api.error.unreadableBody"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException exception, HttpServletRequest request) {
        Class<?> target = exception.getRequiredType();
        String message = target != null && target.isEnum()
                ? problems.text("api.error.oneOf", new Object[] {enumValues(target)}, request)
                : problems.text("api.error.badValue", new Object[] {typeName(target)}, request);
        return answer(problems.validation(request, List.of(new ApiProblems.FieldMessage(exception.getName(), message))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException exception,
            HttpServletRequest request) {
        return answer(problems.validation(request, List.of(new ApiProblems.FieldMessage(exception.getParameterName(),
                problems.text("api.error.required", null, request)))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException exception, HttpServletRequest request) {
        return answer(problems.validation(request, List.of(new ApiProblems.FieldMessage(exception.getHeaderName(),
                problems.text("api.error.required", null, request)))));
    }

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<ProblemDetail> refused(ApiProblemException exception, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(exception.status(), exception.type(), request, exception.messageKey(),
                exception.arguments());
        return ResponseEntity.status(exception.status()).headers(exception.headers())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * A rule of the domain refused the call: 400 unless the controller maps its own exceptions (a request's illegal
     * move is a 409, a stale version a 412; see {@link ApiProblems#refused}).
     */
    @ExceptionHandler(BusinessRuleException.class)
    ResponseEntity<ProblemDetail> ruleRefused(BusinessRuleException exception, HttpServletRequest request) {
        return problems.refused(exception, HttpStatus.BAD_REQUEST, ApiProblems.BUSINESS_RULE, request);
    }

    /** Someone else saved the record between our read and our write: 412 when the client sent If-Match, else 409. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException exception, HttpServletRequest request) {
        log.info("Concurrent change refused on {}: {}", request.getRequestURI(), exception.getMessage());
        boolean conditional = request.getHeader(HttpHeaders.IF_MATCH) != null;
        ProblemDetail problem = problems.problem(conditional ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT,
                conditional ? ApiProblems.PRECONDITION_FAILED : ApiProblems.CONCURRENT_CHANGE, request,
                "api.error.concurrentChange");
        problem.setProperty("code", "error.concurrentChange");
        return answer(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException exception, HttpServletRequest request) {
        return answer(problems.problem(HttpStatus.NOT_FOUND, ApiProblems.NOT_FOUND, request, "api.error.notFound"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException exception, HttpServletRequest request) {
        return answer(problems.problem(HttpStatus.FORBIDDEN, ApiProblems.FORBIDDEN, request, "api.error.forbidden"));
    }

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> badRoute(Exception exception, HttpServletRequest request) {
        return answer(ApiRouteProblems.of(exception, problems, request));
    }

    /** Anything else: errors Spring MVC knows the status of keep it, the rest are 500 and logged. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> otherError(Exception exception, HttpServletRequest request) {
        if (exception instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
            return answer(problems.problem(status, status == HttpStatus.NOT_FOUND ? ApiProblems.NOT_FOUND
                    : ApiProblems.VALIDATION, request, status == HttpStatus.NOT_FOUND ? "api.error.noSuchEndpoint"
                            : "api.error.badRequest"));
        }
        log.error("API call {} {} failed", request.getMethod(), request.getRequestURI(), exception);
        return answer(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, ApiProblems.SERVER_ERROR, request,
                "api.error.serverError"));
    }

    private ApiProblems.FieldMessage fieldMessage(FieldError error, HttpServletRequest request) {
        String message = error.isBindingFailure()
                ? problems.text("api.error.badValue", new Object[] {"?"}, request)
                : message(error, request);
        return new ApiProblems.FieldMessage(error.getField(), message);
    }

    /** Bean Validation messages are interpolated in the caller's language (see {@link ApiWebConfiguration}). */
    private String message(MessageSourceResolvable error, HttpServletRequest request) {
        String message = error.getDefaultMessage();
        if (message == null && error.getCodes() != null && error.getCodes().length > 0) {
            message = problems.text(error.getCodes()[0], error.getArguments(), request);
        }
        return message;
    }

    static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "?";
        }
        return Map.of("Long", "integer", "long", "integer", "Integer", "integer", "int", "integer",
                "OffsetDateTime", "date-time (ISO-8601 with offset)", "Instant", "date-time (ISO-8601 with offset)",
                "Boolean", "boolean", "boolean", "boolean").getOrDefault(type.getSimpleName(), type.getSimpleName());
    }

    private static <T extends Throwable> T cause(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
