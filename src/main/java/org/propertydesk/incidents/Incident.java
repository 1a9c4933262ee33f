package org.propertydesk.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.propertydesk.shared.audit.Audited;
import org.propertydesk.shared.web.BusinessRuleException;

/**
 * An incident (应急事件) at a site, or only at some of its buildings: declared with what happened, how bad it is and
 * when the service should be back; updated while it lasts; resolved once. Every step goes on its own timeline.
 */
@Entity
@Table(name = "incident")
public class Incident extends Audited {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_id", nullable = false, updatable = false)
    private Long siteId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IncidentKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IncidentSeverity severity;

    @Column(nullable = false)
    private String title;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IncidentStatus status;

    @Column(name = "declared_at", nullable = false, updatable = false)
    private Instant declaredAt;

    @Column(name = "declared_by_name", nullable = false, updatable = false)
    private String declaredByName;

    @Column(name = "expected_restore_at")
    private Instant expectedRestoreAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by_name")
    private String resolvedByName;

    @Column(name = "resolution_note")
    private String resolutionNote;

    @Column(name = "notice_id")
    private Long noticeId;

    /** Empty: the whole site. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "incident_building", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "building_id")
    private Set<Long> buildingIds = new LinkedHashSet<>();

    @OneToMany(mappedBy = "incident", cascade = CascadeType.ALL)
    @OrderBy("at, id")
    private List<IncidentEntry> entries = new ArrayList<>();

    protected Incident() {
    }

    /** What the person declaring it says happened. */
    public record Declaration(long siteId, Set<Long> buildingIds, IncidentKind kind, IncidentSeverity severity, String title,
            String description, Instant expectedRestoreAt) {
    }

    static Incident declare(Declaration declaration, String by, Instant now) {
        if (declaration.kind() == null) {
            throw new IncidentRefusal("kind", "incident.error.kindRequired");
        }
        if (declaration.severity() == null) {
            throw new IncidentRefusal("severity", "incident.error.severityRequired");
        }
        Incident incident = new Incident();
        incident.title = text(declaration.title(), "title", MAX_TITLE, "incident.error.titleRequired");
        incident.description = optionalText(declaration.description(), "description");
        incident.expectedRestoreAt = future(declaration.expectedRestoreAt(), now);
        incident.siteId = declaration.siteId();
        incident.buildingIds.addAll(declaration.buildingIds() == null ? Set.of() : declaration.buildingIds());
        incident.kind = declaration.kind();
        incident.severity = declaration.severity();
        incident.status = IncidentStatus.ACTIVE;
        incident.declaredAt = now;
        incident.declaredByName = by;
        incident.log(now, "declared", by, incident.description);
        return incident;
    }

    /** News while it lasts, and when given, a new expected restoration time, which the timeline then names. */
    void update(String note, Instant newExpectedRestoreAt, String by, Instant now) {
        requireActive();
        String text = text(note, "note", MAX_TEXT, "incident.error.noteRequired");
        if (newExpectedRestoreAt != null) {
            expectedRestoreAt = future(newExpectedRestoreAt, now);
        }
        log(now, "updated", by, text);
    }

    void resolve(String note, String by, Instant now) {
        requireActive();
        resolutionNote = text(note, "note", MAX_TEXT, "incident.error.noteRequired");
        resolvedAt = now;
        resolvedByName = by;
        status = IncidentStatus.RESOLVED;
        log(now, "resolved", by, resolutionNote);
    }

    void noticePublished(long noticeId) {
        this.noticeId = noticeId;
    }

    boolean isActive() {
        return status == IncidentStatus.ACTIVE;
    }

    /** Whether a house of the site in this building is affected: all are when no building is named. */
    boolean affects(long siteId, Long buildingId) {
        return this.siteId == siteId && (buildingIds.isEmpty() || buildingIds.contains(buildingId));
    }

    /** How long it lasted, or has lasted so far. */
    public Duration durationAt(Instant now) {
        return Duration.between(declaredAt, resolvedAt != null ? resolvedAt : now);
    }

    private void requireActive() {
        if (!isActive()) {
            throw new BusinessRuleException("incident.error.notActive");
        }
    }

    private void log(Instant at, String type, String by, String note) {
        entries.add(new IncidentEntry(this, at, type, by, note));
    }

    private static String text(String value, String field, int max, String requiredKey) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            throw new IncidentRefusal(field, requiredKey);
        }
        if (clean.length() > max) {
            throw new IncidentRefusal(field, "incident.error.tooLong", max);
        }
        return clean;
    }

    private static String optionalText(String value, String field) {
        String clean = value == null ? "" : value.strip();
        if (clean.length() > MAX_TEXT) {
            throw new IncidentRefusal(field, "incident.error.tooLong", MAX_TEXT);
        }
        return clean.isEmpty() ? null : clean;
    }

    /** A restoration time already past is no promise a caller can be given. */
    private static Instant future(Instant expected, Instant now) {
        if (expected != null && !expected.isAfter(now)) {
            throw new IncidentRefusal("expectedRestoreAt", "incident.error.expectedInPast");
        }
        return expected;
    }

    public Long getId() {
        return id;
    }

    public Long getSiteId() {
        return siteId;
    }

    public IncidentKind getKind() {
        return kind;
    }

    public IncidentSeverity getSeverity() {
        return severity;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public IncidentStatus getStatus() {
        return status;
    }

    public Instant getDeclaredAt() {
        return declaredAt;
    }

    public String getDeclaredByName() {
        return declaredByName;
    }

    public Instant getExpectedRestoreAt() {
        return expectedRestoreAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getResolvedByName() {
        return resolvedByName;
    }

    public String getResolutionNote() {
        return resolutionNote;
    }

    public Long getNoticeId() {
        return noticeId;
    }

    public Set<Long> getBuildingIds() {
        return Set.copyOf(buildingIds);
    }

    public List<IncidentEntry> getEntries() {
        return Collections.unmodifiableList(entries);
    }
}
