package org.propertydesk.dispatch;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.propertydesk.requests.RequestWork;
import org.propertydesk.staff.StaffDirectory;
import org.propertydesk.staff.StaffDirectory.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work orders as pages and the API show them: with the assignee's name and phone, and for a technician, the job each
 * belongs to. A handful of queries per page, whatever the number of rows.
 */
@Service
@Transactional(readOnly = true)
class WorkOrderQueries {

    private final WorkOrderRepository workOrders;
    private final TechnicianRepository technicians;
    private final TeamRepository teams;
    private final StaffDirectory staff;
    private final RequestWork requests;

    WorkOrderQueries(WorkOrderRepository workOrders, TechnicianRepository technicians, TeamRepository teams,
            StaffDirectory staff, RequestWork requests) {
        this.workOrders = workOrders;
        this.technicians = technicians;
        this.teams = teams;
        this.staff = staff;
        this.requests = requests;
    }

    /** A work order with who works it: a technician's name and phone, or the team's name. */
    record Row(WorkOrder order, String assignee, String assigneePhone) {
    }

    /** A technician's work order with the request it belongs to. */
    record MyJob(WorkOrder order, RequestWork.Job job) {

        /** The moment that matters next: arrival while not on site yet, otherwise resolution. */
        Instant dueAt() {
            return order.getArrivedAt() == null && job.dueArrivalAt() != null ? job.dueArrivalAt() : job.dueResolveAt();
        }
    }

    Optional<Row> find(long workOrderId) {
        return workOrders.findById(workOrderId).map(order -> rows(List.of(order)).get(0));
    }

    List<Row> forRequest(long requestId) {
        return rows(workOrders.findByRequestIdOrderById(requestId));
    }

    /** Work orders of several requests at once, by request id, each list in creation order. */
    Map<Long, List<Row>> forRequests(Collection<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return rows(workOrders.findByRequestIdInOrderById(requestIds)).stream()
                .collect(Collectors.groupingBy(r -> r.order().getRequestId(), LinkedHashMap::new, Collectors.toList()));
    }

    /** The technician's open jobs and their team's untaken ones, the most pressing first. */
    List<MyJob> openJobs(long staffId) {
        Long team = technicians.findById(staffId).map(Technician::getTeamId).orElse(null);
        return jobs(workOrders.findActiveForTechnician(staffId, team)).stream()
                .sorted(Comparator.comparing(MyJob::dueAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** Jobs the technician finished since a moment, newest first. */
    List<MyJob> finishedSince(long staffId, Instant since) {
        return jobs(workOrders.findCompletedSince(staffId, since));
    }

    private List<MyJob> jobs(List<WorkOrder> orders) {
        Map<Long, RequestWork.Job> byId = requests.find(orders.stream().map(WorkOrder::getRequestId).distinct().toList())
                .stream().collect(Collectors.toMap(RequestWork.Job::id, Function.identity()));
        return orders.stream().filter(o -> byId.containsKey(o.getRequestId()))
                .map(o -> new MyJob(o, byId.get(o.getRequestId()))).toList();
    }

    /** Rows with their materials loaded (in batches), so pages and JSON can show them after the transaction. */
    List<Row> rows(List<WorkOrder> orders) {
        orders.forEach(order -> order.getMaterials().size());
        Set<Long> staffIds = new HashSet<>();
        Set<Long> teamIds = new HashSet<>();
        for (WorkOrder order : orders) {
            if (order.getTechnicianId() != null) {
                staffIds.add(order.getTechnicianId());
            }
            if (order.getTeamId() != null) {
                teamIds.add(order.getTeamId());
            }
        }
        Map<Long, StaffMember> members = staff.members(staffIds).stream()
                .collect(Collectors.toMap(StaffMember::id, Function.identity()));
        Map<Long, String> teamNames = teamIds.isEmpty() ? Map.of() : teams.findAllById(teamIds).stream()
                .collect(Collectors.toMap(Team::getId, Team::getName));
        return orders.stream().map(order -> {
            StaffMember member = order.getTechnicianId() == null ? null : members.get(order.getTechnicianId());
            String name = member != null ? member.displayName() : teamNames.getOrDefault(order.getTeamId(), "—");
            return new Row(order, name, member == null ? null : member.phone());
        }).toList();
    }
}
