package org.propertydesk.requests;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import jakarta.validation.Valid;

import org.propertydesk.records.PhoneNumbers;
import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.SiteDirectory;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.PageLinks;
import org.propertydesk.shared.web.MessageTokens;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.data.domain.PageRequest;
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
 * The front desk's request pages: the queues, one-screen intake with a live SLA preview, and the request itself.
 */
@Controller
@RequestMapping("/requests")
@PreAuthorize(RequestController.STAFF)
class RequestController {

    static final String STAFF = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK','DISPATCHER')";

    private final RequestService service;
    private final RequestAttachments attachments;
    private final RequestQueue queue;
    private final RequestCategoryRepository categories;
    private final SiteDirectory sites;
    private final RecordsDirectory records;
    private final Dates dates;
    private final ReplyTemplates replies;
    private final MessageSource messages;
    private final List<RequestPageSection> sections;

    RequestController(RequestService service, RequestAttachments attachments, RequestQueue queue,
            RequestCategoryRepository categories, SiteDirectory sites, RecordsDirectory records, Dates dates,
            ReplyTemplates replies, MessageSource messages, List<RequestPageSection> sections) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(RequestPageSection::order)).toList();
        this.replies = replies;
        this.messages = messages;
        this.service = service;
        this.attachments = attachments;
        this.queue = queue;
        this.categories = categories;
        this.sites = sites;
        this.records = records;
        this.dates = dates;
    }

    @ModelAttribute
    void reference(Model model, Locale locale) {
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        model.addAttribute("kinds", RequestKind.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("scopes", Scope.values());
        model.addAttribute("categoryNames", categoryNames(locale));
    }

    @GetMapping
    String queues(@RequestParam(defaultValue = "OPEN") RequestQueue.Queue q, @RequestParam(required = false) Long siteId,
            @RequestParam(required = false) RequestKind kind, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<ServiceRequest> result = queue.list(new RequestQueue.Filter(q, siteId, kind), CurrentUser.siteScope(),
                CurrentUser.username(), dates.now(), PageRequest.of(Math.max(page, 0), 30));
        model.addAttribute("requestPage", result);
        model.addAttribute("pages", PageLinks.of(result));
        model.addAttribute("queue", q);
        model.addAttribute("queues", RequestQueue.Queue.values());
        model.addAttribute("siteId", siteId);
        model.addAttribute("kind", kind);
        model.addAttribute("now", dates.now());
        model.addAttribute("counts", queue.counts(siteId, CurrentUser.siteScope(), CurrentUser.username(), dates.now()));
        model.addAttribute("houses", houseCodes(result.getContent()));
        return "requests/queues";
    }

    @GetMapping("/counts")
    String counts(@RequestParam(required = false) Long siteId, @RequestParam(defaultValue = "OPEN") RequestQueue.Queue q,
            @RequestParam(required = false) RequestKind kind, Model model) {
        model.addAttribute("counts", queue.counts(siteId, CurrentUser.siteScope(), CurrentUser.username(), dates.now()));
        model.addAttribute("queue", q);
        model.addAttribute("queues", RequestQueue.Queue.values());
        model.addAttribute("siteId", siteId);
        model.addAttribute("kind", kind);
        return "requests/queues :: tabs";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('ADMIN','MANAGER','FRONT_DESK','DISPATCHER')")
    String intake(@RequestParam(required = false) Long customerId, @RequestParam(required = false) Long houseId,
            Model model, Locale locale) {
        IntakeForm form = new IntakeForm();
        if (customerId != null) {
            records.customer(customerId, CurrentUser.siteScope()).ifPresent(customer -> {
                form.setCustomerId(customer.id());
                form.setContactPhone(customer.primaryPhone());
                if (houseId == null && customer.currentHouses().size() == 1) {
                    form.setHouseId(customer.currentHouses().get(0).id());
                    form.setSiteId(customer.currentHouses().get(0).siteId());
                }
            });
        }
        if (houseId != null) {
            records.house(houseId, CurrentUser.siteScope()).ifPresent(house -> {
                form.setHouseId(house.id());
                form.setSiteId(house.siteId());
            });
        }
        if (form.getSiteId() == null && sites.visibleIn(CurrentUser.siteScope()).size() == 1) {
            form.setSiteId(sites.visibleIn(CurrentUser.siteScope()).get(0).id());
        }
        model.addAttribute("form", form);
        return intakePage(form, model, locale);
    }

    /** The live preview beside the intake form: priority after the care-flag raise, due times, open requests. */
    @PostMapping("/preview")
    String preview(@ModelAttribute("form") IntakeForm form, Model model, Locale locale) {
        model.addAttribute("preview", previewOf(form, locale));
        return "requests/intake :: preview";
    }

    @PostMapping
    String receive(@Valid @ModelAttribute("form") IntakeForm form, BindingResult binding,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(defaultValue = "false") boolean resolveAtIntake, @RequestParam(required = false) String answer,
            Model model, Locale locale, RedirectAttributes redirect) {
        if (resolveAtIntake && form.getKind() != RequestKind.INQUIRY) {
            binding.reject("request.error.resolveAtIntake");
        }
        RequestAttachments.problemWith(files, 0).ifPresent(problem -> binding.reject(problem,
                new Object[] {RequestAttachments.MAX_PER_REQUEST}, null));
        if (form.getSiteId() != null && !CurrentUser.siteScope().includes(form.getSiteId())) {
            binding.rejectValue("siteId", "house.error.siteNotYours");
        }
        if (form.getHouseId() == null && (form.getLocationText() == null || form.getLocationText().isBlank())) {
            binding.rejectValue("locationText", "request.locationRequired");
        }
        if (form.getChannel() != Channel.PATROL && (form.getContactPhone() == null || form.getContactPhone().isBlank())) {
            binding.rejectValue("contactPhone", "request.contactPhoneRequired");
        }
        if (form.getPreferredFrom() != null && form.getPreferredTo() != null
                && form.getPreferredTo().isBefore(form.getPreferredFrom())) {
            binding.rejectValue("preferredTo", "request.preferredWindowOrder");
        }
        if (binding.hasErrors()) {
            return intakePage(form, model, locale);
        }
        ServiceRequest request;
        try {
            String answered = !resolveAtIntake ? null : answer == null || answer.isBlank()
                    ? messages.getMessage("request.answeredAtIntake", null, locale) : answer.strip();
            request = attachments.receive(form.toCommand(dates.zone()), files, answered);
        } catch (BusinessRuleException refused) {
            binding.reject(refused.messageKey(), refused.arguments(), null);
            return intakePage(form, model, locale);
        }
        Flash.success(redirect, "request.received", request.getNumber());
        return "redirect:/requests/" + request.getId();
    }

    /** The caller is chasing a request that already exists: count the follow-up instead of creating a duplicate. */
    @PostMapping("/{id}/follow-up")
    String followUp(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        ServiceRequest request = service.act(id, RequestAction.FOLLOW_UP, note, null);
        Flash.success(redirect, "request.followUpAdded", request.getNumber());
        return "redirect:/requests/" + id;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model, Locale locale) {
        ServiceRequest request = service.get(id);
        model.addAttribute("request", request);
        model.addAttribute("view", RequestView.of(request, dates.now()));
        model.addAttribute("house", request.getHouseId() == null ? null
                : records.house(request.getHouseId(), CurrentUser.siteScope()).orElse(null));
        model.addAttribute("customer", request.getCustomerId() == null ? null
                : records.customer(request.getCustomerId(), CurrentUser.siteScope()).orElse(null));
        model.addAttribute("site", records.site(request.getSiteId()).orElse(null));
        model.addAttribute("contactPhone", PhoneNumbers.display(PhoneNumbers.normalise(request.getContactPhone())));
        model.addAttribute("attachments", attachments.of(id));
        model.addAttribute("eventNotes", request.getEvents().stream().collect(Collectors.toMap(RequestEvent::getId,
                e -> e.getNote() == null ? "" : MessageTokens.translate(e.getNote(), messages, locale))));
        model.addAttribute("maxAttachments", RequestAttachments.MAX_PER_REQUEST);
        model.addAttribute("sections", sections.stream()
                .map(section -> Map.of("title", section.titleKey(), "url", section.url(id))).toList());
        return "requests/request";
    }

    @PostMapping("/{id}/attachments")
    String attach(@PathVariable long id, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            RedirectAttributes redirect) {
        attachments.attach(id, files);
        Flash.success(redirect, "file.added");
        return "redirect:/requests/" + id;
    }

    /** Streams a photo or document to someone who may see the request; the type was sniffed at upload. */
    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long attachmentId) {
        RequestAttachments.Download download = attachments.download(id, attachmentId)
                .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
        RequestAttachment attachment = download.attachment();
        ContentDisposition disposition = (attachment.isImage() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(attachment.getFileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(new FileSystemResource(download.path()));
    }

    @PostMapping("/{id}/actions/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String note,
            @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        RequestAction move = RequestAction.parse(action).orElseThrow(() -> new BusinessRuleException("request.error.unknownAction"));
        if (move.needsReason() && (note == null || note.isBlank())) {
            Flash.error(redirect, "request.error.reasonRequired");
            return "redirect:/requests/" + id;
        }
        ServiceRequest request = service.act(id, move, note, version);
        Flash.success(redirect, "request.action.done", "request.action." + move.name().toLowerCase(Locale.ROOT).replace("_", ""), request.getNumber());
        return "redirect:/requests/" + id;
    }

    @PostMapping("/{id}/notes")
    String addNote(@PathVariable long id, @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "false") boolean internal, RedirectAttributes redirect) {
        if (note == null || note.isBlank()) {
            Flash.error(redirect, "request.error.noteRequired");
            return "redirect:/requests/" + id;
        }
        service.addNote(id, note, internal);
        Flash.success(redirect, "request.noteAdded");
        return "redirect:/requests/" + id;
    }

    @PostMapping("/{id}/kind")
    String changeKind(@PathVariable long id, @RequestParam RequestKind kind, @RequestParam(required = false) String note,
            @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        service.changeKind(id, kind, note, version);
        Flash.success(redirect, "request.kindChanged");
        return "redirect:/requests/" + id;
    }

    @PostMapping("/{id}/priority")
    String changePriority(@PathVariable long id, @RequestParam Priority priority,
            @RequestParam(required = false) String note, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        service.changePriority(id, priority, note, version);
        Flash.success(redirect, "request.priorityChanged");
        return "redirect:/requests/" + id;
    }

    /** Records what the caller was told on a later call ("someone will be there by 10:30"). */
    @PostMapping("/{id}/promise")
    String promise(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime promisedAt,
            @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        if (promisedAt == null) {
            Flash.error(redirect, "request.error.promiseTime");
            return "redirect:/requests/" + id;
        }
        service.promise(id, promisedAt.atZone(dates.zone()).toInstant(), version);
        Flash.success(redirect, "request.promiseRecorded");
        return "redirect:/requests/" + id;
    }

    private String intakePage(IntakeForm form, Model model, Locale locale) {
        if (form.getCustomerId() != null) {
            model.addAttribute("customer", records.customer(form.getCustomerId(), CurrentUser.siteScope()).orElse(null));
        }
        if (form.getHouseId() != null) {
            model.addAttribute("house", records.house(form.getHouseId(), CurrentUser.siteScope()).orElse(null));
        }
        model.addAttribute("categories", categories.findAllOrdered().stream().filter(RequestCategory::isActive).toList());
        model.addAttribute("preview", previewOf(form, locale));
        return "requests/intake";
    }

    private IntakePreview previewOf(IntakeForm form, Locale locale) {
        return IntakePreview.of(form, service, replies, dates, locale);
    }

    private Map<String, String> categoryNames(Locale locale) {
        return categories.findAllOrdered().stream().collect(Collectors.toMap(RequestCategory::getCode,
                c -> c.name(locale)));
    }

    private Map<Long, String> houseCodes(List<ServiceRequest> requests) {
        var ids = requests.stream().map(ServiceRequest::getHouseId).filter(Objects::nonNull).distinct().toList();
        return records.houses(ids).stream().collect(Collectors.toMap(RecordsDirectory.HouseSummary::id,
                h -> h.siteCode() + " " + h.code()));
    }
}
