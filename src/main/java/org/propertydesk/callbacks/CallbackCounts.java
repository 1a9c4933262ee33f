package org.propertydesk.callbacks;

import java.util.List;
import java.util.Map;

import org.propertydesk.shared.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * How many callbacks wait, for other modules: the counts of the callback list's "today" (overdue included) and
 * "overdue" tabs for the current user over every site they serve, each with the {@code when} of the list
 * ({@code /callbacks?when=...}) that holds them.
 */
@Service
public class CallbackCounts {

    private static final List<CallbackQueue.When> SHOWN = List.of(CallbackQueue.When.TODAY, CallbackQueue.When.OVERDUE);

    /** One tab: its {@code when} parameter (also the key of its name, {@code callback.tab.<when>}) and its size. */
    public record Due(String when, long count) {
    }

    private final CallbackQueue queue;

    CallbackCounts(CallbackQueue queue) {
        this.queue = queue;
    }

    public List<Due> forCurrentUser() {
        Map<CallbackQueue.When, Long> counts = queue.counts(null, CurrentUser.siteScope());
        return SHOWN.stream().map(when -> new Due(when.name(), counts.getOrDefault(when, 0L))).toList();
    }
}
