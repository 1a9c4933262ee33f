package org.propertydesk.callbacks;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.propertydesk.records.PhoneNumbers;
import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.SiteDirectory;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.MessageTokens;
import org.propertydesk.shared.web.NotFoundException;
import org.propertydesk.shared.web.PageLinks;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The front desk's callback queue and the page of one callback: who to call, what was done, the calls so far, and
 * the forms for a call that failed and for one that reached the owner.
 */
@Controller
@RequestMapping("/callbacks")
@PreAuthorize(CallbackController.CALLERS)
class CallbackController {

    /** Who makes callbacks. */
    static final String CALLERS = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK')";

    /** Who sees a request's callbacks on the request page. */
    static final String READERS = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK','DISPATCHER')";

    static final int PAGE_SIZE = 20;

    /** The outcomes of a call that did not reach the owner, in the order the form offers them. */
    static final List<AttemptOutcome> FAILED_OUTCOMES = List.of(AttemptOutcome.NO_ANSWER, AttemptOutcome.CALL_LATER,
            AttemptOutcome.WRONG_NUMBER, AttemptOutcome.REFUSED);

    /** Refusals of the callback rules that belong next to one field rather than above the form. */
    private static final Map<String, String> ATTEMPT_FIELDS = Map.of("callback.error.callBackAt", "callBackAt",
            "callback.error.textTooLong", "note");
    private static final Map<String, String> REACHED_FIELDS = Map.of("callback.error.satisfactionRequired",
            "satisfaction", "callback.error.textTooLong", "comment", "rating.error.overallRequired", "overall",
            "rating.error.stars", "overall", "rating.error.commentTooLong", "comment");

    private final CallbackQueue queue;
    private final CallbackDesk desk;
    private final CallbackService service;
    private final Ratings ratings;
    private final RequestWork requests;
    private final SiteDirectory sites;
    private final RecordsDirectory records;
    private final MessageSource messages;
    private final Dates dates;

    CallbackController(CallbackQueue queue, CallbackDesk desk, CallbackService service, Ratings ratings,
            RequestWork requests, SiteDirectory sites, RecordsDirectory records, MessageSource messages, Dates dates) {
        this.queue = queue;
        this.desk = desk;
        this.service = service;
        this.ratings = ratings;
        this.requests = requests;
        this.sites = sites;
        this.records = records;
        this.messages = messages;
        this.dates = dates;
    }

    /** A callback in the queue with what the front desk reads out: where, what, what was done and by whom. */
    record QueueRow(Callback callback, RequestWork.Job job, String where, String category, String phone,
            String done, String doneBy, Instant doneAt, boolean overdue) {
    }

