package org.propertydesk.notifications;

import java.util.Arrays;
import java.util.Locale;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.web.MessageTokens;
import org.propertydesk.shared.web.NotFoundException;
import org.propertydesk.shared.web.PageLinks;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The bell in the top bar (refreshed by htmx) and the list behind it. Everyone sees only their own notifications.
 */
@Controller
@RequestMapping("/notifications")
@PreAuthorize("hasAnyRole('ADMIN','MANAGER','FRONT_DESK','DISPATCHER','TECHNICIAN')")
class NotificationController {

    private final Notifications notifications;
    private final MessageSource messages;

    NotificationController(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    /** A notification with its text in the reader's language; arguments that are message keys are translated too. */
    record Item(Notification notification, String text) {
    }

    @GetMapping("/bell")
    String bell(Model model) {
        model.addAttribute("unread", notifications.unread(CurrentUser.username()));
        return "notifications/bell :: bell";
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        Page<Notification> result = notifications.latest(CurrentUser.username(), page);
        model.addAttribute("items", result.getContent().stream().map(n -> new Item(n, text(n, locale))).toList());
        model.addAttribute("notificationPage", result);
        model.addAttribute("pages", PageLinks.of(result));
        return "notifications/list";
    }

    private String text(Notification notification, Locale locale) {
        Object[] arguments = Arrays.stream(notification.getArgumentArray())
                .map(argument -> MessageTokens.translate(String.valueOf(argument), messages, locale))
                .toArray();
        return messages.getMessage(notification.getMessageKey(), arguments, notification.getMessageKey(), locale);
    }

    @PostMapping("/{id}/open")
    String open(@PathVariable long id) {
        String link = notifications.open(id, CurrentUser.username()).orElseThrow(() -> new NotFoundException("Notification", id));
        return "redirect:" + link;
    }

    @PostMapping("/read-all")
    String readAll() {
        notifications.markAllRead(CurrentUser.username());
        return "redirect:/notifications";
    }
}
