package org.propertydesk.care;

import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Community activities in the owner portal: the coming activities of the sites the owner lives at, signing up and
 * cancelling, and rating one they came to.
 */
@Controller
@RequestMapping("/portal/activities")
@PreAuthorize("hasRole('OWNER')")
class ActivityPortalController {

    private final SignUps signUps;
    private final Dates dates;

    ActivityPortalController(SignUps signUps, Dates dates) {
        this.signUps = signUps;
        this.dates = dates;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("upcoming", signUps.upcoming());
        model.addAttribute("recent", signUps.recent());
        return "care/activities/portal-list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        return page(id, model, null);
    }

    @PostMapping("/{id}/sign-up")
    String signUp(@PathVariable long id, RedirectAttributes redirect) {
        try {
            SignUpStatus status = signUps.signUp(id);
            Flash.success(redirect, status == SignUpStatus.CONFIRMED ? "activity.signedUp" : "activity.waitingListed");
        } catch (BusinessRuleException refused) {
            Flash.error(redirect, refused.messageKey());
        }
        return "redirect:/portal/activities/" + id;
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        try {
            signUps.cancel(id);
            Flash.success(redirect, "activity.cancelled");
        } catch (BusinessRuleException refused) {
            Flash.error(redirect, refused.messageKey());
        }
        return "redirect:/portal/activities/" + id;
    }

    @PostMapping("/{id}/rating")
    String rate(@PathVariable long id, @RequestParam(required = false) String rating, Model model,
            RedirectAttributes redirect) {
        int stars;
        try {
            stars = rating == null || rating.isBlank() ? 0 : Integer.parseInt(rating.strip());
        } catch (NumberFormatException notANumber) {
            stars = 0;
        }
        try {
            signUps.rate(id, stars);
            Flash.success(redirect, "activity.rated");
            return "redirect:/portal/activities/" + id;
        } catch (ActivityFieldRefusal refused) {
            return page(id, model, refused.messageKey());
        } catch (BusinessRuleException refused) {
            Flash.error(redirect, refused.messageKey());
            return "redirect:/portal/activities/" + id;
        }
    }

    private String page(long id, Model model, String ratingError) {
        var view = signUps.view(id);
        model.addAttribute("view", view);
        model.addAttribute("activity", view.activity());
        model.addAttribute("open", view.activity().isOpenForSignUp(dates.now()));
        model.addAttribute("over", view.activity().isOver(dates.now()));
        model.addAttribute("ratingError", ratingError);
        return "care/activities/portal-activity";
    }
}
