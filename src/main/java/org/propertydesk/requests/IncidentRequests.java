package org.propertydesk.requests;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests as the incidents module links them to an incident (a water cut, a power cut): a call about a known incident
 * is taken in as an inquiry, which is never sent out to a technician, and is answered when the incident is over.
 * Updates of the incident reach every linked request's timeline, where the owner reads them. The incidents module
 * checks who may link and which incident a request belongs to; this keeps the requests' own rules.
 */
@Service
@Transactional
public class IncidentRequests {

    private final RequestService service;
    private final ServiceRequestRepository requests;
    private final RequestCategoryRepository categories;
    private final SlaClock sla;
    private final Dates dates;

    IncidentRequests(RequestService service, ServiceRequestRepository requests, RequestCategoryRepository categories,
            SlaClock sla, Dates dates) {
        this.service = service;
        this.requests = requests;
        this.categories = categories;
        this.sla = sla;
        this.dates = dates;
    }

    /** A caller reporting the incident: their house (optional), who they are, and what they said. */
    public record Call(long siteId, Long houseId, Long customerId, String contactPhone, String locationText,
            String description) {
    }

    /** A linked request as the incident page lists it. */
    public record Linked(long id, String number, RequestKind kind, RequestStatus status, long siteId, Long houseId,
            String contactPhone, Instant receivedAt, Instant resolvedAt, boolean workInHand) {
    }

    /**
     * Takes the call in as an inquiry of the first of the categories still in use, on the current user's sites (as
     * any intake), acknowledged at once and linked: {@code summary} is what the owner reads on the timeline. Returns
     * the new request's id.
     */
    public long receiveLinkedCall(Call call, List<String> categoryCodes, String summary) {
        String categoryCode = categoryCodes.stream()
                .filter(code -> categories.findByCode(code).filter(RequestCategory::isActive).isPresent())
                .findFirst().orElseThrow(() -> new BusinessRuleException("request.error.categoryNotFound"));
        ServiceRequest request = service.receive(new IntakeCommand(RequestKind.INQUIRY, categoryCode, Channel.PHONE,
                call.siteId(), null, null, call.houseId(), call.customerId(), call.contactPhone(), call.locationText(),
                call.description(), null, null, null));
        request.linkedToIncident(actor(), dates.now(), summary);
        return requests.save(request).getId();
    }

    /** The request of the current user's sites, as an incident page shows it; another site's is "not found". */
    @Transactional(readOnly = true)
    public Linked find(long requestId) {
        return linked(service.find(requestId).orElseThrow(() -> new NotFoundException("Request", requestId)));
    }

    /**
     * Links an existing request of the current user's sites. A closed request has nothing left to link, and one with
     * a technician on it stays with its work orders.
     */
    public void link(long requestId, String summary) {
        ServiceRequest request = service.get(requestId);
        if (!request.getStatus().isOpen()) {
            throw new BusinessRuleException("incident.error.requestClosed", request.getNumber());
        }
        if (request.isWorkInHand()) {
            throw new BusinessRuleException("incident.error.requestHasWork", request.getNumber());
        }
        request.linkedToIncident(actor(), dates.now(), summary);
        requests.save(request);
    }

    @Transactional(readOnly = true)
    public List<Linked> list(Collection<Long> requestIds) {
        return requestIds.isEmpty() ? List.of() : requests.findWithCategoryByIdIn(requestIds).stream()
                .map(IncidentRequests::linked).toList();
    }

    /** The incident's news on every linked request's timeline, visible to the owner. */
    public void update(Collection<Long> requestIds, String note) {
        Instant now = dates.now();
        ServiceRequest.Actor actor = actor();
        for (ServiceRequest request : requests.findWithCategoryByIdIn(requestIds)) {
            request.incidentUpdate(actor, now, note);
            requests.save(request);
        }
    }

    /**
     * The incident is over: every open linked request is resolved with the note, so its callback follows as for any
     * resolved request. One with work in hand only gets the note: its technician resolves it. Returns how many were
     * resolved.
     */
    public int resolve(Collection<Long> requestIds, String note) {
        Instant now = dates.now();
        ServiceRequest.Actor actor = actor();
        int resolved = 0;
        for (ServiceRequest request : requests.findWithCategoryByIdIn(requestIds)) {
            if (!request.getStatus().isOpen()) {
                continue;
            }
            if (request.isWorkInHand()) {
                request.incidentUpdate(actor, now, note);
            } else {
                request.resolveWithIncident(actor, now, note, sla.calendarFor(request));
                resolved++;
            }
            requests.save(request);
        }
        return resolved;
    }

    private static Linked linked(ServiceRequest r) {
        return new Linked(r.getId(), r.getNumber(), r.getKind(), r.getStatus(), r.getSiteId(), r.getHouseId(),
                r.getContactPhone(), r.getReceivedAt(), r.getResolvedAt(), r.isWorkInHand());
    }

    private static ServiceRequest.Actor actor() {
        return new ServiceRequest.Actor(CurrentUser.username(), CurrentUser.displayName());
    }
}
