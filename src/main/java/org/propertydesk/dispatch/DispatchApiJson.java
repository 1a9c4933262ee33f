package org.propertydesk.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import org.propertydesk.requests.Priority;
import org.propertydesk.requests.RequestStatus;
import org.propertydesk.requests.RequestWork;

/**
 * The JSON of the dispatch API. Instants are written with the offset of the display zone, and read with any offset.
 * Text limits are the work order's own, so that a too-long text is refused field by field before the domain sees it.
 */
final class DispatchApiJson {

    private DispatchApiJson() {
    }

    @Schema(name = "Suggestion", description = "A technician serving the request's site, best first, with why")
    record SuggestionJson(long staffId, String name, String phone, String teamName, int score,
            @Schema(description = "The parts of the score, in the language of Accept-Language") List<String> reasons,
            boolean onDuty, boolean emergencyDuty, boolean skillMatch, long openJobs,
            @Schema(description = "Arrivals on time in the last 30 days; null without any") Integer onTimePercent) {

        static SuggestionJson of(Suggestions.Suggestion s, List<String> reasons) {
            return new SuggestionJson(s.staffId(), s.name(), s.phone(), s.teamName(), s.score(), reasons, s.onDuty(),
                    s.emergencyDuty(), s.skillMatch(), s.openJobs(), s.onTimePercent());
        }
    }

    @Schema(name = "NewWorkOrder", description = "Who gets the job: a technician or a team, not both")
    record NewWorkOrder(
            @Positive Long technicianId,
            @Schema(description = "The first member of the team to accept takes the job") @Positive Long teamId,
            @Schema(description = "How many active work orders the caller saw on the request; if someone assigned it "
                    + "meanwhile, the answer is 409 naming who took it")
            @PositiveOrZero Integer expectedActive) {

        WorkOrder.Assignee assignee() {
            return new WorkOrder.Assignee(technicianId, teamId);
        }
    }

    @Schema(name = "WorkOrderDecline")
    record Decline(@Schema(description = "Required: why the technician cannot take the job")
            @Size(max = WorkOrder.MAX_REASON) String reason) {
    }

    @Schema(name = "WorkOrderPause")
    record Pause(@Schema(description = "Required: what the work waits for") @Size(max = WorkOrder.MAX_REASON) String reason,
            @Schema(description = "When work should go on, if known; in the future") OffsetDateTime expectedResumeAt) {

        Instant expectedResume() {
            return expectedResumeAt == null ? null : expectedResumeAt.toInstant();
        }
    }

    @Schema(name = "WorkOrderCompletion", description = "What finishing the job records")
    record Completion(
            @Schema(description = "Required: what was done") @Size(max = WorkOrder.MAX_WORK_DONE) String note,
            @Schema(description = "Materials by price-list code; priced from the price list")
            @Valid List<MaterialLine> materials,
            Integer labourMinutes,
            @Schema(description = "What the owner is charged for a special service, at most two decimals")
            BigDecimal charge,
            @Schema(description = "Required when there is a charge") Boolean chargePaid,
            @Schema(description = "Who confirmed the work on site; required unless ownerAbsent") @Size(max = 100)
            String confirmedBy,
            Boolean ownerAbsent) {

        WorkOrder.Completion completion() {
            return new WorkOrder.Completion(note, labourMinutes, charge, chargePaid, confirmedBy,
                    Boolean.TRUE.equals(ownerAbsent));
        }

        List<WorkOrderService.MaterialLine> lines() {
            return materials == null ? List.of() : materials.stream()
                    .map(m -> m == null ? null : new WorkOrderService.MaterialLine(m.code(), m.quantity())).toList();
        }
    }

    @Schema(name = "MaterialUse")
    record MaterialLine(@Size(max = 40) String code, BigDecimal quantity) {
    }

    @Schema(name = "WorkOrder", description = "A technician's or team's part of a request's work, with what the "
            + "technician needs to know about the request")
    record WorkOrderJson(Long id, String number, Long requestId, String requestNumber, RequestStatus requestStatus,
            @Schema(description = "As in /api/v1/categories") String categoryCode, Priority priority, Long houseId,
            String locationText, String contactPhone, String description, WorkOrderStatus status, Long technicianId,
            Long teamId, @Schema(description = "The technician's or the team's name") String assignee,
            String assigneePhone, boolean autoAssigned,
            @Schema(description = "An automatic assignment not accepted by then goes back to the board")
            OffsetDateTime acceptBy,
            @Schema(description = "The request's arrival target when the job was assigned") OffsetDateTime dueArrivalAt,
            OffsetDateTime dueResolveAt, OffsetDateTime assignedAt,
            @Schema(description = "Who assigned it, by name") String assignedBy, OffsetDateTime acceptedAt,
            OffsetDateTime declinedAt, String declineReason, OffsetDateTime arrivedAt, Boolean arrivedOnTime,
            OffsetDateTime pausedAt, String pauseReason, OffsetDateTime expectedResumeAt, OffsetDateTime completedAt,
            @Schema(description = "The note sent with complete") String workDone, Integer labourMinutes,
            List<MaterialJson> materials, BigDecimal materialsTotal, BigDecimal charge, Boolean chargePaid,
            String confirmedBy, boolean ownerAbsent, OffsetDateTime cancelledAt, String cancelReason,
            @Schema(description = "How often the owner said it was not fixed") int reopenCount) {

        static WorkOrderJson of(WorkOrderQueries.Row row, RequestWork.Job job, ZoneId zone) {
            WorkOrder o = row.order();
            return new WorkOrderJson(o.getId(), o.getNumber(), o.getRequestId(), job.number(), job.status(),
                    job.categoryCode(), job.priority(), job.houseId(), job.locationText(), job.contactPhone(),
                    job.description(), o.getStatus(), o.getTechnicianId(), o.getTeamId(), row.assignee(),
                    row.assigneePhone(), o.isAutoAssigned(), at(o.getAcceptBy(), zone), at(o.getDueArrivalAt(), zone),
                    at(job.dueResolveAt(), zone), at(o.getAssignedAt(), zone), o.getAssignedByName(),
                    at(o.getAcceptedAt(), zone), at(o.getDeclinedAt(), zone), o.getDeclineReason(),
                    at(o.getArrivedAt(), zone), o.arrivedOnTime(), at(o.getPausedAt(), zone), o.getPauseReason(),
                    at(o.getExpectedResumeAt(), zone), at(o.getCompletedAt(), zone), o.getWorkDone(),
                    o.getLabourMinutes(), o.getMaterials().stream().map(MaterialJson::of).toList(),
                    o.getMaterialsTotal(), o.getCharge(), o.getChargePaid(), o.getConfirmedBy(), o.isOwnerAbsent(),
                    at(o.getCancelledAt(), zone), o.getCancelReason(), o.getReopenCount());
        }
    }

    @Schema(name = "WorkOrderMaterial", description = "A material used, priced as the price list stood then")
    record MaterialJson(String code, String name, String unit, BigDecimal unitPrice, BigDecimal quantity,
            @Schema(description = "unitPrice × quantity") BigDecimal amount) {

        static MaterialJson of(WorkOrderMaterial m) {
            return new MaterialJson(m.getCode(), m.getName(), m.getUnit(), m.getUnitPrice(), m.getQuantity(),
                    m.getAmount());
        }
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
