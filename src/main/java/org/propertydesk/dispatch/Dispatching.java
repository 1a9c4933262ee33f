package org.propertydesk.dispatch;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dispatch as other modules drive it (demo data today, the owner portal later): the same rules as the pages, as the
 * current user.
 */
@Service
@Transactional
public class Dispatching {

    private final WorkOrderService service;
    private final Suggestions suggestions;
    private final RequestWork requests;

    Dispatching(WorkOrderService service, Suggestions suggestions, RequestWork requests) {
        this.service = service;
        this.suggestions = suggestions;
        this.requests = requests;
    }

    /** The best-ranked technician with the skill the request needs, if any serves its site. */
    @Transactional(readOnly = true)
    public Optional<Long> bestTechnician(long requestId) {
        RequestWork.Job job = requests.find(requestId).orElseThrow(() -> new NotFoundException("Request", requestId));
        return suggestions.rank(job).stream().filter(Suggestions.Suggestion::skillMatch).findFirst()
                .map(Suggestions.Suggestion::staffId);
    }

    /** Assigns a new work order to the technician, as a dispatcher; returns its id. */
    public long assign(long requestId, long technicianId) {
        return service.assign(requestId, WorkOrder.Assignee.technician(technicianId), null).getId();
    }

    /** A step without details, as the technician: accept, arrive or resume; or decline and pause with a reason. */
    public void step(long workOrderId, String step, String reason) {
        switch (step) {
            case "accept" -> service.accept(workOrderId);
            case "arrive" -> service.arrive(workOrderId);
            case "resume" -> service.resume(workOrderId);
            case "decline" -> service.decline(workOrderId, reason);
            case "pause" -> service.pause(workOrderId, reason, null);
            default -> throw new BusinessRuleException("workOrder.error.unknownStep");
        }
    }

    /** Completes the job as the technician, with materials by price-list code and quantity. */
    public void complete(long workOrderId, String workDone, Map<String, BigDecimal> materials, Integer labourMinutes,
            BigDecimal charge, Boolean chargePaid, String confirmedBy) {
        List<WorkOrderService.MaterialLine> lines = materials.entrySet().stream()
                .map(e -> new WorkOrderService.MaterialLine(e.getKey(), e.getValue())).toList();
        service.complete(workOrderId, new WorkOrder.Completion(workDone, labourMinutes, charge, chargePaid, confirmedBy,
                confirmedBy == null), lines, Locale.SIMPLIFIED_CHINESE);
    }
}
