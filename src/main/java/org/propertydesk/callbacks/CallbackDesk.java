package org.propertydesk.callbacks;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the callback pages need beyond the callback rules: callbacks with their calls loaded (the pages render after
 * the transaction), the tab counts, and reaching the owner together with the stars they gave on the phone.
 */
@Service
@Transactional
class CallbackDesk {

    private final CallbackRepository callbacks;
    private final CallbackSettingRepository settings;
    private final CallbackService service;
    private final CallbackQueue queue;
    private final Ratings ratings;

    CallbackDesk(CallbackRepository callbacks, CallbackSettingRepository settings, CallbackService service,
            CallbackQueue queue, Ratings ratings) {
        this.callbacks = callbacks;
        this.settings = settings;
        this.service = service;
        this.queue = queue;
        this.ratings = ratings;
    }

    /** A callback of a site the current user serves, with its calls; another site's is "not found". */
    @Transactional(readOnly = true)
    Callback callback(long id) {
        return callbacks.findById(id).filter(c -> CurrentUser.siteScope().includes(c.getSiteId()))
                .map(CallbackDesk::withAttempts).orElseThrow(() -> new NotFoundException("Callback", id));
    }

    /** Every callback of a request, one per resolution, with their calls. The caller checks the request is visible. */
    @Transactional(readOnly = true)
    List<Callback> ofRequest(long requestId) {
        return callbacks.findByRequestIdOrderById(requestId).stream().map(CallbackDesk::withAttempts).toList();
    }

    @Transactional(readOnly = true)
    int maxFailedAttempts(long siteId) {
        return settings.effective(siteId).getMaxFailedAttempts();
    }

    /** The tab counts: due today (overdue included), overdue, and everything still due. */
    @Transactional(readOnly = true)
    Map<CallbackQueue.When, Long> counts(Long siteId, SiteScope scope) {
        Map<CallbackQueue.When, Long> counts = new EnumMap<>(queue.counts(siteId, scope));
        counts.put(CallbackQueue.When.DUE,
                queue.list(CallbackQueue.When.DUE, siteId, scope, PageRequest.of(0, 1)).getTotalElements());
        return counts;
    }

    /**
     * The owner was reached; the stars they gave on the phone, if any, are saved in the same transaction. They are
     * recorded first, while the request is still resolved: an unsatisfied answer reopens it, and a reopened request
     * cannot be rated.
     */
    Callback reached(long callbackId, Callback.Answer answer, String note, Long expectedVersion,
            RequestRating.Stars stars) {
        if (stars != null) {
            Callback callback = callback(callbackId);
            BusinessRuleException.requireVersion(expectedVersion, callback.getVersion());
            ratings.record(callback.getRequestId(), stars, RequestRating.Channel.CALLBACK);
        }
        return service.reached(callbackId, answer, note, expectedVersion);
    }

    /** The pages render after the transaction, so the lazy list of calls is read here. */
    private static Callback withAttempts(Callback callback) {
        callback.getAttempts().size();
        return callback;
    }
}
