package org.propertydesk.callbacks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front desk's callback list: due today (overdue ones first), overdue only, everything still due, or recently
 * finished; each with the request, what was done and who did it.
 */
@Service
@Transactional(readOnly = true)
class CallbackQueue {

    enum When {
        TODAY, OVERDUE, DUE, FINISHED
    }

    /** A callback with its request and the latest resolution (what was done, by whom). */
    record Row(Callback callback, RequestWork.Job job, RequestWork.Resolution resolution) {
    }

    private final CallbackRepository callbacks;
    private final RequestWork requests;
    private final Dates dates;

    CallbackQueue(CallbackRepository callbacks, RequestWork requests, Dates dates) {
        this.callbacks = callbacks;
        this.requests = requests;
        this.dates = dates;
    }

    Page<Row> list(When when, Long siteId, SiteScope scope, Pageable pageable) {
        Page<Callback> page = callbacks.list(scope.allSites(), ids(scope), siteId, when == When.FINISHED, before(when),
                pageable);
        List<Long> requestIds = page.getContent().stream().map(Callback::getRequestId).toList();
        Map<Long, RequestWork.Job> jobs = requests.find(requestIds).stream()
                .collect(Collectors.toMap(RequestWork.Job::id, Function.identity()));
        Map<Long, RequestWork.Resolution> resolutions = requests.resolutions(requestIds);
        return new PageImpl<>(page.getContent().stream()
                .map(c -> new Row(c, jobs.get(c.getRequestId()), resolutions.get(c.getRequestId()))).toList(),
                pageable, page.getTotalElements());
    }

    /** How many are due today (overdue included) and how many are overdue, for the tabs. */
    Map<When, Long> counts(Long siteId, SiteScope scope) {
        return Map.of(When.TODAY, callbacks.countDue(scope.allSites(), ids(scope), siteId, before(When.TODAY)),
                When.OVERDUE, callbacks.countDue(scope.allSites(), ids(scope), siteId, before(When.OVERDUE)));
    }

    /** Due before this moment: the end of today (Shanghai), now for overdue, or any time for everything due. */
    private Instant before(When when) {
        return switch (when) {
            case TODAY -> dates.today().plusDays(1).atStartOfDay(dates.zone()).toInstant();
            case OVERDUE -> dates.now();
            case DUE, FINISHED -> Instant.parse("9999-12-31T00:00:00Z");
        };
    }

    private static List<Long> ids(SiteScope scope) {
        return List.copyOf(scope.idsForQuery());
    }
}
