package org.propertydesk.shared.export;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Answers a refused download with the reason as text: a download link has no form to show a message at, and a page
 * of its own would be more than the one sentence needs.
 */
@ControllerAdvice
class ExportRefusals {

    private final MessageSource messages;

    ExportRefusals(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ExportRefusedException.class)
    ResponseEntity<String> refused(ExportRefusedException refused, Locale locale) {
        return ResponseEntity.badRequest().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(messages.getMessage(refused.messageKey(), null, locale));
    }
}
