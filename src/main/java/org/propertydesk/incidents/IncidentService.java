package org.propertydesk.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.propertydesk.dispatch.EmergencyDuty;
import org.propertydesk.notifications.Notifications;
import org.propertydesk.portal.NoticeService;
import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.requests.IncidentRequests;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.propertydesk.staff.StaffDirectory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents: declaring one tells the affected households at once through an urgent notice and the site's
 * emergency-duty technicians and managers through notifications; calls about it are linked to it instead of becoming
 * separate work; its updates reach every linked request and the notice; resolving it resolves the linked requests.
 * An incident of a site the person does not serve is "not found".
 */
@Service
@Transactional
public class IncidentService {

    static final int PAGE_SIZE = 20;
    static final int MAX_PAGE = 100_000;
    /** How long the notice keeps telling owners the service is back. */
    static final Duration NOTICE_AFTER_RESOLUTION = Duration.ofDays(1);

    private final IncidentRepository incidents;
    private final IncidentRequests requests;
    private final NoticeService notices;
    private final EmergencyDuty duty;
    private final StaffDirectory staff;
    private final Notifications notifications;
    private final RecordsDirectory records;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Dates dates;

    IncidentService(IncidentRepository incidents, IncidentRequests requests, NoticeService notices, EmergencyDuty duty,
            StaffDirectory staff, Notifications notifications, RecordsDirectory records, MessageSource messages,
            JdbcClient jdbc, Dates dates) {
        this.incidents = incidents;
        this.requests = requests;
        this.notices = notices;
        this.duty = duty;
        this.staff = staff;
        this.notifications = notifications;
        this.records = records;
        this.messages = messages;
        this.jdbc = jdbc;
        this.dates = dates;
    }

    public record Row(long id, long siteId, String siteName, IncidentKind kind, IncidentSeverity severity, String title,
            IncidentStatus status, Instant declaredAt, Instant expectedRestoreAt, Instant resolvedAt, long linked,
            String buildings) {
    }

    public record Filter(Long siteId, IncidentStatus status) {
    }

    public record BuildingOption(long id, String code, String name) {
    }

    /** An active incident as intake shows it to the agent on the phone. */
    public record Active(long id, String title, IncidentKind kind, IncidentSeverity severity, Instant declaredAt,
            Instant expectedRestoreAt, String area, long linked) {
    }

    /** A call just linked: the new request, and the time to give the caller. */
    public record LinkedCall(long requestId, String number, Instant expectedRestoreAt) {
    }

    /** What declaring did besides saving: the notice and how many staff were told. */
    public record Declared(Incident incident, int staffNotified) {
    }

    // Reading

    @Transactional(readOnly = true)
    public Page<Row> list(Filter filter, int page) {
        SiteScope scope = CurrentUser.siteScope();
        if (filter.siteId() != null && !scope.includes(filter.siteId())) {
            throw new NotFoundException("site", filter.siteId());
        }
        int number = Math.min(Math.max(page, 0), MAX_PAGE);
        String where = """
                where (:allSites or i.site_id = any(:sites))
                  and (cast(:site as bigint) is null or i.site_id = :site)
                  and (cast(:status as varchar) is null or i.status = :status)
                """;
        Long[] sites = scope.idsForQuery().toArray(Long[]::new);
        String status = filter.status() == null ? null : filter.status().name();
        long total = jdbc.sql("select count(*) from incident i " + where)
                .param("allSites", scope.allSites()).param("sites", sites).param("site", filter.siteId())
                .param("status", status).query(Long.class).single();
        List<Row> rows = jdbc.sql(ROW_SELECT + where + """
                order by i.status = 'ACTIVE' desc, i.declared_at desc, i.id desc
                limit :size offset :offset
                """).param("allSites", scope.allSites()).param("sites", sites).param("site", filter.siteId())
                .param("status", status).param("size", PAGE_SIZE).param("offset", number * PAGE_SIZE)
                .query(IncidentService::row).list();
        return new PageImpl<>(rows, PageRequest.of(number, PAGE_SIZE), total);
    }

