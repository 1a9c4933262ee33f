package org.propertydesk.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.SiteDirectory;
import org.propertydesk.requests.Priority;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.requests.RequestStatus;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.NotFoundException;
import org.propertydesk.shared.web.PageLinks;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The dispatcher board and a request's work orders: who should go, assigning in one click, reassigning and calling
 * off with a reason.
 */
@Controller
@RequestMapping("/dispatch")
@PreAuthorize(DispatchAccess.DISPATCHERS)
class DispatchBoardController {

    static final int PAGE_SIZE = 20;
    static final int SUGGESTIONS_ON_BOARD = 3;

    private final RequestWork requests;
    private final WorkOrderService service;
    private final WorkOrderQueries queries;
    private final WorkOrderPhotos photos;
    private final Suggestions suggestions;
    private final SiteDirectory sites;
    private final RecordsDirectory records;
    private final MessageSource messages;
    private final Dates dates;

    DispatchBoardController(RequestWork requests, WorkOrderService service, WorkOrderQueries queries,
            WorkOrderPhotos photos, Suggestions suggestions, SiteDirectory sites, RecordsDirectory records,
            MessageSource messages, Dates dates) {
        this.requests = requests;
        this.service = service;
        this.queries = queries;
        this.photos = photos;
        this.suggestions = suggestions;
        this.sites = sites;
        this.records = records;
        this.messages = messages;
        this.dates = dates;
    }

    /** A suggestion with its reasons in the reader's language. */
    record SuggestionView(Suggestions.Suggestion suggestion, List<String> reasons) {
    }

    /** One request on the board: where, what, when it is due, who has it, and who could take it. */
    record BoardRow(RequestWork.Job job, String where, String category, Instant nextDue, boolean arrivalNext,
            List<WorkOrderQueries.Row> orders, long activeOrders, List<SuggestionView> suggestions) {
    }

