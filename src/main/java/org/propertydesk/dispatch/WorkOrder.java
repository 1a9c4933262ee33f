package org.propertydesk.dispatch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.propertydesk.shared.audit.Audited;
import org.propertydesk.shared.web.BusinessRuleException;

/**
 * One technician's (or one team's) part of a request's work (派工单). It moves only through the methods below, which
 * refuse illegal steps:
 *
 * <pre>
 * ASSIGNED → ACCEPTED → ON_SITE ⇄ PAUSED → COMPLETED → (owner says not fixed) ASSIGNED again, counted
 * ASSIGNED/ACCEPTED → DECLINED (with a reason, back to the dispatcher); any active → CANCELLED;
 * an automatic assignment not accepted in time → EXPIRED
 * </pre>
 */
@Entity
@Table(name = "work_order")
class WorkOrder extends Audited {

    static final int MAX_REASON = 500;
    static final int MAX_WORK_DONE = 2000;
    static final int MAX_LABOUR_MINUTES = 24 * 60;
    static final BigDecimal MAX_CHARGE = new BigDecimal("99999999.99");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(name = "request_id", nullable = false, updatable = false)
    private Long requestId;

    @Column(name = "site_id", nullable = false, updatable = false)
    private Long siteId;

    @Column(name = "technician_staff_id")
    private Long technicianId;

    @Column(name = "team_id")
    private Long teamId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WorkOrderStatus status;

    @Column(name = "auto_assigned", nullable = false)
    private boolean autoAssigned;

    @Column(name = "accept_by")
    private Instant acceptBy;

    @Column(name = "due_arrival_at")
    private Instant dueArrivalAt;

    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;

    @Column(name = "assigned_by", nullable = false)
    private String assignedBy;

