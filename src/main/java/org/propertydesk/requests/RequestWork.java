package org.propertydesk.requests;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.propertydesk.shared.files.FileStore;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests as the dispatch module works them: what a job is about, and the state its work orders add up to. Callers
 * check who may see and change a request; this only keeps the request's own rules.
 */
@Service
@Transactional
public class RequestWork {

    private final ServiceRequestRepository requests;
    private final RequestQueue queue;
    private final RequestCategoryRepository categories;
    private final RequestAttachmentRepository attachments;
    private final FileStore files;
    private final SlaClock sla;
    private final Dates dates;

    RequestWork(ServiceRequestRepository requests, RequestQueue queue, RequestCategoryRepository categories,
            RequestAttachmentRepository attachments, FileStore files, SlaClock sla, Dates dates) {
        this.requests = requests;
        this.queue = queue;
        this.categories = categories;
        this.attachments = attachments;
        this.files = files;
        this.sla = sla;
        this.dates = dates;
    }

    /** A request as a dispatcher or technician needs to see it. */
    public record Job(long id, String number, RequestKind kind, Long categoryId, Long parentCategoryId,
            String categoryCode, String categoryNameZh, String categoryNameEn, String skill, Priority priority,
            RequestStatus status, Long siteId, Long houseId, Long customerId, String contactPhone, String locationText,
            String description, Instant receivedAt, Instant dueArrivalAt, Instant riskArrivalAt, Instant dueResolveAt,
            Instant arrivedAt, Instant resolvedAt, Instant promisedAt, Instant preferredFrom, Instant preferredTo,
            int workOrders, int reopenCount, boolean atRisk, boolean breached, boolean unverified, long version) {

        public String categoryName(Locale locale) {
            return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? categoryNameEn : categoryNameZh;
        }

        public boolean open() {
            return status.isOpen();
        }
    }

    /** A filter of the dispatcher board; a category matches its children too. */
    public record BoardFilter(Long siteId, Long categoryId, Priority priority, boolean unassignedOnly) {
    }

    /** A category a dispatcher can filter by or an automatic-dispatch rule can name. */
    public record Category(long id, Long parentId, String code, String nameZh, String nameEn, String skill) {

        public String name(Locale locale) {
            return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? nameEn : nameZh;
        }
    }

    public record Photo(long id, String fileName, boolean image) {
    }

    public record PhotoFile(String fileName, String contentType, Path path) {
    }

    @Transactional(readOnly = true)
    public Optional<Job> find(long requestId) {
        return requests.findWithCategoryById(requestId).map(this::job);
    }

    @Transactional(readOnly = true)
    public List<Job> find(Collection<Long> requestIds) {
        return requestIds.isEmpty() ? List.of() : requests.findWithCategoryByIdIn(requestIds).stream().map(this::job).toList();
    }

    /** Locks the request until the transaction ends: work-order changes on one request happen one at a time. */
    public Job lock(long requestId) {
        return requests.lockById(requestId).map(this::job).orElseThrow(() -> new NotFoundException("Request", requestId));
    }

    /** A new work order: the request is dispatched if it was not yet, and the timeline names who got the job. */
    public void assigned(long requestId, String detail) {
        ServiceRequest request = load(requestId);
        request.workOrderAdded(detail, actor(), dates.now(), sla.calendarFor(request));
        requests.save(request);
    }

    /** A work order moved: the request takes the state its work orders now add up to. */
    public void follow(long requestId, WorkState work, String eventType, String detail) {
        ServiceRequest request = load(requestId);
        request.followWork(work, eventType, detail, actor(), dates.now(), sla.calendarFor(request));
        requests.save(request);
    }

    /** The dispatcher board: unassigned first, then at risk, then by due time, within the given sites. */
    @Transactional(readOnly = true)
    public Page<Job> board(BoardFilter filter, SiteScope scope, Pageable pageable) {
        return queue.board(new RequestQueue.BoardFilter(filter.siteId(), filter.categoryId(), filter.priority(),
                filter.unassignedOnly()), scope, dates.now(), pageable).map(this::job);
    }

    /** Active categories in tree order, parents before their children. */
    @Transactional(readOnly = true)
    public List<Category> categories() {
        return categories.findAll().stream().filter(RequestCategory::isActive)
                .sorted(Comparator.comparingInt(RequestCategory::getSortOrder))
                .map(c -> new Category(c.getId(), c.getParent() == null ? null : c.getParent().getId(), c.getCode(),
                        c.getNameZh(), c.getNameEn(), c.getSkill()))
                .toList();
    }

    /** What was done and by whom: the latest resolution (or finished work) on the timeline. */
    public record Resolution(String note, String by, Instant at) {
    }

