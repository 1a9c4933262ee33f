package org.propertydesk.callbacks;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.propertydesk.requests.RequestStatus;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.MessageTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed rating link: staff make one to send to the owner, and the owner opens it without logging in. The page
 * shows only the request number, its category and what was done: whoever holds the link sees it.
 */
@Controller
class RatingLinkController {

    private final Ratings ratings;
    private final RequestWork requests;
    private final MessageSource messages;
    private final Dates dates;
    private final String baseUrl;

    RatingLinkController(Ratings ratings, RequestWork requests, MessageSource messages, Dates dates,
            @Value("${propertydesk.base-url:http://localhost:8080}") String baseUrl) {
        this.ratings = ratings;
        this.requests = requests;
        this.messages = messages;
        this.dates = dates;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A fresh link for a request of the user's sites, as an absolute URL to copy into a message to the owner. */
    @PostMapping("/callbacks/requests/{requestId}/rating-link")
    @PreAuthorize(CallbackController.CALLERS)
    String create(@PathVariable long requestId, Model model) {
        Ratings.Link link = ratings.linkFor(requestId);
        model.addAttribute("requestId", requestId);
        model.addAttribute("url", baseUrl + link.path());
        model.addAttribute("expires", Instant.ofEpochSecond(link.expires()));
        return "callbacks/section :: ratingLink";
    }

    @GetMapping("/s/rate/{requestId}")
    String page(@PathVariable long requestId, @RequestParam(required = false) Long expires,
            @RequestParam(required = false) String sig, Model model, Locale locale, HttpServletResponse response) {
        Optional<RequestWork.Job> job = ratings.byLink(requestId, expires, sig);
        if (job.isEmpty()) {
            return refused(expires, model, response);
        }
        model.addAttribute("form", new RatingForm());
        return form(job.get(), expires, sig, model, locale, response);
    }

    @PostMapping("/s/rate/{requestId}")
    String rate(@PathVariable long requestId, @RequestParam(required = false) Long expires,
            @RequestParam(required = false) String sig, @Valid @ModelAttribute("form") RatingForm form,
            BindingResult binding, Model model, Locale locale, HttpServletResponse response) {
        Optional<RequestWork.Job> job = ratings.byLink(requestId, expires, sig);
        if (job.isEmpty()) {
            return refused(expires, model, response);
        }
        if (!binding.hasErrors()) {
            try {
                ratings.rateByLink(requestId, expires, sig, form.stars());
                model.addAttribute("job", job.get());
                return "callbacks/rate-thanks";
            } catch (BusinessRuleException refused) {
                // Rated meanwhile or reopened since the link was sent: the page below says which. Anything else is
                // shown above the form, with the stars as given.
                binding.reject(refused.messageKey(), refused.arguments(), null);
            }
        }
        return form(job.get(), expires, sig, model, locale, response);
    }

    /** The rating form, or why the request cannot be rated (already rated, or back at work). */
    private String form(RequestWork.Job job, Long expires, String sig, Model model, Locale locale,
            HttpServletResponse response) {
        model.addAttribute("job", job);
        model.addAttribute("category", job.categoryName(locale));
        RequestWork.Resolution resolution = requests.resolutions(List.of(job.id())).get(job.id());
        model.addAttribute("done", resolution == null ? null : MessageTokens.translate(resolution.note(), messages, locale));
        model.addAttribute("expires", expires);
        model.addAttribute("sig", sig);
        if (ratings.of(job.id()).isPresent()) {
            model.addAttribute("already", true);
            return "callbacks/rate-thanks";
        }
        if (job.status() != RequestStatus.RESOLVED && job.status() != RequestStatus.CLOSED) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("reason", "rating.error.notResolved");
            return "callbacks/rate-refused";
        }
        return "callbacks/rate";
    }

    /** 410 for a genuine-looking link past its time, 404 for anything else: the owner is told which. */
    private String refused(Long expires, Model model, HttpServletResponse response) {
        Instant until = Ratings.expiry(expires);
        boolean expired = until != null && !dates.now().isBefore(until);
        response.setStatus(expired ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("reason", expired ? "rating.link.expired" : "rating.link.invalid");
        return "callbacks/rate-refused";
    }
}
