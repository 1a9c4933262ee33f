package org.propertydesk.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.propertydesk.notifications.Notifications;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.requests.RequestStatus;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.requests.WorkState;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.propertydesk.staff.StaffDirectory;
import org.propertydesk.staff.StaffDirectory.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigning work orders and moving them through their steps. Every change locks the request first, so changes to one
 * request's work happen one at a time, and ends by giving the request the state its work orders add up to, with the
 * step on its timeline.
 */
@Service
@Transactional
class WorkOrderService {

    private final WorkOrderRepository workOrders;
    private final TechnicianRepository technicians;
    private final TeamRepository teams;
    private final MaterialRepository materials;
    private final RequestWork requests;
    private final StaffDirectory staff;
    private final Notifications notifications;
    private final Dates dates;

    WorkOrderService(WorkOrderRepository workOrders, TechnicianRepository technicians, TeamRepository teams,
            MaterialRepository materials, RequestWork requests, StaffDirectory staff, Notifications notifications,
            Dates dates) {
        this.workOrders = workOrders;
        this.technicians = technicians;
        this.teams = teams;
        this.materials = materials;
        this.requests = requests;
        this.staff = staff;
        this.notifications = notifications;
        this.dates = dates;
    }

    /** Someone else assigned the request between the dispatcher seeing it and clicking. */
    static final class AlreadyAssignedException extends BusinessRuleException {

        AlreadyAssignedException(String technician, String by) {
            super("dispatch.error.alreadyTaken", technician, by);
        }
    }

    /**
     * Gives a request a work order. {@code expectedActive} is how many active work orders the dispatcher saw; if
     * someone assigned it meanwhile, the dispatcher is told who took it instead of adding a second one unawares.
     */
    WorkOrder assign(long requestId, WorkOrder.Assignee assignee, Integer expectedActive) {
        RequestWork.Job job = requests.lock(requestId);
        requireDispatcherOf(job);
        return create(job, assignee, expectedActive, false, null);
    }

    /** Automatic dispatch, as the system: the best candidate gets the job and a deadline to accept it. */
    WorkOrder assignAutomatically(long requestId, long technicianId, Instant acceptBy) {
        RequestWork.Job job = requests.lock(requestId);
        return create(job, WorkOrder.Assignee.technician(technicianId), 0, true, acceptBy);
    }

    private WorkOrder create(RequestWork.Job job, WorkOrder.Assignee assignee, Integer expectedActive, boolean auto,
            Instant acceptBy) {
        if (!job.open() || job.status() == RequestStatus.RESOLVED) {
            throw new BusinessRuleException("dispatch.error.requestClosed", "request.status." + job.status());
        }
        if (job.kind() == RequestKind.INQUIRY) {
            throw new BusinessRuleException("dispatch.error.inquiry");
        }
        List<WorkOrder> existing = workOrders.findByRequestIdOrderById(job.id());
        List<WorkOrder> active = existing.stream().filter(w -> w.getStatus().isActive()).toList();
        if (expectedActive != null && active.size() != expectedActive && !active.isEmpty()) {
            WorkOrder taken = active.get(active.size() - 1);
            throw new AlreadyAssignedException(assigneeName(taken), taken.getAssignedByName());
        }
        String name = checkAssignee(assignee, job.siteId());
        if (assignee.technicianId() != null
                && active.stream().anyMatch(w -> assignee.technicianId().equals(w.getTechnicianId()))) {
            throw new BusinessRuleException("dispatch.error.alreadyOnIt", name);
        }
        Instant now = dates.now();
        String number = job.number() + "-" + (existing.size() + 1);
        // once someone has been on site, the arrival target is met: a later work order has none of its own
        Instant dueArrival = job.arrivedAt() == null ? job.dueArrivalAt() : null;
        WorkOrder order = workOrders.save(WorkOrder.assign(number, job.id(), job.siteId(), assignee, dueArrival,
                auto, acceptBy, CurrentUser.username(), CurrentUser.displayName(), now));
        requests.assigned(job.id(), name + " · " + number + (auto ? " · dispatch.auto.TRUE" : ""));
        notifyAssignees(order, job);
        return order;
    }

    /** Gives an active work order to someone else, with the reason; they have to accept it again. */
    WorkOrder reassign(long workOrderId, WorkOrder.Assignee assignee, String reason, Long expectedVersion) {
        RequestWork.Job job = lockRequestOf(workOrderId);
        WorkOrder order = load(workOrderId);
        requireDispatcherOf(job);
        BusinessRuleException.requireVersion(expectedVersion, order.getVersion());
        String from = assigneeName(order);
        String to = checkAssignee(assignee, job.siteId());
        if (assignee.technicianId() != null && assignee.technicianId().equals(order.getTechnicianId())) {
            throw new BusinessRuleException("dispatch.error.alreadyOnIt", to);
        }
        order.reassign(assignee, reason, CurrentUser.username(), CurrentUser.displayName(), dates.now());
        follow(order, "workReassigned", from + " → " + to + ": " + reason.strip());
        notifyAssignees(order, job);
        return order;
    }