    @Column(name = "assigned_by_name", nullable = false)
    private String assignedByName;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "declined_at")
    private Instant declinedAt;

    @Column(name = "decline_reason")
    private String declineReason;

    @Column(name = "arrived_at")
    private Instant arrivedAt;

    @Column(name = "paused_at")
    private Instant pausedAt;

    @Column(name = "pause_reason")
    private String pauseReason;

    @Column(name = "expected_resume_at")
    private Instant expectedResumeAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "work_done")
    private String workDone;

    @Column(name = "labour_minutes")
    private Integer labourMinutes;

    @Column(name = "materials_total", nullable = false)
    private BigDecimal materialsTotal = BigDecimal.ZERO.setScale(2);

    @Column
    private BigDecimal charge;

    @Column(name = "charge_paid")
    private Boolean chargePaid;

    @Column(name = "confirmed_by")
    private String confirmedBy;

    @Column(name = "owner_absent", nullable = false)
    private boolean ownerAbsent;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "reopen_count", nullable = false)
    private int reopenCount;

    @OneToMany(mappedBy = "workOrder", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<WorkOrderMaterial> materials = new ArrayList<>();

    protected WorkOrder() {
    }

    /** Who does the work: one technician, or a team whose first member to accept takes it. */
    record Assignee(Long technicianId, Long teamId) {

        static Assignee technician(long id) {
            return new Assignee(id, null);
        }

        static Assignee team(long id) {
            return new Assignee(null, id);
        }
    }

    static WorkOrder assign(String number, long requestId, long siteId, Assignee assignee, Instant dueArrivalAt,
            boolean auto, Instant acceptBy, String byUsername, String byName, Instant now) {
        WorkOrder order = new WorkOrder();
        order.number = number;
        order.requestId = requestId;
        order.siteId = siteId;
        order.technicianId = assignee.technicianId();
        order.teamId = assignee.teamId();
        order.status = WorkOrderStatus.ASSIGNED;
        order.dueArrivalAt = dueArrivalAt;
        order.autoAssigned = auto;
        order.acceptBy = auto ? acceptBy : null;
        order.assignedAt = now;
        order.assignedBy = byUsername;
        order.assignedByName = byName;
        return order;
    }

    /** The technician takes the job; on a team's work order, the one who accepts becomes its technician. */
    void accept(long technician, Instant now) {
        require(status == WorkOrderStatus.ASSIGNED, "accept");
        technicianId = technician;
        acceptedAt = now;
        acceptBy = null;
        status = WorkOrderStatus.ACCEPTED;
    }

    /** The technician cannot take it (off sick, wrong skill): back to the dispatcher, with the reason. */
    void decline(String reason, Instant now) {
        require(status == WorkOrderStatus.ASSIGNED || status == WorkOrderStatus.ACCEPTED, "decline");
        declineReason = requireText(reason, "workOrder.error.reasonRequired", MAX_REASON);
        declinedAt = now;
        acceptBy = null;
        status = WorkOrderStatus.DECLINED;
    }

    void arrive(Instant now) {
        require(status == WorkOrderStatus.ACCEPTED, "arrive");
        arrivedAt = now;
        status = WorkOrderStatus.ON_SITE;
    }

    /** Waiting for a part or for the owner: the reason, and when work should go on if known. */
    void pause(String reason, Instant expectedResume, Instant now) {
        require(status == WorkOrderStatus.ON_SITE, "pause");
        String why = requireText(reason, "workOrder.error.reasonRequired", MAX_REASON);
        if (expectedResume != null && !expectedResume.isAfter(now)) {
            throw new BusinessRuleException("workOrder.error.expectedInPast");
        }
        pauseReason = why;
        expectedResumeAt = expectedResume;
        pausedAt = now;
        status = WorkOrderStatus.PAUSED;
    }

    void resume(Instant now) {
        require(status == WorkOrderStatus.PAUSED, "resume");
        pausedAt = null;
        pauseReason = null;
        expectedResumeAt = null;
        status = WorkOrderStatus.ON_SITE;
    }

    /** What finishing a job records. Materials come from the price list, priced there. */
    record Completion(String workDone, Integer labourMinutes, BigDecimal charge, Boolean chargePaid,
            String confirmedBy, boolean ownerAbsent) {
    }

    record MaterialUse(Material material, String name, String unit, BigDecimal quantity) {
    }

    void complete(Completion completion, List<MaterialUse> used, Instant now) {
        require(status == WorkOrderStatus.ON_SITE, "complete");
        String done = requireText(completion.workDone(), "workOrder.error.workDoneRequired", MAX_WORK_DONE);
        Integer minutes = completion.labourMinutes();
        if (minutes != null && (minutes < 0 || minutes > MAX_LABOUR_MINUTES)) {
            throw new BusinessRuleException("workOrder.error.labourMinutes", MAX_LABOUR_MINUTES);
        }
        BigDecimal amount = completion.charge();
        if (amount != null && (amount.signum() < 0 || amount.compareTo(MAX_CHARGE) > 0 || amount.scale() > 2)) {
            throw new BusinessRuleException("workOrder.error.charge");
        }
        if (amount != null && amount.signum() > 0 && completion.chargePaid() == null) {
            throw new BusinessRuleException("workOrder.error.paidUnknown");
        }
        String confirmer = completion.confirmedBy() == null || completion.confirmedBy().isBlank() ? null
                : completion.confirmedBy().strip();
        if (confirmer == null && !completion.ownerAbsent()) {
            throw new BusinessRuleException("workOrder.error.confirmationRequired");
        }
        if (confirmer != null && confirmer.length() > 100) {
            throw new BusinessRuleException("workOrder.error.textTooLong", 100);
        }
        for (MaterialUse use : used) {
            if (use.quantity() == null || use.quantity().setScale(2, RoundingMode.HALF_UP).signum() <= 0
                    || use.quantity().compareTo(new BigDecimal("100000")) >= 0) {
                throw new BusinessRuleException("workOrder.error.quantity", use.material().getCode());
            }
        }
        materials.clear();
        used.forEach(use -> materials.add(new WorkOrderMaterial(this, use.material(), use.name(), use.unit(), use.quantity())));
        materialsTotal = materials.stream().map(WorkOrderMaterial::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        workDone = done;
        labourMinutes = minutes;
        charge = amount == null || amount.signum() == 0 ? null : amount.setScale(2);
        chargePaid = charge == null ? null : completion.chargePaid();
        confirmedBy = confirmer;
        ownerAbsent = confirmer == null;
        completedAt = now;
        status = WorkOrderStatus.COMPLETED;
    }

    /**
     * The owner says it is not fixed: the same technician goes back, measured against the request's arrival target for
     * the new visit, and the reopening is counted.
     */
    void reopen(Instant newDueArrivalAt) {
        require(status == WorkOrderStatus.COMPLETED, "reopen");
        reopenCount++;
        completedAt = null;
        acceptedAt = null;
        arrivedAt = null;
        dueArrivalAt = newDueArrivalAt;
        status = WorkOrderStatus.ASSIGNED;
    }

    /** Another technician takes over, with the reason; the new one has to accept again. */
    void reassign(Assignee assignee, String reason, String byUsername, String byName, Instant now) {
        require(EnumSet.of(WorkOrderStatus.ASSIGNED, WorkOrderStatus.ACCEPTED, WorkOrderStatus.PAUSED).contains(status),
                "reassign");
        requireText(reason, "workOrder.error.reasonRequired", MAX_REASON);
        technicianId = assignee.technicianId();
        teamId = assignee.teamId();
        autoAssigned = false;
        acceptBy = null;
        acceptedAt = null;
        arrivedAt = status == WorkOrderStatus.PAUSED ? arrivedAt : null;
        pausedAt = null;
        pauseReason = null;
        expectedResumeAt = null;
        assignedAt = now;
        assignedBy = byUsername;
        assignedByName = byName;
        status = WorkOrderStatus.ASSIGNED;
    }

    void cancel(String reason, Instant now) {
        require(status.isActive(), "cancel");
        cancelReason = requireText(reason, "workOrder.error.reasonRequired", MAX_REASON);
        cancelledAt = now;
        acceptBy = null;
        status = WorkOrderStatus.CANCELLED;
    }

    /** An automatic assignment nobody accepted in time goes back to the board. */
    void expire(Instant now) {
        require(status == WorkOrderStatus.ASSIGNED && autoAssigned && acceptBy != null && !now.isBefore(acceptBy),
                "expire");
        cancelledAt = now;
        acceptBy = null;
        status = WorkOrderStatus.EXPIRED;
    }

    /** Whether the technician (or, before anyone accepted, a member of its team) works this order. */
    boolean isFor(long staffId, Long staffTeamId) {
        if (technicianId != null) {
            return technicianId == staffId;
        }
        return teamId != null && teamId.equals(staffTeamId);
    }

    /** Arrival against the request's target as it stood when the job was assigned; null while not yet known. */
    public Boolean arrivedOnTime() {
        return arrivedAt == null || dueArrivalAt == null ? null : !arrivedAt.isAfter(dueArrivalAt);
    }

    private void require(boolean allowed, String step) {
        if (!allowed) {
            throw new BusinessRuleException("workOrder.error.illegalStep", "workOrder.step." + step,
                    "workOrder.status." + status);
        }
    }

    private static String requireText(String text, String messageKey, int max) {
        if (text == null || text.isBlank()) {
            throw new BusinessRuleException(messageKey);
        }
        if (text.strip().length() > max) {
            throw new BusinessRuleException("workOrder.error.textTooLong", max);
        }
        return text.strip();
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Long getRequestId() {
        return requestId;
    }

    public Long getSiteId() {
        return siteId;
    }

    public Long getTechnicianId() {
        return technicianId;
    }

    public Long getTeamId() {
        return teamId;
    }

    public WorkOrderStatus getStatus() {
        return status;
    }

    public boolean isAutoAssigned() {
        return autoAssigned;
    }

    public Instant getAcceptBy() {
        return acceptBy;
    }

    public Instant getDueArrivalAt() {
        return dueArrivalAt;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public String getAssignedBy() {
        return assignedBy;
    }

    public String getAssignedByName() {
        return assignedByName;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public Instant getDeclinedAt() {
        return declinedAt;
    }

    public String getDeclineReason() {
        return declineReason;
    }

    public Instant getArrivedAt() {
        return arrivedAt;
    }

    public Instant getPausedAt() {
        return pausedAt;
    }

    public String getPauseReason() {
        return pauseReason;
    }

    public Instant getExpectedResumeAt() {
        return expectedResumeAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getWorkDone() {
        return workDone;
    }

    public Integer getLabourMinutes() {
        return labourMinutes;
    }

    public BigDecimal getMaterialsTotal() {
        return materialsTotal;
    }

    public BigDecimal getCharge() {
        return charge;
    }

    public Boolean getChargePaid() {
        return chargePaid;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public boolean isOwnerAbsent() {
        return ownerAbsent;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public int getReopenCount() {
        return reopenCount;
    }

    public List<WorkOrderMaterial> getMaterials() {
        return Collections.unmodifiableList(materials);
    }
}
