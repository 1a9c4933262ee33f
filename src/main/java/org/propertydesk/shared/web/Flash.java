package org.propertydesk.shared.web;

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

    public record FlashMessage(String key, Object[] arguments) {
    }
}
