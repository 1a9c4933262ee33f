package org.propertydesk.portal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.propertydesk.callbacks.OwnerRatings;
import org.propertydesk.callbacks.RatingForm;
import org.propertydesk.dispatch.AssignedTechnician;
import org.propertydesk.requests.OwnerRequests;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.files.FileStore;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.MessageTokens;
import org.propertydesk.shared.web.NotFoundException;
import org.propertydesk.shared.web.PageLinks;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's requests: report a problem with photos and see the promise before sending it, follow a request as it
 * moves, cancel it before anyone is sent, say whether it is fixed, and rate it. Every id of another household is
 * "not found".
 */
@Controller
@RequestMapping("/portal/requests")
@PreAuthorize("hasRole('OWNER')")
class PortalRequestController {

    /** As many photos as any request may have. */
    static final int MAX_PHOTOS = 5;
    static final int MAX_REASON = 500;
    static final int PAGE_SIZE = 20;

    /**
     * Timeline events whose notes are people's words to or about the owner (reasons, what was done, a kind change
     * told in message keys); the others carry work-order numbers, counts or codes that mean nothing to an owner.
     */
    private static final Set<String> READABLE_NOTES = Set.of("acknowledged", "dispatched", "arrived", "held", "resumed",
            "resolved", "resolvedAtIntake", "closed", "callbackDone", "reopened", "cancelled", "kindChanged",
            "followUp", "note", "verified", "ownerConfirmed", "incidentLinked", "incidentUpdate");

    /** One line of the owner's timeline: the event's message key suffix and its note, if it is for them. */
    record TimelineEntry(Instant at, String type, String note) {
    }

    /** A category in the reader's language. */
    record CategoryChoice(String code, String name) {
    }

    private final CurrentHousehold households;
    private final OwnerRequests requests;
    private final RequestWork work;
    private final AssignedTechnician technicians;
    private final OwnerRatings ratings;
    private final MessageSource messages;
    private final Dates dates;

    PortalRequestController(CurrentHousehold households, OwnerRequests requests, RequestWork work,
            AssignedTechnician technicians, OwnerRatings ratings, MessageSource messages, Dates dates) {
        this.households = households;
        this.requests = requests;
        this.work = work;
        this.technicians = technicians;
        this.ratings = ratings;
        this.messages = messages;
        this.dates = dates;
    }

    // Reporting a problem

    @GetMapping("/new")
    String newRequest(@RequestParam(required = false) Long houseId, Model model, Locale locale) {
        CurrentHousehold.Owner owner = households.get();
        PortalRequestForm form = new PortalRequestForm();
        if (houseId != null) {
            form.setHouseId(owner.house(houseId).orElseThrow(() -> new NotFoundException("house", houseId)).id());
        } else if (owner.houses().size() == 1) {
            form.setHouseId(owner.houses().get(0).id());
        }
        households.phone(owner).ifPresent(form::setContactPhone);
        model.addAttribute("form", form);
        return newPage(owner, form, model, locale);
    }

    /** The promise beside the form, as the front desk would make it: refreshed as kind, category or house change. */
    @GetMapping("/promise")
    String promise(@RequestParam(required = false) RequestKind kind, @RequestParam(required = false) String categoryCode,
            @RequestParam(required = false) Long houseId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime preferredTo,
            Model model) {
        CurrentHousehold.Owner owner = households.get();
        model.addAttribute("promise", promiseFor(owner, kind, categoryCode, houseId, preferredTo));
        return "portal/request-new :: promise";
    }

    @PostMapping
    String submit(@ModelAttribute("form") PortalRequestForm form, BindingResult binding, Model model, Locale locale,
            RedirectAttributes redirect) {
        CurrentHousehold.Owner owner = households.get();
        if (form.getHouseId() != null && owner.house(form.getHouseId()).isEmpty()) {
            throw new NotFoundException("house", form.getHouseId());
        }
        check(form, binding);
        if (binding.hasErrors()) {
            return newPage(owner, form, model, locale);
        }
        long id;
        try {
            id = requests.submit(owner.household(), form.toRequest(dates.zone()), form.getPhotos());
        } catch (BusinessRuleException refused) {
            if (refused.messageKey().startsWith("file.error.")) {
                binding.rejectValue("photos", refused.messageKey(), refused.arguments(), null);
            } else if ("request.error.categoryNotFound".equals(refused.messageKey())) {
                binding.rejectValue("categoryCode", refused.messageKey());
            } else {
                binding.reject(refused.messageKey(), refused.arguments(), null);
            }
            return newPage(owner, form, model, locale);
        }
        String number = requests.find(owner.household(), id).map(d -> d.summary().number()).orElse("");
        Flash.success(redirect, "portal.request.submitted", number);
        return "redirect:/portal/requests/" + id;
    }

