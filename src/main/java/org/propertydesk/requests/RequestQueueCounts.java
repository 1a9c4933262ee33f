package org.propertydesk.requests;

import java.util.List;
import java.util.Map;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.springframework.stereotype.Service;

/**
 * The sizes of the front desk's queues for other modules: the very counts the request list's tabs show the current
 * user over every site they serve, each with the {@code q} of the list ({@code /requests?q=...}) that holds them.
 */
@Service
public class RequestQueueCounts {

    /** The queues worth a number, in the order of the list's tabs. */
    private static final List<RequestQueue.Queue> SHOWN = List.of(RequestQueue.Queue.NEW, RequestQueue.Queue.AT_RISK,
            RequestQueue.Queue.BREACHED, RequestQueue.Queue.ON_HOLD, RequestQueue.Queue.MINE);

    /** One queue: its {@code q} parameter (also the key of its name, {@code request.queue.<queue>}) and its size. */
    public record QueueSize(String queue, long count) {
    }

    private final RequestQueue queue;
    private final Dates dates;

    RequestQueueCounts(RequestQueue queue, Dates dates) {
        this.queue = queue;
        this.dates = dates;
    }

    public List<QueueSize> forCurrentUser() {
        Map<RequestQueue.Queue, Long> counts = queue.counts(null, CurrentUser.siteScope(), CurrentUser.username(),
                dates.now());
        return SHOWN.stream().map(q -> new QueueSize(q.name(), counts.getOrDefault(q, 0L))).toList();
    }
}