    WorkOrder cancel(long workOrderId, String reason, Long expectedVersion) {
        RequestWork.Job job = lockRequestOf(workOrderId);
        WorkOrder order = load(workOrderId);
        requireDispatcherOf(job);
        BusinessRuleException.requireVersion(expectedVersion, order.getVersion());
        order.cancel(reason, dates.now());
        follow(order, "workCancelled", assigneeName(order) + " · " + order.getNumber() + ": " + reason.strip());
        return order;
    }

    WorkOrder accept(long workOrderId) {
        WorkOrder order = mine(workOrderId);
        order.accept(CurrentUser.get().id(), dates.now());
        follow(order, "workAccepted", CurrentUser.displayName() + " · " + order.getNumber());
        return order;
    }

    WorkOrder decline(long workOrderId, String reason) {
        WorkOrder order = mine(workOrderId);
        if (order.getTechnicianId() == null) {
            // one member cannot turn a job down for the whole team: they just leave it for a colleague
            throw new BusinessRuleException("workOrder.error.teamDecline");
        }
        order.decline(reason, dates.now());
        RequestWork.Job job = follow(order, "workDeclined", CurrentUser.displayName() + " · " + order.getNumber() + ": "
                + reason.strip());
        List<String> dispatchers = new ArrayList<>(staff.withRoleServing(Role.DISPATCHER, job.siteId()).stream()
                .map(StaffDirectory.StaffContact::username).toList());
        dispatchers.add(order.getAssignedBy());
        notifications.send(dispatchers.stream().filter(u -> !"system".equals(u)).toList(), "DECLINED",
                "notification.workDeclined", List.of(job.number(), CurrentUser.displayName(), reason.strip()),
                "/requests/" + job.id());
        return order;
    }

    WorkOrder arrive(long workOrderId) {
        WorkOrder order = mine(workOrderId);
        order.arrive(dates.now());
        follow(order, "workArrived", CurrentUser.displayName() + " · " + order.getNumber());
        return order;
    }

    WorkOrder pause(long workOrderId, String reason, Instant expectedResume) {
        WorkOrder order = mine(workOrderId);
        order.pause(reason, expectedResume, dates.now());
        follow(order, "workPaused", CurrentUser.displayName() + " · " + order.getNumber() + ": " + reason.strip());
        return order;
    }

    WorkOrder resume(long workOrderId) {
        WorkOrder order = mine(workOrderId);
        order.resume(dates.now());
        follow(order, "workResumed", CurrentUser.displayName() + " · " + order.getNumber());
        return order;
    }

    /** A material by its price-list code and how much of it was used. */
    record MaterialLine(String code, java.math.BigDecimal quantity) {
    }

    WorkOrder complete(long workOrderId, WorkOrder.Completion completion, List<MaterialLine> lines, Locale locale) {
        WorkOrder order = mine(workOrderId);
        List<MaterialLine> used = lines == null ? List.of() : lines.stream()
                .filter(l -> l != null && l.code() != null && !l.code().isBlank()).toList();
        Map<String, Material> priced = materials.findByCodeIn(used.stream()
                .map(l -> l.code().strip().toUpperCase(Locale.ROOT)).toList()).stream()
                .collect(Collectors.toMap(Material::getCode, m -> m));
        List<WorkOrder.MaterialUse> uses = new ArrayList<>();
        for (MaterialLine line : used) {
            Material material = priced.get(line.code().strip().toUpperCase(Locale.ROOT));
            if (material == null || !material.isActive()) {
                throw new BusinessRuleException("workOrder.error.unknownMaterial", line.code().strip());
            }
            uses.add(new WorkOrder.MaterialUse(material, material.name(locale), material.unit(locale), line.quantity()));
        }
        order.complete(completion, uses, dates.now());
        follow(order, "workCompleted", CurrentUser.displayName() + " · " + order.getNumber() + ": " + order.getWorkDone());
        return order;
    }

    /** The work order if the current technician works it (or their team does, before anyone accepted). */
    private WorkOrder mine(long workOrderId) {
        lockRequestOf(workOrderId);
        WorkOrder order = load(workOrderId);
        long me = CurrentUser.get().id();
        Long myTeam = technicians.findById(me).map(Technician::getTeamId).orElse(null);
        if (!order.isFor(me, myTeam)) {
            throw new NotFoundException("WorkOrder", workOrderId);
        }
        return order;
    }