    private void check(PortalRequestForm form, BindingResult binding) {
        if (form.getKind() == null && !binding.hasFieldErrors("kind")) {
            binding.rejectValue("kind", "portal.request.error.kindRequired");
        }
        if (form.getHouseId() == null && !binding.hasFieldErrors("houseId")) {
            binding.rejectValue("houseId", "portal.request.error.houseRequired");
        }
        if (form.getCategoryCode() == null || work.categories().stream()
                .noneMatch(c -> c.code().equals(form.getCategoryCode()))) {
            binding.rejectValue("categoryCode", "request.error.categoryNotFound");
        }
        String description = form.getDescription() == null ? "" : form.getDescription().strip();
        if (description.isEmpty()) {
            binding.rejectValue("description", "portal.request.error.descriptionRequired");
        } else if (description.length() > PortalRequestForm.MAX_DESCRIPTION) {
            binding.rejectValue("description", "request.error.textTooLong",
                    new Object[] {PortalRequestForm.MAX_DESCRIPTION}, null);
        }
        String phone = form.getContactPhone();
        if (phone != null && (phone.strip().length() > PortalRequestForm.MAX_PHONE || !phone.matches("[0-9+()\\-\\s]*"))) {
            binding.rejectValue("contactPhone", "validation.phone");
        }
        Instant now = dates.now();
        Instant from = PortalRequestForm.instant(form.getPreferredFrom(), dates.zone());
        Instant to = PortalRequestForm.instant(form.getPreferredTo(), dates.zone());
        if (from != null && from.isBefore(now)) {
            binding.rejectValue("preferredFrom", "portal.request.error.windowPast");
        }
        if (to != null && to.isBefore(now)) {
            binding.rejectValue("preferredTo", "portal.request.error.windowPast");
        } else if (from != null && to != null && !to.isAfter(from)) {
            binding.rejectValue("preferredTo", "portal.request.error.windowOrder");
        }
        photoProblem(form.getPhotos(), 0).ifPresent(problem ->
                binding.rejectValue("photos", problem.key(), problem.arguments(), null));
    }

    private String newPage(CurrentHousehold.Owner owner, PortalRequestForm form, Model model, Locale locale) {
        model.addAttribute("houses", owner.houses());
        model.addAttribute("kinds", RequestKind.values());
        model.addAttribute("categories", work.categories().stream().filter(c -> c.parentId() == null)
                .map(c -> new CategoryChoice(c.code(), c.name(locale))).toList());
        model.addAttribute("maxPhotos", MAX_PHOTOS);
        model.addAttribute("maxBytes", FileStore.MAX_BYTES);
        model.addAttribute("promise", promiseFor(owner, form.getKind(), form.getCategoryCode(), form.getHouseId(),
                form.getPreferredTo()));
        return "portal/request-new";
    }

    /** The targets for what is chosen so far; nothing until kind, category and house are all chosen. */
    private OwnerRequests.Promise promiseFor(CurrentHousehold.Owner owner, RequestKind kind, String categoryCode,
            Long houseId, LocalDateTime preferredTo) {
        if (kind == null || categoryCode == null || categoryCode.isBlank() || houseId == null) {
            return null;
        }
        if (owner.house(houseId).isEmpty()) {
            throw new NotFoundException("house", houseId);
        }
        try {
            return requests.promise(owner.household(), houseId, kind, categoryCode,
                    PortalRequestForm.instant(preferredTo, dates.zone()));
        } catch (BusinessRuleException unknownCategory) {
            return null;
        }
    }

