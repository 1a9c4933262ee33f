package org.propertydesk.portal;

import org.propertydesk.shared.web.PageLinks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notices of the sites an owner lives in: the current ones, newest first; opening one marks it read for the
 * household; the portal's home page loads the banner of urgent notices not read yet.
 */
@Controller
@RequestMapping("/portal/notices")
@PreAuthorize("hasRole('OWNER')")
class OwnerNoticeController {

    private final NoticeService notices;

    OwnerNoticeController(NoticeService notices) {
        this.notices = notices;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        var result = notices.current(page);
        model.addAttribute("notices", result.getContent());
        model.addAttribute("pages", PageLinks.of(result));
        return "portal/notices/list";
    }

    /** An htmx fragment: the urgent notices still unread, or an empty element that takes no room. */
    @GetMapping("/banner")
    String banner(Model model) {
        model.addAttribute("notices", notices.unreadUrgent());
        return "portal/notices/banner";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("notice", notices.open(id));
        return "portal/notices/notice";
    }
}
