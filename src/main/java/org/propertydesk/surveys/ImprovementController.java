package org.propertydesk.surveys;

import java.util.stream.Collectors;

import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.PageLinks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Improvement tasks raised by low satisfaction: open ones to act on, done ones with what was done. */
@Controller
@RequestMapping("/surveys/improvements")
@PreAuthorize(SurveyAccess.MANAGERS)
class ImprovementController {

    private final Improvements improvements;
    private final SiteDirectory sites;

    ImprovementController(Improvements improvements, SiteDirectory sites) {
        this.improvements = improvements;
        this.sites = sites;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "OPEN") ImprovementStatus status, @RequestParam(defaultValue = "0") int page,
            Model model) {
        return page(status, page, null, null, null, model);
    }

    @PostMapping("/{id}/done")
    String done(@PathVariable long id, @RequestParam(required = false) String note, Model model,
            RedirectAttributes redirect) {
        String error = note == null || note.isBlank() ? "survey.improvement.noteRequired"
                : note.strip().length() > 2000 ? "survey.improvement.noteTooLong" : null;
        if (error != null) {
            return page(ImprovementStatus.OPEN, 0, id, note, error, model);
        }
        improvements.markDone(id, note);
        Flash.success(redirect, "survey.improvement.marked");
        return "redirect:/surveys/improvements";
    }

    private String page(ImprovementStatus status, int page, Long errorId, String note, String error, Model model) {
        var tasks = improvements.list(status, page);
        model.addAttribute("tasks", tasks.getContent());
        model.addAttribute("pages", PageLinks.of(tasks));
        model.addAttribute("status", status);
        model.addAttribute("siteNames", sites.all().stream().collect(Collectors.toMap(SiteSummary::id, SiteSummary::name)));
        model.addAttribute("errorId", errorId);
        model.addAttribute("errorNote", note);
        model.addAttribute("error", error);
        return "surveys/improvements";
    }

}
