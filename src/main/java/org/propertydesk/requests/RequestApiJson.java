package org.propertydesk.requests;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON of the request API. Instants are written with the offset of the display zone, and read with any offset.
 */
final class RequestApiJson {

    private RequestApiJson() {
    }

    @Schema(name = "NewRequest", description = "A request as an integration takes it in")
    record NewRequest(
            @NotNull RequestKind kind,
            @NotBlank @Size(max = 50) String categoryCode,
            @NotNull Channel channel,
            @NotBlank @Size(max = 32) String siteCode,
            @Schema(description = "Defaults to the category's; raised one level for a customer with a care flag")
            Priority priority,
            @Schema(description = "Defaults to PREMISES for a house and a special-service category, else COMMON_AREA")
            Scope scope,
            @Positive Long houseId,
            @Positive Long customerId,
            @Schema(description = "Required except for staff patrol findings")
            @Size(max = 20) @Pattern(regexp = "[0-9+()\\-\\s]*", message = "{validation.phone}") String contactPhone,
            @Schema(description = "Required when there is no house, e.g. a common area")
            @Size(max = 200) String locationText,
            @NotBlank @Size(max = 4000) String description,
            @Schema(description = "The time promised to the owner, e.g. for the technician's arrival")
            OffsetDateTime promisedAt,
            OffsetDateTime preferredFrom,
            OffsetDateTime preferredTo) {
    }

    @Schema(name = "RequestActionInput", description = "A note for the timeline; hold, reopen and cancel need a reason")
    record ActionInput(@Size(max = 2000) String note, @Size(max = 500) String reason) {
    }

    @Schema(name = "RequestSummary")
    record RequestSummary(Long id, String number, RequestKind kind, String categoryCode, Priority priority,
            RequestStatus status, Channel channel, String siteCode, Long houseId, Long customerId,
            OffsetDateTime createdAt, OffsetDateTime dueAcknowledgeAt, OffsetDateTime dueArrivalAt,
            OffsetDateTime dueResolveAt, boolean atRisk, boolean breached, long version) {

        static RequestSummary of(ServiceRequest r, String siteCode, Instant now, ZoneId zone) {
            return new RequestSummary(r.getId(), r.getNumber(), r.getKind(), r.getCategory().getCode(), r.getPriority(),
                    r.getStatus(), r.getChannel(), siteCode, r.getHouseId(), r.getCustomerId(), at(r.getCreatedAt(), zone),
                    at(r.getDueAcknowledgeAt(), zone), at(r.getDueArrivalAt(), zone), at(r.getDueResolveAt(), zone),
                    r.isAtRisk(now), r.isBreached(now), r.getVersion());
        }
    }

    @Schema(name = "Request", description = "For an owner, without internal timeline entries and priorityRaisedReason")
    record RequestDetail(Long id, String number, RequestKind kind, String categoryCode, Priority priority,
            @Schema(description = "Why the priority was raised at intake (a care flag), if it was")
            String priorityRaisedReason,
            RequestStatus status, Channel channel, Scope scope, String siteCode, Long houseId, Long customerId,
            String contactPhone, String locationText, String description,
            OffsetDateTime createdAt, OffsetDateTime dueAcknowledgeAt, OffsetDateTime dueArrivalAt,
            OffsetDateTime dueResolveAt, OffsetDateTime promisedAt, OffsetDateTime preferredFrom,
            OffsetDateTime preferredTo, boolean atRisk, boolean breached,
            @Schema(description = "Also the ETag; send it as If-Match when acting on the request") long version,
            List<TimelineEntry> timeline) {

        static RequestDetail of(ServiceRequest r, String siteCode, Instant now, ZoneId zone) {
            return new RequestDetail(r.getId(), r.getNumber(), r.getKind(), r.getCategory().getCode(), r.getPriority(),
                    r.getPriorityRaisedReason(), r.getStatus(), r.getChannel(), r.getScope(), siteCode, r.getHouseId(),
                    r.getCustomerId(), r.getContactPhone(), r.getLocationText(), r.getDescription(),
                    at(r.getCreatedAt(), zone), at(r.getDueAcknowledgeAt(), zone), at(r.getDueArrivalAt(), zone),
                    at(r.getDueResolveAt(), zone), at(r.getPromisedAt(), zone), at(r.getPreferredFrom(), zone),
                    at(r.getPreferredTo(), zone), r.isAtRisk(now), r.isBreached(now), r.getVersion(),
                    r.getEvents().stream().map(e -> new TimelineEntry(at(e.getAt(), zone), e.getType(), e.getActor(),
                            e.getNote(), e.isInternal())).toList());
        }

        /** The request as its owner may read it: without internal notes, nor why the desk raised its priority. */
        static RequestDetail forOwner(ServiceRequest r, String siteCode, Instant now, ZoneId zone) {
            RequestDetail staffView = of(r, siteCode, now, zone);
            return new RequestDetail(staffView.id(), staffView.number(), staffView.kind(), staffView.categoryCode(),
                    staffView.priority(), null, staffView.status(), staffView.channel(), staffView.scope(),
                    staffView.siteCode(), staffView.houseId(), staffView.customerId(), staffView.contactPhone(),
                    staffView.locationText(), staffView.description(), staffView.createdAt(),
                    staffView.dueAcknowledgeAt(), staffView.dueArrivalAt(), staffView.dueResolveAt(),
                    staffView.promisedAt(), staffView.preferredFrom(), staffView.preferredTo(), staffView.atRisk(),
                    staffView.breached(), staffView.version(),
                    staffView.timeline().stream().filter(entry -> !entry.internal()).toList());
        }
    }

    @Schema(name = "TimelineEntry", description = "One step on the request's timeline; internal notes are for staff only")
    record TimelineEntry(OffsetDateTime at, String type, String actor, String note, boolean internal) {
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
