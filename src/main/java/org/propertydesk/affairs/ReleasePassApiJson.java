package org.propertydesk.affairs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.propertydesk.records.OccupancyRole;
import org.propertydesk.records.RecordsDirectory.HouseSummary;

/**
 * The JSON of the release-pass API. Instants are written with the offset of the display zone.
 */
final class ReleasePassApiJson {

    private ReleasePassApiJson() {
    }

    @Schema(name = "ReleasePass", description = "A release pass with what a check at the gate finds today")
    record Pass(String number, ReleasePassStatus status,
            @Schema(description = "VALID lets the items through; otherwise why not") GateCheckResult result,
            String siteCode, long houseId, String houseCode, String requesterName, OccupancyRole requesterRole,
            String items, LocalDate passDate, String vehiclePlate,
            @Schema(description = "Why the pass may be used, once approved") ReleasePassApproval approval,
            String decidedBy, OffsetDateTime decidedAt, String decisionReason, OffsetDateTime usedAt, String usedBy,
            @Schema(description = "Every check at the gate, oldest first") List<Check> checks) {

        static Pass of(ReleasePass p, GateCheckResult result, HouseSummary house, List<ReleasePassCheck> checks,
                ZoneId zone) {
            return new Pass(p.getNumber(), p.getStatus(), result, house == null ? null : house.siteCode(),
                    p.getHouseId(), house == null ? null : house.code(), p.getRequesterName(), p.getRequesterRole(),
                    p.getItems(), p.getPassDate(), p.getVehiclePlate(), p.getApproval(), p.getDecidedByName(),
                    at(p.getDecidedAt(), zone), p.getDecisionReason(), at(p.getUsedAt(), zone), p.getUsedByName(),
                    checks.stream().map(c -> new Check(at(c.getCheckedAt(), zone), c.getResult(), c.isMarkedUsed(),
                            c.getCheckedByName())).toList());
        }
    }

    @Schema(name = "ReleasePassCheck", description = "One check at the gate")
    record Check(OffsetDateTime at, GateCheckResult result,
            @Schema(description = "This check let the items through") boolean markedUsed, String checkedBy) {
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