    @Transactional(readOnly = true)
    Optional<WorkOrder> findMine(long workOrderId) {
        long me = CurrentUser.get().id();
        Long myTeam = technicians.findById(me).map(Technician::getTeamId).orElse(null);
        // a job turned down or let lapse is no longer theirs: the owner's phone and house are not for keeping
        return workOrders.findById(workOrderId).filter(w -> w.isFor(me, myTeam))
                .filter(w -> w.getStatus() != WorkOrderStatus.DECLINED && w.getStatus() != WorkOrderStatus.EXPIRED);
    }

    /**
     * Locks the work order's request before the work order is read, so that two steps on one job run one after the
     * other and the second sees what the first did.
     */
    private RequestWork.Job lockRequestOf(long workOrderId) {
        return requests.lock(workOrders.findRequestIdById(workOrderId)
                .orElseThrow(() -> new NotFoundException("WorkOrder", workOrderId)));
    }

    private WorkOrder load(long workOrderId) {
        return workOrders.findById(workOrderId).orElseThrow(() -> new NotFoundException("WorkOrder", workOrderId));
    }

    /** Gives the request the state its work orders now add up to, with the step on its timeline. */
    RequestWork.Job follow(WorkOrder changed, String eventType, String detail) {
        workOrders.flush();
        List<WorkOrder> all = workOrders.findByRequestIdOrderById(changed.getRequestId());
        requests.follow(changed.getRequestId(), stateOf(all), eventType, detail);
        return requests.find(changed.getRequestId()).orElseThrow();
    }

    /** What a request's work orders add up to: someone on site wins, then someone coming, then paused, then done. */
    static WorkState stateOf(List<WorkOrder> orders) {
        boolean assigned = false;
        boolean paused = false;
        boolean completed = false;
        for (WorkOrder order : orders) {
            switch (order.getStatus()) {
                case ON_SITE -> {
                    return WorkState.ON_SITE;
                }
                case ASSIGNED, ACCEPTED -> assigned = true;
                case PAUSED -> paused = true;
                case COMPLETED -> completed = true;
                default -> {
                }
            }
        }
        if (assigned) {
            return WorkState.ASSIGNED;
        }
        if (paused) {
            return WorkState.PAUSED;
        }
        // a part declined or not accepted in time once the last work was finished still has to be given to someone
        Instant lastDone = orders.stream().map(WorkOrder::getCompletedAt).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(Instant.MIN);
        boolean handedBack = orders.stream().anyMatch(o ->
                (o.getStatus() == WorkOrderStatus.DECLINED && !o.getDeclinedAt().isBefore(lastDone))
                || (o.getStatus() == WorkOrderStatus.EXPIRED && !o.getCancelledAt().isBefore(lastDone)));
        return completed && !handedBack ? WorkState.DONE : WorkState.WAITING;
    }

    /** Checks that the technician or team may work at the site; returns the name the timeline shows. */
    private String checkAssignee(WorkOrder.Assignee assignee, Long siteId) {
        if (assignee.technicianId() != null) {
            StaffMember member = staff.memberWithRole(assignee.technicianId(), Role.TECHNICIAN)
                    .orElseThrow(() -> new BusinessRuleException("dispatch.error.notATechnician"));
            if (!member.serves(siteId)) {
                throw new BusinessRuleException("dispatch.error.technicianNotServing", member.displayName());
            }
            return member.displayName();
        }
        if (assignee.teamId() != null) {
            Team team = teams.findById(assignee.teamId()).filter(Team::isActive)
                    .orElseThrow(() -> new BusinessRuleException("dispatch.error.teamNotFound"));
            if (!team.serves(siteId)) {
                throw new BusinessRuleException("dispatch.error.teamNotServing", team.getName());
            }
            return team.getName();
        }
        throw new BusinessRuleException("dispatch.error.chooseTechnician");
    }

    String assigneeName(WorkOrder order) {
        if (order.getTechnicianId() != null) {
            return staff.members(List.of(order.getTechnicianId())).stream().findFirst().map(StaffMember::displayName)
                    .orElse("#" + order.getTechnicianId());
        }
        return teams.findById(order.getTeamId()).map(Team::getName).orElse("#" + order.getTeamId());
    }

    private void notifyAssignees(WorkOrder order, RequestWork.Job job) {
        List<Long> ids = order.getTechnicianId() != null ? List.of(order.getTechnicianId())
                : technicians.findByTeamId(order.getTeamId()).stream().map(Technician::getStaffId).toList();
        List<String> usernames = staff.members(ids).stream().map(StaffMember::username).toList();
        notifications.send(usernames, "ASSIGNMENT", "notification.workAssigned",
                List.of(job.number(), summary(job.description())), "/work/" + order.getId());
    }

    private static String summary(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static void requireDispatcherOf(RequestWork.Job job) {
        if (!CurrentUser.siteScope().includes(job.siteId())) {
            throw new NotFoundException("Request", job.id());
        }
    }
}