    // Following requests

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        CurrentHousehold.Owner owner = households.get();
        Page<OwnerRequests.Summary> result = requests.list(owner.household(), PageRequest.of(Math.min(Math.max(page, 0), 100_000), PAGE_SIZE,
                Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.desc("id"))));
        model.addAttribute("requestPage", result);
        model.addAttribute("pages", PageLinks.of(result));
        model.addAttribute("housesById", owner.housesById());
        return "portal/requests";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model, Locale locale) {
        return detailPage(households.get(), id, Map.of(), new RatingForm(), model, locale);
    }

    /** The timeline alone, which the page reloads every half minute. */
    @GetMapping("/{id}/timeline")
    String timeline(@PathVariable long id, Model model, Locale locale) {
        OwnerRequests.Detail detail = owned(households.get(), id);
        model.addAttribute("detail", detail);
        model.addAttribute("timeline", timelineOf(detail, locale));
        return "portal/request :: timeline";
    }

    /** A photo of the owner's request, shown inline; the type is the one sniffed at upload. */
    @GetMapping("/{id}/photos/{attachmentId}")
    ResponseEntity<Resource> photo(@PathVariable long id, @PathVariable long attachmentId) {
        RequestWork.PhotoFile file = requests.photo(households.get().household(), id, attachmentId)
                .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(new FileSystemResource(file.path()));
    }

    // The owner's moves

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, Model model, Locale locale,
            RedirectAttributes redirect) {
        CurrentHousehold.Owner owner = households.get();
        owned(owner, id);
        Optional<Flash.FlashMessage> problem = reasonProblem(reason);
        if (problem.isPresent()) {
            return detailPage(owner, id, Map.of("cancelReason", problem.get()), new RatingForm(), model, locale);
        }
        return act(id, redirect, "portal.request.cancelled", () -> requests.cancel(owner.household(), id, reason.strip()));
    }

    @PostMapping("/{id}/fixed")
    String fixed(@PathVariable long id, RedirectAttributes redirect) {
        CurrentHousehold.Owner owner = households.get();
        owned(owner, id);
        return act(id, redirect, "portal.request.confirmedFixed", () -> requests.confirmFixed(owner.household(), id));
    }

    @PostMapping("/{id}/not-fixed")
    String notFixed(@PathVariable long id, @RequestParam(required = false) String reason, Model model, Locale locale,
            RedirectAttributes redirect) {
        CurrentHousehold.Owner owner = households.get();
        owned(owner, id);
        Optional<Flash.FlashMessage> problem = reasonProblem(reason);
        if (problem.isPresent()) {
            return detailPage(owner, id, Map.of("notFixedReason", problem.get()), new RatingForm(), model, locale);
        }
        return act(id, redirect, "portal.request.reopened", () -> requests.notFixed(owner.household(), id, reason.strip()));
    }

    @PostMapping("/{id}/photos")
    String addPhotos(@PathVariable long id, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            Model model, Locale locale, RedirectAttributes redirect) {
        CurrentHousehold.Owner owner = households.get();
        OwnerRequests.Detail detail = owned(owner, id);
        Optional<Flash.FlashMessage> problem = photos == null || photos.stream().allMatch(MultipartFile::isEmpty)
                ? Optional.of(new Flash.FlashMessage("portal.request.error.photosRequired", new Object[0]))
                : photoProblem(photos, detail.photos().size());
        if (problem.isPresent()) {
            return detailPage(owner, id, Map.of("photos", problem.get()), new RatingForm(), model, locale);
        }
        try {
            requests.attach(owner.household(), id, photos);
        } catch (BusinessRuleException refused) {
            if (refused.messageKey().startsWith("file.error.")) {
                return detailPage(owner, id, Map.of("photos", new Flash.FlashMessage(refused.messageKey(),
                        refused.arguments())), new RatingForm(), model, locale);
            }
            Flash.error(redirect, refused.messageKey(), refused.arguments());
            return "redirect:/portal/requests/" + id;
        }
        Flash.success(redirect, "file.added");
        return "redirect:/portal/requests/" + id;
    }

    @PostMapping("/{id}/rating")
    String rate(@PathVariable long id, @ModelAttribute("ratingForm") RatingForm form, BindingResult binding,
            Model model, Locale locale, RedirectAttributes redirect) {
        CurrentHousehold.Owner owner = households.get();
        owned(owner, id);
        Map<String, Flash.FlashMessage> refusals = new HashMap<>();
        for (String part : List.of("overall", "speed", "attitude", "quality")) {
            Integer stars = (Integer) binding.getRawFieldValue(part);
            if (binding.hasFieldErrors(part) || (stars != null && (stars < 1 || stars > 5))) {
                refusals.put("rating." + part, new Flash.FlashMessage("rating.error.stars", new Object[0]));
            }
        }
        if (form.getOverall() == null && !refusals.containsKey("rating.overall")) {
            refusals.put("rating.overall", new Flash.FlashMessage("rating.error.overallRequired", new Object[0]));
        }
        if (form.getComment() != null && form.getComment().strip().length() > RatingForm.MAX_COMMENT) {
            refusals.put("rating.comment", new Flash.FlashMessage("rating.error.commentTooLong",
                    new Object[] {RatingForm.MAX_COMMENT}));
        }
        if (!refusals.isEmpty()) {
            return detailPage(owner, id, refusals, form, model, locale);
        }
        return act(id, redirect, "portal.rating.thanks", () -> ratings.rate(id, form));
    }

    /** Does the move; a rule that refuses it is told as a message on the request's page. */
    private String act(long id, RedirectAttributes redirect, String doneKey, Runnable move) {
        try {
            move.run();
            Flash.success(redirect, doneKey);
        } catch (BusinessRuleException refused) {
            Flash.error(redirect, refused.messageKey(), refused.arguments());
        }
        return "redirect:/portal/requests/" + id;
    }

    private String detailPage(CurrentHousehold.Owner owner, long id, Map<String, Flash.FlashMessage> refusals,
            RatingForm ratingForm, Model model, Locale locale) {
        OwnerRequests.Detail detail = owned(owner, id);
        model.addAttribute("detail", detail);
        model.addAttribute("request", detail.summary());
        model.addAttribute("house", owner.house(detail.summary().houseId()).orElse(null));
        model.addAttribute("technician", technicians.nameFor(id).orElse(null));
        model.addAttribute("timeline", timelineOf(detail, locale));
        model.addAttribute("rated", ratings.overall(id).orElse(null));
        model.addAttribute("mayRate", ratings.mayRate(id));
        model.addAttribute("ratingForm", ratingForm);
        model.addAttribute("refusals", refusals);
        model.addAttribute("maxPhotos", MAX_PHOTOS);
        model.addAttribute("maxBytes", FileStore.MAX_BYTES);
        model.addAttribute("maxReason", MAX_REASON);
        return "portal/request";
    }

    private OwnerRequests.Detail owned(CurrentHousehold.Owner owner, long id) {
        return requests.find(owner.household(), id).orElseThrow(() -> new NotFoundException("Request", id));
    }

    /** Newest first, with the notes that are meant for the owner, read in their language. */
    private List<TimelineEntry> timelineOf(OwnerRequests.Detail detail, Locale locale) {
        return detail.timeline().stream()
                .sorted(Comparator.comparing(OwnerRequests.Event::at).reversed())
                .map(e -> new TimelineEntry(e.at(), e.type(), READABLE_NOTES.contains(e.type())
                        ? MessageTokens.translate(e.note(), messages, locale) : null))
                .toList();
    }

    private static Optional<Flash.FlashMessage> reasonProblem(String reason) {
        if (reason == null || reason.isBlank()) {
            return Optional.of(new Flash.FlashMessage("request.error.reasonRequired", new Object[0]));
        }
        if (reason.strip().length() > MAX_REASON) {
            return Optional.of(new Flash.FlashMessage("request.error.textTooLong", new Object[] {MAX_REASON}));
        }
        return Optional.empty();
    }

    /** The same limits as at the front desk, checked before anything is stored: how many, and how large. */
    static Optional<Flash.FlashMessage> photoProblem(List<MultipartFile> photos, long alreadyAttached) {
        List<MultipartFile> real = photos == null ? List.of() : photos.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (alreadyAttached + real.size() > MAX_PHOTOS) {
            return Optional.of(new Flash.FlashMessage("file.error.tooMany", new Object[] {MAX_PHOTOS}));
        }
        return real.stream().filter(f -> f.getSize() > FileStore.MAX_BYTES).findFirst()
                .map(f -> new Flash.FlashMessage("file.error.tooLarge", new Object[0]));
    }
}