    @GetMapping
    String board(@RequestParam(required = false) Long siteId, @RequestParam(required = false) Long categoryId,
            @RequestParam(required = false) Priority priority, @RequestParam(defaultValue = "false") boolean unassigned,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        Page<RequestWork.Job> jobs = requests.board(new RequestWork.BoardFilter(siteId, categoryId, priority, unassigned),
                CurrentUser.siteScope(), PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        List<Long> ids = jobs.getContent().stream().map(RequestWork.Job::id).toList();
        Map<Long, List<WorkOrderQueries.Row>> orders = queries.forRequests(ids);
        List<RequestWork.Job> waiting = jobs.getContent().stream()
                .filter(j -> activeOf(orders.getOrDefault(j.id(), List.of())) == 0).toList();
        Map<Long, List<Suggestions.Suggestion>> ranked = suggestions.rankAll(waiting);
        Map<Long, String> houses = records.houses(jobs.getContent().stream().map(RequestWork.Job::houseId)
                .filter(Objects::nonNull).distinct().toList()).stream()
                .collect(Collectors.toMap(RecordsDirectory.HouseSummary::id, RecordsDirectory.HouseSummary::code));
        model.addAttribute("rows", jobs.getContent().stream().map(job -> {
            List<WorkOrderQueries.Row> rows = orders.getOrDefault(job.id(), List.of());
            boolean arrivalNext = job.arrivedAt() == null && job.dueArrivalAt() != null;
            return new BoardRow(job, job.houseId() != null ? houses.get(job.houseId()) : job.locationText(),
                    job.categoryName(locale), arrivalNext ? job.dueArrivalAt() : job.dueResolveAt(), arrivalNext, rows,
                    activeOf(rows), views(ranked.getOrDefault(job.id(), List.of()).stream()
                            .limit(SUGGESTIONS_ON_BOARD).toList(), locale));
        }).toList());
        model.addAttribute("pages", PageLinks.of(jobs));
        model.addAttribute("sites", sites.visibleIn(CurrentUser.siteScope()));
        model.addAttribute("categories", requests.categories().stream().filter(c -> c.parentId() == null)
                .map(c -> Map.entry(c.id(), c.name(locale))).toList());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("siteId", siteId);
        model.addAttribute("categoryId", categoryId);
        model.addAttribute("priority", priority);
        model.addAttribute("unassigned", unassigned);
        model.addAttribute("now", dates.now());
        return "dispatch/board";
    }

    /** The work-order section of the request page; dispatchers also get suggestions and the assign buttons. */
    @GetMapping("/requests/{id}/work-orders")
    @PreAuthorize(DispatchAccess.READERS)
    String section(@PathVariable long id, Model model, Locale locale) {
        RequestWork.Job job = visibleJob(id);
        List<WorkOrderQueries.Row> rows = queries.forRequest(id);
        boolean dispatcher = CurrentUser.find().map(u -> u.hasRole(Role.DISPATCHER) || u.hasRole(Role.MANAGER)
                || u.hasRole(Role.ADMIN)).orElse(false);
        boolean assignable = dispatcher && job.open() && job.status() != RequestStatus.RESOLVED
                && job.kind() != RequestKind.INQUIRY;
        List<Suggestions.Suggestion> ranked = assignable ? suggestions.rank(job) : List.of();
        model.addAttribute("job", job);
        model.addAttribute("rows", rows);
        model.addAttribute("activeOrders", activeOf(rows));
        model.addAttribute("assignable", assignable);
        model.addAttribute("suggestions", views(ranked, locale));
        model.addAttribute("photos", photos.ofAll(rows.stream().map(r -> r.order().getId()).toList()));
        return "dispatch/section :: workOrders";
    }

    /** Assigns, and goes back where the click came from: the request, or the board as it was filtered. */
    @PostMapping("/requests/{id}/work-orders")
    String assign(@PathVariable long id, @RequestParam(required = false) Long technicianId,
            @RequestParam(required = false) Long teamId, @RequestParam(required = false) Integer expectedActive,
            @RequestParam(defaultValue = "request") String back, @RequestParam(required = false) Long siteId,
            @RequestParam(required = false) Long categoryId, @RequestParam(required = false) Priority priority,
            @RequestParam(defaultValue = "false") boolean unassigned, RedirectAttributes redirect) {
        WorkOrder order = service.assign(id, new WorkOrder.Assignee(technicianId, teamId), expectedActive);
        Flash.success(redirect, "dispatch.assigned", order.getNumber(), service.assigneeName(order));
        if (!"board".equals(back)) {
            return "redirect:/requests/" + id;
        }
        if (siteId != null) {
            redirect.addAttribute("siteId", siteId);
        }
        if (categoryId != null) {
            redirect.addAttribute("categoryId", categoryId);
        }
        if (priority != null) {
            redirect.addAttribute("priority", priority);
        }
        if (unassigned) {
            redirect.addAttribute("unassigned", true);
        }
        return "redirect:/dispatch";
    }

    @PostMapping("/work-orders/{id}/reassign")
    String reassign(@PathVariable long id, @RequestParam(required = false) Long technicianId,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        WorkOrder order = service.reassign(id, new WorkOrder.Assignee(technicianId, null), reason, version);
        Flash.success(redirect, "dispatch.reassigned", order.getNumber(), service.assigneeName(order));
        return "redirect:/requests/" + order.getRequestId();
    }

    @PostMapping("/work-orders/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        WorkOrder order = service.cancel(id, reason, version);
        Flash.success(redirect, "dispatch.cancelled", order.getNumber());
        return "redirect:/requests/" + order.getRequestId();
    }

    /** A job photo, for those who may see the request. */
    @GetMapping("/work-orders/{id}/photos/{photoId}")
    @PreAuthorize(DispatchAccess.READERS)
    ResponseEntity<Resource> photo(@PathVariable long id, @PathVariable long photoId) {
        WorkOrderQueries.Row row = queries.find(id).orElseThrow(() -> new NotFoundException("WorkOrder", id));
        visibleJob(row.order().getRequestId());
        WorkOrderPhotos.Download download = photos.download(id, photoId)
                .orElseThrow(() -> new NotFoundException("Photo", photoId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.photo().getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(download.photo().getFileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(new FileSystemResource(download.path()));
    }

    private RequestWork.Job visibleJob(long requestId) {
        return requests.find(requestId).filter(j -> CurrentUser.siteScope().includes(j.siteId()))
                .orElseThrow(() -> new NotFoundException("Request", requestId));
    }

    private List<SuggestionView> views(List<Suggestions.Suggestion> ranked, Locale locale) {
        return ranked.stream().map(s -> new SuggestionView(s, s.reasons().stream()
                .map(r -> Suggestions.text(r, messages, locale)).toList())).toList();
    }

    private static long activeOf(List<WorkOrderQueries.Row> rows) {
        return rows.stream().filter(r -> r.order().getStatus().isActive()).count();
    }
}
