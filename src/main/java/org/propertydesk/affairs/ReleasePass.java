package org.propertydesk.affairs;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.propertydesk.records.OccupancyRole;
import org.propertydesk.shared.audit.Audited;
import org.propertydesk.shared.web.BusinessRuleException;

/**
 * A release pass (放行条): items leaving a site with a house's permission, on one day, once. An owner's pass is
 * approved as it is asked for; anyone else's waits for an owner's consent or the front desk's approval.
 */
@Entity
@Table(name = "release_pass")
public class ReleasePass extends Audited {

    public static final int MAX_ITEMS = 500;
    public static final int MAX_PLATE = 20;
    public static final int MAX_REASON = 500;

    /** How a pass was asked for. */
    public enum Channel {
        PORTAL, DESK
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(name = "site_id", nullable = false, updatable = false)
    private Long siteId;

    @Column(name = "house_id", nullable = false, updatable = false)
    private Long houseId;

    @Column(name = "requester_id", nullable = false, updatable = false)
    private Long requesterId;

    @Column(name = "requester_name", nullable = false, updatable = false)
    private String requesterName;

    @Enumerated(EnumType.STRING)
    @Column(name = "requester_role", nullable = false, updatable = false)
    private OccupancyRole requesterRole;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_via", nullable = false, updatable = false)
    private Channel requestedVia;

    @Column(nullable = false, updatable = false)
    private String items;

    @Column(name = "pass_date", nullable = false, updatable = false)
    private LocalDate passDate;

    @Column(name = "vehicle_plate", updatable = false)
    private String vehiclePlate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReleasePassStatus status;

    @Enumerated(EnumType.STRING)
    private ReleasePassApproval approval;

    @Column(name = "decided_by_name")
    private String decidedByName;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "used_by_name")
    private String usedByName;

    protected ReleasePass() {
    }

    ReleasePass(String number, Long siteId, Long houseId, Long requesterId, String requesterName,
            OccupancyRole requesterRole, boolean requesterIsOwner, Channel requestedVia, String items,
            LocalDate passDate, String vehiclePlate, Instant now) {
        this.number = number;
        this.siteId = siteId;
        this.houseId = houseId;
        this.requesterId = requesterId;
        this.requesterName = requesterName;
        this.requesterRole = requesterRole;
        this.requestedVia = requestedVia;
        this.items = items;
        this.passDate = passDate;
        this.vehiclePlate = vehiclePlate;
        if (requesterIsOwner) {
            this.status = ReleasePassStatus.APPROVED;
            this.approval = ReleasePassApproval.OWNER_REQUEST;
            this.decidedByName = requesterName;
            this.decidedAt = now;
        } else {
            this.status = ReleasePassStatus.PENDING;
        }
    }

    /** An owner of the house agrees to the occupant's pass. */
    void consent(String ownerName, Instant now) {
        decide(ReleasePassStatus.APPROVED, ReleasePassApproval.OWNER_CONSENT, ownerName, null, now);
    }

    /** The front desk lets the pass through without an owner's consent; the reason is what it relied on. */
    void approveAtDesk(String staffName, String reason, Instant now) {
        decide(ReleasePassStatus.APPROVED, ReleasePassApproval.DESK_APPROVAL, staffName, reason, now);
    }

    void refuse(String name, String reason, Instant now) {
        decide(ReleasePassStatus.REFUSED, null, name, reason, now);
    }

    private void decide(ReleasePassStatus outcome, ReleasePassApproval how, String name, String reason, Instant now) {
        if (status != ReleasePassStatus.PENDING) {
            throw new BusinessRuleException("pass.error.alreadyDecided");
        }
        this.status = outcome;
        this.approval = how;
        this.decidedByName = name;
        this.decisionReason = reason;
        this.decidedAt = now;
    }

    /** What the gate would make of the pass on that day, before anything is marked. */
    GateCheckResult checkOn(LocalDate day) {
        if (status == ReleasePassStatus.PENDING || status == ReleasePassStatus.REFUSED) {
            return GateCheckResult.NOT_APPROVED;
        }
        if (status == ReleasePassStatus.USED) {
            return GateCheckResult.ALREADY_USED;
        }
        return passDate.equals(day) ? GateCheckResult.VALID : GateCheckResult.WRONG_DATE;
    }

    void use(String guardName, Instant now) {
        this.status = ReleasePassStatus.USED;
        this.usedAt = now;
        this.usedByName = guardName;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Long getSiteId() {
        return siteId;
    }

    public Long getHouseId() {
        return houseId;
    }

    public Long getRequesterId() {
        return requesterId;
    }

    public String getRequesterName() {
        return requesterName;
    }

    public OccupancyRole getRequesterRole() {
        return requesterRole;
    }

    public Channel getRequestedVia() {
        return requestedVia;
    }

    public String getItems() {
        return items;
    }

    public LocalDate getPassDate() {
        return passDate;
    }

    public String getVehiclePlate() {
        return vehiclePlate;
    }

    public ReleasePassStatus getStatus() {
        return status;
    }

    public ReleasePassApproval getApproval() {
        return approval;
    }

    public String getDecidedByName() {
        return decidedByName;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    public String getUsedByName() {
        return usedByName;
    }

    public boolean isPending() {
        return status == ReleasePassStatus.PENDING;
    }
}
