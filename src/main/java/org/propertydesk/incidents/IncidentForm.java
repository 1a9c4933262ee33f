package org.propertydesk.incidents;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An incident as staff declare it; the expected restoration is the sites' local time (datetime-local). */
class IncidentForm {

    @NotNull
    private Long siteId;

    private Set<Long> buildingIds = new LinkedHashSet<>();

    @NotNull
    private IncidentKind kind;

    @NotNull
    private IncidentSeverity severity = IncidentSeverity.MAJOR;

    @NotBlank
    @Size(max = Incident.MAX_TITLE)
    private String title;

    @Size(max = Incident.MAX_TEXT)
    private String description;

    private LocalDateTime expectedRestoreAt;

    Incident.Declaration declaration(ZoneId zone) {
        return new Incident.Declaration(siteId, buildingIds == null ? Set.of() : Set.copyOf(buildingIds), kind, severity,
                title, description, expectedRestoreAt == null ? null : expectedRestoreAt.atZone(zone).toInstant());
    }

    public Long getSiteId() {
        return siteId;
    }

    public void setSiteId(Long siteId) {
        this.siteId = siteId;
    }

    public Set<Long> getBuildingIds() {
        return buildingIds;
    }

    public void setBuildingIds(Set<Long> buildingIds) {
        this.buildingIds = buildingIds == null ? new LinkedHashSet<>() : new LinkedHashSet<>(buildingIds);
    }

    public IncidentKind getKind() {
        return kind;
    }

    public void setKind(IncidentKind kind) {
        this.kind = kind;
    }

    public IncidentSeverity getSeverity() {
        return severity;
    }

    public void setSeverity(IncidentSeverity severity) {
        this.severity = severity;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public LocalDateTime getExpectedRestoreAt() {
        return expectedRestoreAt;
    }

    public void setExpectedRestoreAt(LocalDateTime expectedRestoreAt) {
        this.expectedRestoreAt = expectedRestoreAt;
    }
}