    private static final String ROW_SELECT = """
            select i.id, i.site_id, s.name as site_name, i.kind, i.severity, i.title, i.status, i.declared_at,
                   i.expected_restore_at, i.resolved_at,
                   (select count(*) from incident_request ir where ir.incident_id = i.id) as linked,
                   (select string_agg(b.name, ', ' order by b.code) from incident_building ib
                    join building b on b.id = ib.building_id where ib.incident_id = i.id) as buildings
            from incident i join site s on s.id = i.site_id
            """;

    /** The incident, if it is of one of the current person's sites. */
    @Transactional(readOnly = true)
    public Incident get(long id) {
        SiteScope scope = CurrentUser.siteScope();
        Incident incident = incidents.findById(id).filter(i -> scope.includes(i.getSiteId()))
                .orElseThrow(() -> new NotFoundException("incident", id));
        incident.getEntries().size();
        return incident;
    }

    @Transactional(readOnly = true)
    public List<IncidentRequests.Linked> linkedRequests(long id) {
        return requests.list(linkedIds(get(id).getId())).stream()
                .sorted(Comparator.comparing(IncidentRequests.Linked::receivedAt).thenComparing(IncidentRequests.Linked::id))
                .toList();
    }

    /** The buildings of a site the person serves, to choose the affected ones from. */
    @Transactional(readOnly = true)
    public List<BuildingOption> buildings(long siteId) {
        if (!CurrentUser.siteScope().includes(siteId)) {
            throw new NotFoundException("site", siteId);
        }
        return jdbc.sql("select id, code, name from building where site_id = ? order by code").params(siteId)
                .query((rs, n) -> new BuildingOption(rs.getLong("id"), rs.getString("code"), rs.getString("name")))
                .list();
    }

    /** Where the incident is: its buildings by name, or the whole site. */
    @Transactional(readOnly = true)
    public String area(Incident incident, Locale locale) {
        if (incident.getBuildingIds().isEmpty()) {
            return messages.getMessage("incident.wholeSite", null, locale);
        }
        return String.join(", ", jdbc.sql("select name from building where id = any(?) order by code")
                .params((Object) incident.getBuildingIds().toArray(Long[]::new)).query(String.class).list());
    }

    /**
     * The active incidents a caller is affected by: those of their house's site that cover its building, or with no
     * house, every active one of the site. Houses and sites the person does not serve are "not found".
     */
    @Transactional(readOnly = true)
    public List<Active> activeFor(Long siteId, Long houseId) {
        SiteScope scope = CurrentUser.siteScope();
        Long site = siteId;
        Long building = null;
        if (houseId != null) {
            var house = records.house(houseId, scope).orElseThrow(() -> new NotFoundException("house", houseId));
            site = house.siteId();
            building = buildingOf(houseId);
        }
        if (site == null) {
            return List.of();
        }
        if (!scope.includes(site)) {
            throw new NotFoundException("site", site);
        }
        List<Long> ids = jdbc.sql("""
                select i.id from incident i
                where i.status = 'ACTIVE' and i.site_id = :site
                  and (cast(:building as bigint) is null
                       or not exists (select 1 from incident_building ib where ib.incident_id = i.id)
                       or exists (select 1 from incident_building ib where ib.incident_id = i.id
                                  and ib.building_id = :building))
                order by i.declared_at desc, i.id desc
                """).param("site", site).param("building", building).query(Long.class).list();
        Locale locale = LocaleContextHolder.getLocale();
        List<Active> active = new ArrayList<>();
        for (Incident incident : incidents.findAllById(ids)) {
            active.add(new Active(incident.getId(), incident.getTitle(), incident.getKind(), incident.getSeverity(),
                    incident.getDeclaredAt(), incident.getExpectedRestoreAt(), area(incident, locale),
                    linkedIds(incident.getId()).size()));
        }
        active.sort((a, b) -> b.declaredAt().compareTo(a.declaredAt()));
        return active;
    }

