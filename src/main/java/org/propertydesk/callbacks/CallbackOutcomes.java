package org.propertydesk.callbacks;

import org.propertydesk.shared.web.BusinessRuleException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Callbacks as other modules record them (demo data today), by request: the same rules as the callback pages, as
 * the current user.
 */
@Service
@Transactional
public class CallbackOutcomes {

    private final CallbackRepository callbacks;
    private final CallbackService service;

    CallbackOutcomes(CallbackRepository callbacks, CallbackService service) {
        this.callbacks = callbacks;
        this.service = service;
    }

    /** Whether a callback is due on the request now. */
    @Transactional(readOnly = true)
    public boolean isDue(long requestId) {
        return callbacks.findFirstByRequestIdAndStatus(requestId, CallbackStatus.DUE).isPresent();
    }

    /** A call that did not get through: NO_ANSWER, WRONG_NUMBER or REFUSED. */
    public void failed(long requestId, String outcome, String note) {
        service.attempt(due(requestId), AttemptOutcome.valueOf(outcome), null, note, null);
    }

    /** The owner was reached; satisfaction is SATISFIED, NEUTRAL or UNSATISFIED. */
    public void reached(long requestId, boolean solved, String satisfaction, String comment) {
        service.reached(due(requestId), new Callback.Answer(solved, Satisfaction.valueOf(satisfaction), comment), null,
                null);
    }

    private long due(long requestId) {
        return callbacks.findFirstByRequestIdAndStatus(requestId, CallbackStatus.DUE).map(Callback::getId)
                .orElseThrow(() -> new BusinessRuleException("callback.error.noneDue"));
    }
}
