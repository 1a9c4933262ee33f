package org.propertydesk.requests;

import java.time.Instant;

import org.propertydesk.shared.web.BusinessRuleException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests as other modules create and move them (the owner portal, demo data): the same rules as the front desk's,
 * as the current user.
 */
@Service
@Transactional
public class RequestIntake {

    private final RequestService requests;

    RequestIntake(RequestService requests) {
        this.requests = requests;
    }

    public record NewRequest(RequestKind kind, String categoryCode, Channel channel, Long siteId, Priority priority,
            Long houseId, Long customerId, String contactPhone, String locationText, String description,
            Instant promisedAt) {
    }

    /** Receives a request and returns its id. */
    public long receive(NewRequest request) {
        return requests.receive(new IntakeCommand(request.kind(), request.categoryCode(), request.channel(),
                request.siteId(), request.priority(), null, request.houseId(), request.customerId(),
                request.contactPhone(), request.locationText(), request.description(), null, null,
                request.promisedAt())).getId();
    }

    /** Makes a named move (acknowledge, dispatch, arrive, hold, resume, resolve, close, reopen, cancel, callback). */
    public void act(long requestId, String action, String note) {
        RequestAction move = RequestAction.parse(action).orElseThrow(() -> new BusinessRuleException("request.error.unknownAction"));
        requests.act(requestId, move, note, null);
    }
}
