package org.propertydesk.dispatch;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The dispatch API's calls, each one transaction that also builds the answer: a work order's materials load lazily,
 * and a completion with photos stores them together with the completion, or neither.
 */
@Service
@Transactional
class WorkOrderApiService {

    /** The roles of {@link DispatchAccess#READERS}: they see every work order of the sites they serve. */
    private static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.FRONT_DESK, Role.DISPATCHER);

    private final WorkOrderService service;
    private final WorkOrderQueries queries;
    private final WorkOrderRepository workOrders;
    private final WorkOrderPhotos photos;
    private final Suggestions suggestions;
    private final RequestWork requests;
    private final MessageSource messages;
    private final Dates dates;

    WorkOrderApiService(WorkOrderService service, WorkOrderQueries queries, WorkOrderRepository workOrders,
            WorkOrderPhotos photos, Suggestions suggestions, RequestWork requests, MessageSource messages, Dates dates) {
        this.service = service;
        this.queries = queries;
        this.workOrders = workOrders;
        this.photos = photos;
        this.suggestions = suggestions;
        this.requests = requests;
        this.messages = messages;
        this.dates = dates;
    }

    /** Whether the caller sees all work orders of their sites, rather than only their own jobs. */
    static boolean readsAll() {
        return CurrentUser.get().roles().stream().anyMatch(READERS::contains);
    }

    @Transactional(readOnly = true)
    List<DispatchApiJson.SuggestionJson> suggestions(long requestId, Locale locale) {
        return suggestions.rank(visibleJob(requestId)).stream()
                .map(s -> DispatchApiJson.SuggestionJson.of(s, s.reasons().stream()
                        .map(r -> Suggestions.text(r, messages, locale)).toList()))
                .toList();
    }

    DispatchApiJson.WorkOrderJson assign(long requestId, WorkOrder.Assignee assignee, Integer expectedActive) {
        return json(service.assign(requestId, assignee, expectedActive));
    }

    DispatchApiJson.WorkOrderJson accept(long id) {
        return json(service.accept(id));
    }

    DispatchApiJson.WorkOrderJson decline(long id, String reason) {
        return json(service.decline(id, reason));
    }

    DispatchApiJson.WorkOrderJson arrive(long id) {
        return json(service.arrive(id));
    }

    DispatchApiJson.WorkOrderJson pause(long id, String reason, Instant expectedResume) {
        return json(service.pause(id, reason, expectedResume));
    }

    DispatchApiJson.WorkOrderJson resume(long id) {
        return json(service.resume(id));
    }

    /** Completes the job, then stores the after photos; a refused photo undoes the completion too. */
    DispatchApiJson.WorkOrderJson complete(long id, DispatchApiJson.Completion completion, List<MultipartFile> after,
            Locale locale) {
        WorkOrder order = service.complete(id, completion.completion(), completion.lines(), locale);
        photos.add(order, WorkOrderPhoto.Stage.AFTER, after);
        return json(order);
    }

    /** The caller's open jobs (their own, and their team's not yet taken), optionally of one request. */
    @Transactional(readOnly = true)
    List<DispatchApiJson.WorkOrderJson> mine(Long requestId) {
        List<WorkOrderQueries.MyJob> jobs = queries.openJobs(CurrentUser.get().id()).stream()
                .filter(j -> requestId == null || j.job().id() == requestId).toList();
        Map<Long, WorkOrderQueries.Row> rows = queries.rows(jobs.stream().map(WorkOrderQueries.MyJob::order).toList())
                .stream().collect(Collectors.toMap(r -> r.order().getId(), Function.identity()));
        return jobs.stream()
                .map(j -> DispatchApiJson.WorkOrderJson.of(rows.get(j.order().getId()), j.job(), dates.zone()))
                .toList();
    }

    /** All work orders of a request of the caller's sites, oldest first. */
    @Transactional(readOnly = true)
    List<DispatchApiJson.WorkOrderJson> ofRequest(long requestId) {
        RequestWork.Job job = visibleJob(requestId);
        return queries.forRequest(requestId).stream()
                .map(row -> DispatchApiJson.WorkOrderJson.of(row, job, dates.zone())).toList();
    }

    /** A work order of the caller's sites for those who read them all, otherwise only the technician's own. */
    @Transactional(readOnly = true)
    DispatchApiJson.WorkOrderJson get(long id) {
        PropertyDeskUser me = CurrentUser.get();
        Optional<WorkOrder> order = readsAll()
                ? workOrders.findById(id).filter(w -> me.siteScope().includes(w.getSiteId()))
                : Optional.empty();
        return order.or(() -> me.hasRole(Role.TECHNICIAN) ? service.findMine(id) : Optional.empty())
                .map(this::json)
                .orElseThrow(() -> new NotFoundException("WorkOrder", id));
    }

    private RequestWork.Job visibleJob(long requestId) {
        return requests.find(requestId).filter(job -> CurrentUser.siteScope().includes(job.siteId()))
                .orElseThrow(() -> new NotFoundException("Request", requestId));
    }

    private DispatchApiJson.WorkOrderJson json(WorkOrder order) {
        RequestWork.Job job = requests.find(order.getRequestId()).orElseThrow();
        return DispatchApiJson.WorkOrderJson.of(queries.rows(List.of(order)).get(0), job, dates.zone());
    }
}
