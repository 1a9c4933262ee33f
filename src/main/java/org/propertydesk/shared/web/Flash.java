package org.propertydesk.shared.web;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Messages shown once on the next page, after a redirect; the layout renders them.
 */
public final class Flash {

    private Flash() {
    }

    public static void success(RedirectAttributes attributes, String messageKey, Object... arguments) {
        attributes.addFlashAttribute("flashSuccess", new FlashMessage(messageKey, arguments));
    }

    public static void error(RedirectAttributes attributes, String messageKey, Object... arguments) {
        attributes.addFlashAttribute("flashError", new FlashMessage(messageKey, arguments));
    }

    /** Serializable: flash attributes travel in the session, which lives in the database. */
    public record FlashMessage(String key, Object[] arguments) implements Serializable {
    }

    /**
     * Some messages take other message keys as arguments ("cannot {close} while {new}"); they are translated here,
     * in the reader's language, before the layout formats the message.
     */
    @ControllerAdvice
    static class TranslateArguments {

        private final MessageSource messages;

        TranslateArguments(MessageSource messages) {
            this.messages = messages;
        }

        @ModelAttribute
        void translate(Model model, Locale locale) {
            for (String name : new String[] {"flashSuccess", "flashError"}) {
                if (model.getAttribute(name) instanceof FlashMessage message && message.arguments() != null) {
                    Object[] translated = Arrays.stream(message.arguments())
                            .map(argument -> argument instanceof String key && key.matches("[a-zA-Z]+(\\.[a-zA-Z_]+)+")
                                    ? messages.getMessage(key, null, key, locale) : argument)
                            .toArray();
                    model.addAttribute(name, new FlashMessage(message.key(), translated));
                }
            }
        }
    }
}
