package org.propertydesk.shared.web;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Turns refusals that a user can act on into a message on the page they came from, instead of an error page.
 */
@ControllerAdvice
class GlobalExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    String concurrentChange(ObjectOptimisticLockingFailureException exception, HttpServletRequest request) {
        log.info("Concurrent change refused: {}", exception.getMessage());
        return backWith(request, "error.concurrentChange");
    }

    /**
     * A unique or exclusion constraint caught what the checks before the save could not see: someone else saved the
     * same name, code or time at the same moment.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    String conflictingSave(DataIntegrityViolationException exception, HttpServletRequest request) {
        log.info("Conflicting save refused: {}", exception.getMostSpecificCause().getMessage());
        return backWith(request, "error.conflictingSave");
    }

    @ExceptionHandler(BusinessRuleException.class)
    String ruleRefused(BusinessRuleException exception, HttpServletRequest request) {
        return backWith(request, exception.messageKey(), exception.arguments());
    }

    private String backWith(HttpServletRequest request, String key, Object... arguments) {
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("flashError", new Flash.FlashMessage(key, arguments));
        return "redirect:" + sameSitePath(request.getHeader("Referer"), request);
    }

    /**
     * The page the user came from, but only as a path on this site: a Referer naming another host, or a path that a
     * browser would read as one ({@code //host}, {@code /\host}), sends them home instead.
     */
    static String sameSitePath(String referer, HttpServletRequest request) {
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = new URI(referer);
            int port = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
            boolean sameHost = request.getServerName().equalsIgnoreCase(uri.getHost()) && port == request.getServerPort();
            String path = uri.getRawPath();
            if (!sameHost || path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException unreadable) {
            return "/";
        }
    }
}