    /** The incident a request of the person's sites is linked to, if any. */
    @Transactional(readOnly = true)
    public Optional<Incident> incidentOf(long requestId) {
        requests.find(requestId);
        return jdbc.sql("select incident_id from incident_request where request_id = ?").params(requestId)
                .query(Long.class).optional().flatMap(incidents::findById);
    }

    // Changing

    public Declared declare(Incident.Declaration declaration) {
        if (!CurrentUser.siteScope().includes(declaration.siteId())) {
            throw new IncidentRefusal("siteId", "incident.error.siteNotYours");
        }
        Set<Long> buildings = declaration.buildingIds() == null ? Set.of() : declaration.buildingIds();
        if (!buildings.isEmpty()) {
            long ofSite = jdbc.sql("select count(*) from building where id = any(?) and site_id = ?")
                    .params(buildings.toArray(Long[]::new), declaration.siteId()).query(Long.class).single();
            if (ofSite != buildings.size()) {
                throw new IncidentRefusal("buildingIds", "incident.error.buildingOtherSite");
            }
        }
        Instant now = dates.now();
        Incident incident = incidents.save(Incident.declare(declaration, CurrentUser.displayName(), now));
        Locale locale = LocaleContextHolder.getLocale();
        incident.noticePublished(notices.publishUrgent(incident.getSiteId(), incident.getBuildingIds(),
                incident.getTitle(), noticeBody(incident, locale)));
        String siteName = records.site(incident.getSiteId()).map(SiteSummary::name).orElse("");
        List<String> recipients = new ArrayList<>(duty.at(incident.getSiteId(), now).stream()
                .map(StaffDirectory.StaffMember::username).toList());
        staff.withRoleServing(Role.MANAGER, incident.getSiteId()).stream().map(StaffDirectory.StaffContact::username)
                .forEach(recipients::add);
        List<String> distinct = recipients.stream().distinct().toList();
        notifications.send(distinct, "INCIDENT", "incident.notification.declared",
                List.of(incident.getTitle(), siteName), "/incidents/" + incident.getId());
        return new Declared(incident, distinct.size());
    }

    /**
     * Takes a call from an affected caller in as a request linked to the incident, not sent to anyone: the incident is
     * the work. The caller's house must be in the affected area; without a house, the area is the location.
     */
    public LinkedCall linkCall(long id, IncidentRequests.Call call) {
        Incident incident = locked(id);
        requireActive(incident);
        Locale locale = LocaleContextHolder.getLocale();
        String location = call.locationText();
        if (call.houseId() != null) {
            var house = records.house(call.houseId(), CurrentUser.siteScope())
                    .orElseThrow(() -> new IncidentRefusal("houseId", "incident.error.houseNotFound"));
            if (!incident.affects(house.siteId(), buildingOf(house.id()))) {
                throw new IncidentRefusal("houseId", "incident.error.houseNotAffected", house.code());
            }
        } else if (location == null || location.isBlank()) {
            location = area(incident, locale);
        }
        String phone = call.contactPhone() == null || call.contactPhone().isBlank() ? null : call.contactPhone().strip();
        if (phone == null && call.customerId() != null) {
            phone = records.customer(call.customerId(), CurrentUser.siteScope())
                    .map(RecordsDirectory.CustomerSummary::primaryPhone).orElse(null);
        }
        if (phone == null) {
            throw new IncidentRefusal("contactPhone", "incident.error.phoneRequired");
        }
        long requestId = requests.receiveLinkedCall(
                new IncidentRequests.Call(incident.getSiteId(), call.houseId(), call.customerId(), phone, location,
                        messages.getMessage("incident.call.description", new Object[] {incident.getTitle()}, locale)),
                List.of(incident.getKind().categoryCode(), IncidentKind.FALLBACK_CATEGORY), summary(incident, locale));
        recordLink(incident, requestId);
        return new LinkedCall(requestId, requests.find(requestId).number(), incident.getExpectedRestoreAt());
    }

