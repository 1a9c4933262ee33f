package org.propertydesk.incidents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import org.propertydesk.requests.IncidentRequests;

/** The incidents API's bodies. Times are ISO-8601 with the sites' offset. */
final class IncidentApiJson {

    private IncidentApiJson() {
    }

    @Schema(name = "NewIncident", description = "An incident as staff declare it; no buildingIds means the whole site")
    record NewIncident(
            @NotBlank @Size(max = 32) String siteCode,
            @NotNull IncidentKind kind,
            @NotBlank @Size(max = Incident.MAX_TITLE) String title,
            @Size(max = Incident.MAX_TEXT) String description,
            Set<@NotNull @Positive Long> buildingIds,
            @Schema(description = "Defaults to MAJOR") IncidentSeverity severity,
            @Schema(description = "When the service should be back: what callers are told; must be in the future")
            OffsetDateTime expectedRestoreAt) {
    }

    @Schema(name = "IncidentLink", description = "A request of the incident's site to link to it")
    record Link(@NotNull @Positive Long requestId) {
    }

    @Schema(name = "IncidentNote", description = "An update (optionally with a new expected restoration) or the resolution")
    record Note(@NotBlank @Size(max = Incident.MAX_TEXT) String note, OffsetDateTime expectedRestoreAt) {
    }

    @Schema(name = "IncidentSummary")
    record Summary(long id, String siteCode, IncidentKind kind, IncidentSeverity severity, String title,
            IncidentStatus status, OffsetDateTime declaredAt, OffsetDateTime expectedRestoreAt,
            OffsetDateTime resolvedAt, long linkedRequests) {

        static Summary of(IncidentService.Row row, String siteCode, ZoneId zone) {
            return new Summary(row.id(), siteCode, row.kind(), row.severity(), row.title(), row.status(),
                    at(row.declaredAt(), zone), at(row.expectedRestoreAt(), zone), at(row.resolvedAt(), zone),
                    row.linked());
        }
    }

    @Schema(name = "IncidentDetail", description = "An incident with its own timeline and its linked requests")
    record Detail(long id, String siteCode, IncidentKind kind, IncidentSeverity severity, String title,
            String description, IncidentStatus status, List<Long> buildingIds, OffsetDateTime declaredAt,
            String declaredBy, OffsetDateTime expectedRestoreAt, OffsetDateTime resolvedAt, String resolutionNote,
            Long noticeId, long linkedRequests, List<LinkedRequest> requests, List<TimelineEntry> timeline) {

        static Detail of(Incident incident, String siteCode, List<IncidentRequests.Linked> linked, ZoneId zone) {
            return new Detail(incident.getId(), siteCode, incident.getKind(), incident.getSeverity(), incident.getTitle(),
                    incident.getDescription(), incident.getStatus(), incident.getBuildingIds().stream().sorted().toList(),
                    at(incident.getDeclaredAt(), zone), incident.getDeclaredByName(),
                    at(incident.getExpectedRestoreAt(), zone), at(incident.getResolvedAt(), zone),
                    incident.getResolutionNote(), incident.getNoticeId(), linked.size(),
                    linked.stream().map(r -> new LinkedRequest(r.id(), r.number(), r.status().name(), r.houseId()))
                            .toList(),
                    incident.getEntries().stream()
                            .map(e -> new TimelineEntry(at(e.getAt(), zone), e.getType(), e.getAuthorName(), e.getNote()))
                            .toList());
        }
    }

    record LinkedRequest(long id, String number, String status, Long houseId) {
    }

    record TimelineEntry(OffsetDateTime at, String type, String author, String note) {
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
