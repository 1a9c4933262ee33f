package org.propertydesk.requests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A request as its page shows it: each target with its due time and how it went, and the moves open to the user.
 */
record RequestView(List<TargetLine> targets, boolean atRisk, boolean breached, List<RequestAction> actions) {

    enum TargetState {
        PENDING, AT_RISK, BREACHED, MET, MET_LATE, PAUSED, NOT_APPLICABLE
    }

    record TargetLine(SlaTarget target, Instant due, Instant met, TargetState state) {
    }

    /** A repair reaches its technician through a work order, so the page offers assignment instead of these. */
    private static final List<RequestAction> WORK_MOVES_BY_HAND = List.of(RequestAction.DISPATCH, RequestAction.ARRIVE);

    /** While someone has the job, the work moves follow the work orders. */
    private static final List<RequestAction> WORK_MOVES = List.of(RequestAction.DISPATCH, RequestAction.ARRIVE,
            RequestAction.HOLD, RequestAction.RESUME, RequestAction.RESOLVE);

    static RequestView of(ServiceRequest request, Instant now) {
        List<TargetLine> targets = new ArrayList<>();
        for (SlaTarget target : SlaTarget.values()) {
            Instant due = request.dueOf(target);
            if (due == null || (target == SlaTarget.ARRIVAL && request.getKind() != RequestKind.REPAIR)) {
                continue;
            }
            Instant met = request.metAt(target);
            TargetState state;
            if (met != null) {
                state = met.isAfter(due) ? TargetState.MET_LATE : TargetState.MET;
            } else if (!request.getStatus().isOpen()) {
                state = TargetState.NOT_APPLICABLE;
            } else if (request.getStatus() == RequestStatus.ON_HOLD) {
                state = TargetState.PAUSED;
            } else if (now.isAfter(due)) {
                state = TargetState.BREACHED;
            } else if (target == request.pendingTarget() && !now.isBefore(request.riskOf(target))) {
                state = TargetState.AT_RISK;
            } else {
                state = TargetState.PENDING;
            }
            targets.add(new TargetLine(target, due, met, state));
        }
        return new RequestView(targets, request.isAtRisk(now), request.isBreached(now), actionsFor(request));
    }

    /** Only the moves the request would accept, so the page never offers a button that can only fail. */
    static List<RequestAction> actionsFor(ServiceRequest request) {
        List<RequestAction> actions = new ArrayList<>();
        RequestStatus status = request.getStatus();
        RequestKind kind = request.getKind();
        switch (status) {
            case NEW -> {
                actions.add(RequestAction.ACKNOWLEDGE);
                if (kind != RequestKind.INQUIRY) {
                    actions.add(RequestAction.DISPATCH);
                }
                if (kind == RequestKind.INQUIRY) {
                    actions.add(RequestAction.RESOLVE);
                }
            }
            case ACKNOWLEDGED, REOPENED -> {
                if (kind != RequestKind.INQUIRY) {
                    actions.add(RequestAction.DISPATCH);
                }
                if (kind != RequestKind.REPAIR) {
                    actions.add(RequestAction.RESOLVE);
                }
                actions.add(RequestAction.HOLD);
            }
            case DISPATCHED -> {
                actions.add(RequestAction.ARRIVE);
                if (kind != RequestKind.REPAIR) {
                    actions.add(RequestAction.RESOLVE);
                }
                actions.add(RequestAction.HOLD);
            }
            case IN_PROGRESS -> {
                actions.add(RequestAction.RESOLVE);
                actions.add(RequestAction.HOLD);
            }
            case ON_HOLD -> actions.add(RequestAction.RESUME);
            case RESOLVED -> {
                if (request.getCallbackDoneAt() == null) {
                    actions.add(RequestAction.CALLBACK);
                }
                if (kind != RequestKind.COMPLAINT || request.getCallbackDoneAt() != null) {
                    actions.add(RequestAction.CLOSE);
                }
                actions.add(RequestAction.REOPEN);
            }
            case CLOSED -> actions.add(RequestAction.REOPEN);
            case CANCELLED -> {
            }
        }
        if (status.isOpen()) {
            actions.add(RequestAction.CANCEL);
        }
        if (request.getKind() == RequestKind.REPAIR || request.getWorkOrders() > 0) {
            actions.removeAll(WORK_MOVES_BY_HAND);
        }
        if (request.isWorkInHand()) {
            actions.removeAll(WORK_MOVES);
        }
        return actions;
    }
}