    /** Links a request of the same site that is still open and has nobody sent out on it. */
    public void linkRequest(long id, long requestId) {
        Incident incident = locked(id);
        requireActive(incident);
        IncidentRequests.Linked request = requests.find(requestId);
        if (request.siteId() != incident.getSiteId()) {
            throw new IncidentRefusal("requestId", "incident.error.requestOtherSite", request.number());
        }
        Optional<Long> linkedTo = jdbc.sql("select incident_id from incident_request where request_id = ?")
                .params(requestId).query(Long.class).optional();
        if (linkedTo.isPresent()) {
            throw new IncidentRefusal("requestId", linkedTo.get().equals(incident.getId())
                    ? "incident.error.alreadyLinked" : "incident.error.linkedElsewhere", request.number());
        }
        requests.link(requestId, summary(incident, LocaleContextHolder.getLocale()));
        recordLink(incident, requestId);
    }

    /** News of the incident, on its timeline, every linked request's timeline and the notice. */
    public void update(long id, String note, Instant newExpectedRestoreAt) {
        Incident incident = locked(id);
        incident.update(note, newExpectedRestoreAt, CurrentUser.displayName(), dates.now());
        Locale locale = LocaleContextHolder.getLocale();
        String text = note.strip();
        if (newExpectedRestoreAt != null) {
            text += messages.getMessage("incident.update.expected",
                    new Object[] {dates.dateTime(incident.getExpectedRestoreAt())}, locale);
        }
        requests.update(linkedIds(id), text);
        reviseNotice(incident, locale, null);
    }

    /** Resolves the incident and its open linked requests; returns how many requests were resolved. */
    public int resolve(long id, String note) {
        Incident incident = locked(id);
        Instant now = dates.now();
        incident.resolve(note, CurrentUser.displayName(), now);
        int resolved = requests.resolve(linkedIds(id), incident.getResolutionNote());
        reviseNotice(incident, LocaleContextHolder.getLocale(), now.plus(NOTICE_AFTER_RESOLUTION));
        return resolved;
    }

    // Dashboard

    public record DashboardRow(long id, String siteName, IncidentKind kind, IncidentSeverity severity, String title,
            IncidentStatus status, Instant declaredAt, Instant resolvedAt, Duration duration, long calls) {
    }

    public record DashboardFigures(List<DashboardRow> rows, long calls, Duration averageResolved) {
    }

