package org.propertydesk.shared.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An API path that matches no endpoint (or not with this method or media type) fails before any controller is chosen,
 * so {@link ApiProblemHandler} cannot see it. This advice answers those with a problem detail too, for paths under
 * {@code /api/} only; for the web pages it rethrows, and Spring's usual handling (the error pages) goes on unchanged.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRouteProblems {

    private final ApiProblems problems;

    ApiRouteProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> badRoute(Exception exception, HttpServletRequest request) throws Exception {
        if (!isApi(request)) {
            throw exception;
        }
        ResponseEntity<ProblemDetail> answer = ApiProblemHandler.answer(of(exception, problems, request));
        if (exception instanceof HttpRequestMethodNotSupportedException method && method.getSupportedMethods() != null) {
            return ResponseEntity.status(answer.getStatusCode())
                    .header(HttpHeaders.ALLOW, StringUtils.arrayToCommaDelimitedString(method.getSupportedMethods()))
                    .contentType(answer.getHeaders().getContentType()).body(answer.getBody());
        }
        return answer;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    static ProblemDetail of(Exception exception, ApiProblems problems, HttpServletRequest request) {
        if (exception instanceof HttpRequestMethodNotSupportedException) {
            return problems.problem(HttpStatus.METHOD_NOT_ALLOWED, ApiProblems.METHOD_NOT_ALLOWED, request,
                    "api.error.methodNotAllowed", request.getMethod());
        }
        if (exception instanceof HttpMediaTypeNotSupportedException) {
            return problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ApiProblems.UNSUPPORTED_MEDIA_TYPE, request,
                    "api.error.unsupportedMediaType");
        }
        if (exception instanceof HttpMediaTypeNotAcceptableException) {
            return problems.problem(HttpStatus.NOT_ACCEPTABLE, ApiProblems.NOT_ACCEPTABLE, request,
                    "api.error.notAcceptable");
        }
        return problems.problem(HttpStatus.NOT_FOUND, ApiProblems.NOT_FOUND, request, "api.error.noSuchEndpoint");
    }
}