    /** The latest resolution of each request, by request id; requests never resolved are left out. */
    @Transactional(readOnly = true)
    public Map<Long, Resolution> resolutions(Collection<Long> requestIds) {
        Map<Long, Resolution> latest = new HashMap<>();
        if (!requestIds.isEmpty()) {
            for (Object[] row : requests.findResolutionEvents(requestIds)) {
                latest.put((Long) row[0], new Resolution((String) row[1], (String) row[2], (Instant) row[3]));
            }
        }
        return latest;
    }

    /** A moment so much business time after another, on the site's business calendar. */
    @Transactional(readOnly = true)
    public Instant plusBusinessTime(long siteId, Instant from, Duration amount) {
        return sla.siteCalendar(siteId).plus(from, amount);
    }

    /**
     * Resolved requests resolved at or before the moment, by id after {@code afterId}, at most {@code limit}: a caller
     * pages through all of them, so requests it skips never hold up the others.
     */
    @Transactional(readOnly = true)
    public List<Job> resolvedBefore(Instant moment, long afterId, int limit) {
        return requests.findResolvedBefore(moment, afterId, Limit.of(limit)).stream().map(this::job).toList();
    }

    /** The callback is done: noted on the timeline, which a complaint needs before it can close. */
    public void callbackDone(long requestId, String note) {
        ServiceRequest request = load(requestId);
        request.recordCallback(actor(), dates.now(), note);
        requests.save(request);
    }

    public void close(long requestId, String note) {
        ServiceRequest request = load(requestId);
        request.close(actor(), dates.now(), note);
        requests.save(request);
    }

    /** Back to work with the reason on the timeline, timed afresh; the site's dispatchers are told. */
    public void reopen(long requestId, String reason) {
        ServiceRequest request = load(requestId);
        request.reopen(actor(), dates.now(), reason, sla.restart(request, dates.now()));
        requests.save(request);
    }

    public void note(long requestId, String text, boolean internal) {
        ServiceRequest request = load(requestId);
        request.addNote(actor(), dates.now(), text, internal);
        requests.save(request);
    }

    /**
     * A finished work order went back to its technician as the request reopened. Called while the reopening is
     * being saved, so it changes the request in that same save rather than saving again.
     */
    public void workSentBack(long requestId) {
        load(requestId).workSentBack();
    }

    /** The skills categories ask for, which technician profiles choose from. */
    @Transactional(readOnly = true)
    public List<String> skills() {
        return requests.findSkills();
    }

    @Transactional(readOnly = true)
    public List<Photo> photos(long requestId) {
        return attachments.findByRequestIdOrderById(requestId).stream()
                .map(a -> new Photo(a.getId(), a.getFileName(), a.isImage())).toList();
    }

    @Transactional(readOnly = true)
    public Optional<PhotoFile> photo(long requestId, long attachmentId) {
        return attachments.findByIdAndRequestId(attachmentId, requestId).flatMap(a -> files.find(a.getStorageKey())
                .map(path -> new PhotoFile(a.getFileName(), a.getContentType(), path)));
    }

    /** Earlier requests at the same house, newest first: what a technician wants to know before going in. */
    @Transactional(readOnly = true)
    public List<Job> earlierAtHouse(long houseId, long exceptRequestId, int limit) {
        return requests.findLatestForHouse(houseId).stream().filter(r -> r.getId() != exceptRequestId).limit(limit)
                .map(this::job).toList();
    }

    private ServiceRequest load(long requestId) {
        return requests.findWithCategoryById(requestId).orElseThrow(() -> new NotFoundException("Request", requestId));
    }

    private Job job(ServiceRequest r) {
        RequestCategory category = r.getCategory();
        RequestCategory parent = category.getParent();
        Instant now = dates.now();
        return new Job(r.getId(), r.getNumber(), r.getKind(), category.getId(), parent == null ? null : parent.getId(),
                category.getCode(), category.getNameZh(), category.getNameEn(),
                category.getSkill() != null || parent == null ? category.getSkill() : parent.getSkill(), r.getPriority(),
                r.getStatus(), r.getSiteId(), r.getHouseId(), r.getCustomerId(), r.getContactPhone(),
                r.getLocationText(), r.getDescription(), r.getReceivedAt(), r.getDueArrivalAt(),
                r.riskOf(SlaTarget.ARRIVAL), r.getDueResolveAt(), r.getArrivedAt(), r.getResolvedAt(),
                r.getPromisedAt(), r.getPreferredFrom(), r.getPreferredTo(), r.getWorkOrders(), r.getReopenCount(),
                r.isAtRisk(now),
                r.isBreached(now), r.isUnverified(), r.getVersion());
    }

    private static ServiceRequest.Actor actor() {
        return new ServiceRequest.Actor(CurrentUser.username(), CurrentUser.displayName());
    }
}