    /**
     * The incidents of these sites that were going on at some time in [from, to): with how long each lasted (so far,
     * as of {@code asOf} while still active) and how many calls it absorbed.
     */
    @Transactional(readOnly = true)
    public DashboardFigures dashboard(Collection<Long> siteIds, Instant from, Instant to, Instant asOf) {
        List<DashboardRow> rows = jdbc.sql("""
                select i.id, s.name as site_name, i.kind, i.severity, i.title, i.status, i.declared_at, i.resolved_at,
                       (select count(*) from incident_request ir where ir.incident_id = i.id) as calls
                from incident i join site s on s.id = i.site_id
                where i.site_id = any(:sites) and i.declared_at < :to and (i.resolved_at is null or i.resolved_at >= :from)
                order by i.declared_at desc, i.id desc
                limit 200
                """).param("sites", siteIds.toArray(Long[]::new)).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> {
                    Instant declared = instant(rs, "declared_at");
                    Instant resolved = instant(rs, "resolved_at");
                    return new DashboardRow(rs.getLong("id"), rs.getString("site_name"),
                            IncidentKind.valueOf(rs.getString("kind")), IncidentSeverity.valueOf(rs.getString("severity")),
                            rs.getString("title"), IncidentStatus.valueOf(rs.getString("status")), declared, resolved,
                            Duration.between(declared, resolved != null ? resolved : asOf.isBefore(declared) ? declared : asOf),
                            rs.getLong("calls"));
                }).list();
        List<Duration> resolvedDurations = rows.stream().filter(r -> r.resolvedAt() != null).map(DashboardRow::duration)
                .toList();
        Duration average = resolvedDurations.isEmpty() ? null
                : resolvedDurations.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(resolvedDurations.size());
        return new DashboardFigures(rows, rows.stream().mapToLong(DashboardRow::calls).sum(), average);
    }

    // Helpers

    private Incident locked(long id) {
        SiteScope scope = CurrentUser.siteScope();
        return incidents.lockById(id).filter(i -> scope.includes(i.getSiteId()))
                .orElseThrow(() -> new NotFoundException("incident", id));
    }

    private static void requireActive(Incident incident) {
        if (!incident.isActive()) {
            throw new BusinessRuleException("incident.error.notActive");
        }
    }

    private List<Long> linkedIds(long incidentId) {
        return jdbc.sql("select request_id from incident_request where incident_id = ? order by linked_at, request_id")
                .params(incidentId).query(Long.class).list();
    }

    private void recordLink(Incident incident, long requestId) {
        jdbc.sql("""
                insert into incident_request (incident_id, request_id, linked_at, linked_by) values (?, ?, ?, ?)
                """).params(incident.getId(), requestId, Timestamp.from(dates.now()), CurrentUser.username()).update();
    }

    private Long buildingOf(long houseId) {
        return jdbc.sql("select building_id from house where id = ?").params(houseId).query(Long.class).optional()
                .orElse(null);
    }

    /** What the owner reads on a linked request's timeline: the incident and when the service should be back. */
    private String summary(Incident incident, Locale locale) {
        return incident.getExpectedRestoreAt() == null
                ? messages.getMessage("incident.call.summaryNoTime", new Object[] {incident.getTitle()}, locale)
                : messages.getMessage("incident.call.summary",
                        new Object[] {incident.getTitle(), dates.dateTime(incident.getExpectedRestoreAt())}, locale);
    }

    private void reviseNotice(Incident incident, Locale locale, Instant validUntil) {
        if (incident.getNoticeId() != null) {
            notices.revise(incident.getNoticeId(), noticeBody(incident, locale), validUntil);
        }
    }

    /**
     * The notice's text, rebuilt from the incident each time: what happened, where, when the service should be back,
     * and the news, latest first. In the language of the person writing, as the title and notes they type are.
     */
    private String noticeBody(Incident incident, Locale locale) {
        StringBuilder body = new StringBuilder();
        if (incident.getResolvedAt() != null) {
            body.append(messages.getMessage("incident.notice.resolved",
                    new Object[] {dates.dateTime(incident.getResolvedAt()), incident.getResolutionNote()}, locale))
                    .append("\n\n");
        }
        if (incident.getDescription() != null) {
            body.append(incident.getDescription()).append("\n\n");
        }
        body.append(messages.getMessage("incident.notice.area", new Object[] {area(incident, locale)}, locale));
        if (incident.getExpectedRestoreAt() != null && incident.isActive()) {
            body.append("\n").append(messages.getMessage("incident.notice.expected",
                    new Object[] {dates.dateTime(incident.getExpectedRestoreAt())}, locale));
        }
        List<IncidentEntry> updates = incident.getEntries().stream().filter(e -> e.getType().equals("updated")).toList();
        if (!updates.isEmpty()) {
            body.append("\n\n").append(messages.getMessage("incident.notice.updates", null, locale));
            for (int i = updates.size() - 1; i >= 0; i--) {
                body.append("\n").append(dates.dateTime(updates.get(i).getAt())).append(' ').append(updates.get(i).getNote());
            }
        }
        return body.toString();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("site_id"), rs.getString("site_name"), IncidentKind.valueOf(rs.getString("kind")),
                IncidentSeverity.valueOf(rs.getString("severity")), rs.getString("title"),
                IncidentStatus.valueOf(rs.getString("status")), instant(rs, "declared_at"),
                instant(rs, "expected_restore_at"), instant(rs, "resolved_at"), rs.getLong("linked"),
                rs.getString("buildings"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
