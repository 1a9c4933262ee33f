package org.propertydesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    @ExceptionHandler(BusinessRuleException.class)
    String ruleRefused(BusinessRuleException exception, HttpServletRequest request) {
        return backWith(request, exception.messageKey(), exception.arguments());
    }

    private String backWith(HttpServletRequest request, String key, Object... arguments) {
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("flashError", new Flash.FlashMessage(key, arguments));
        String referer = request.getHeader("Referer");
        String target = referer != null && referer.startsWith(baseUrl(request)) ? referer.substring(baseUrl(request).length()) : "/";
        return "redirect:" + (target.isEmpty() ? "/" : target);
    }

    private static String baseUrl(HttpServletRequest request) {
        String base = request.getScheme() + "://" + request.getServerName();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80) || ("https".equals(request.getScheme()) && port == 443);
        return defaultPort ? base : base + ":" + port;
    }
}