    @GetMapping
    String queue(@RequestParam(defaultValue = "TODAY") CallbackQueue.When when,
            @RequestParam(required = false) Long siteId, @RequestParam(defaultValue = "0") int page, Model model,
            Locale locale) {
        SiteScope scope = CurrentUser.siteScope();
        Page<CallbackQueue.Row> rows = queue.list(when, siteId, scope, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        Map<Long, String> houses = houseCodes(rows.getContent().stream().map(row -> row.job().houseId())
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Instant now = dates.now();
        model.addAttribute("rows", rows.getContent().stream().map(row -> queueRow(row, houses, now, locale)).toList());
        model.addAttribute("pages", PageLinks.of(rows));
        model.addAttribute("counts", desk.counts(siteId, scope));
        model.addAttribute("tabs", CallbackQueue.When.values());
        model.addAttribute("when", when);
        model.addAttribute("sites", sites.visibleIn(scope));
        model.addAttribute("siteId", siteId);
        return "callbacks/queue";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model, Locale locale) {
        Callback callback = desk.callback(id);
        AttemptForm attempt = new AttemptForm();
        attempt.setVersion(callback.getVersion());
        ReachedForm reached = new ReachedForm();
        reached.setVersion(callback.getVersion());
        model.addAttribute("attemptForm", attempt);
        model.addAttribute("reachedForm", reached);
        return page(callback, model, locale);
    }

    @PostMapping("/{id}/attempts")
    String attempt(@PathVariable long id, @Valid @ModelAttribute("attemptForm") AttemptForm form,
            BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        Callback callback = desk.callback(id);
        if (!binding.hasErrors()) {
            try {
                Callback after = service.attempt(id, form.getOutcome(), form.callBackAt(dates.zone()), form.getNote(),
                        form.getVersion());
                String number = requests.find(after.getRequestId()).map(RequestWork.Job::number).orElse("");
                if (after.getStatus() == CallbackStatus.UNREACHABLE) {
                    Flash.success(redirect, "callback.flash.unreachable", number, after.getFailedAttempts());
                } else {
                    Flash.success(redirect, "callback.flash.attempt", number,
                            "callback.outcome." + form.getOutcome());
                }
                return "redirect:/callbacks";
            } catch (BusinessRuleException refused) {
                onForm(binding, refused, ATTEMPT_FIELDS, locale);
            }
        }
        ReachedForm reached = new ReachedForm();
        reached.setVersion(callback.getVersion());
        model.addAttribute("reachedForm", reached);
        return page(callback, model, locale);
    }

    @PostMapping("/{id}/reached")
    String reached(@PathVariable long id, @Valid @ModelAttribute("reachedForm") ReachedForm form,
            BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        Callback callback = desk.callback(id);
        if (!binding.hasErrors()) {
            try {
                Callback after = desk.reached(id, form.answer(), form.getNote(), form.getVersion(), form.stars());
                String number = requests.find(after.getRequestId()).map(RequestWork.Job::number).orElse("");
                Flash.success(redirect, form.answer().sendsBack() ? "callback.flash.reopened" : "callback.flash.closed",
                        number);
                return "redirect:/callbacks";
            } catch (BusinessRuleException refused) {
                onForm(binding, refused, REACHED_FIELDS, locale);
            }
        }
        AttemptForm attempt = new AttemptForm();
        attempt.setVersion(callback.getVersion());
        model.addAttribute("attemptForm", attempt);
        return page(callback, model, locale);
    }

    /** The request page's callback section: the callbacks, the rating, and for callers the rating link. */
    @GetMapping("/requests/{requestId}/section")
    @PreAuthorize(READERS)
    String section(@PathVariable long requestId, Model model, Locale locale) {
        RequestWork.Job job = requests.find(requestId).filter(j -> CurrentUser.siteScope().includes(j.siteId()))
                .orElseThrow(() -> new NotFoundException("Request", requestId));
        model.addAttribute("job", job);
        model.addAttribute("callbacks", desk.ofRequest(requestId));
        model.addAttribute("rating", ratings.of(requestId).orElse(null));
        model.addAttribute("caller", CurrentUser.find()
                .map(u -> u.hasRole(Role.FRONT_DESK) || u.hasRole(Role.MANAGER) || u.hasRole(Role.ADMIN)).orElse(false));
        model.addAttribute("now", dates.now());
        return "callbacks/section :: callbacks";
    }

    private String page(Callback callback, Model model, Locale locale) {
        RequestWork.Job job = requests.find(callback.getRequestId())
                .orElseThrow(() -> new NotFoundException("Request", callback.getRequestId()));
        RequestWork.Resolution resolution = requests.resolutions(List.of(job.id())).get(job.id());
        model.addAttribute("callback", callback);
        model.addAttribute("job", job);
        model.addAttribute("where", job.houseId() != null
                ? houseCodes(Set.of(job.houseId())).getOrDefault(job.houseId(), job.locationText()) : job.locationText());
        model.addAttribute("category", job.categoryName(locale));
        model.addAttribute("phone", phone(job.contactPhone()));
        model.addAttribute("resolution", resolution);
        model.addAttribute("done", resolution == null ? null : MessageTokens.translate(resolution.note(), messages, locale));
        model.addAttribute("rating", ratings.of(job.id()).orElse(null));
        model.addAttribute("maxFailed", desk.maxFailedAttempts(callback.getSiteId()));
        model.addAttribute("outcomes", FAILED_OUTCOMES);
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute("now", dates.now());
        return "callbacks/callback";
    }

    private QueueRow queueRow(CallbackQueue.Row row, Map<Long, String> houses, Instant now, Locale locale) {
        RequestWork.Job job = row.job();
        RequestWork.Resolution resolution = row.resolution();
        Callback callback = row.callback();
        return new QueueRow(callback, job, job.houseId() != null ? houses.getOrDefault(job.houseId(), job.locationText())
                : job.locationText(), job.categoryName(locale), phone(job.contactPhone()),
                resolution == null ? null : MessageTokens.translate(resolution.note(), messages, locale),
                resolution == null ? null : resolution.by(), resolution == null ? null : resolution.at(),
                callback.getStatus() == CallbackStatus.DUE && now.isAfter(callback.getDueAt()));
    }

    private Map<Long, String> houseCodes(Set<Long> ids) {
        return records.houses(ids).stream()
                .collect(Collectors.toMap(RecordsDirectory.HouseSummary::id, RecordsDirectory.HouseSummary::code));
    }

    private static String phone(String raw) {
        return raw == null ? null : PhoneNumbers.display(PhoneNumbers.normalise(raw));
    }

    /**
     * A refusal the caller can put right goes next to its field, others (already done, changed meanwhile) above the
     * form; either way what was typed stays. Arguments naming a status are message keys, translated here.
     */
    private void onForm(BindingResult binding, BusinessRuleException refused, Map<String, String> fields,
            Locale locale) {
        Object[] arguments = refused.arguments() == null ? null : Arrays.stream(refused.arguments())
                .map(a -> a instanceof String key && key.matches("[a-zA-Z]+(\\.[a-zA-Z_]+)+")
                        ? messages.getMessage(key, null, key, locale) : a)
                .toArray();
        String field = fields.get(refused.messageKey());
        if (field == null) {
            binding.reject(refused.messageKey(), arguments, null);
        } else {
            binding.rejectValue(field, refused.messageKey(), arguments, null);
        }
    }
}
