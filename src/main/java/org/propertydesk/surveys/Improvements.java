package org.propertydesk.surveys;

import java.math.BigDecimal;
import java.util.List;

import org.propertydesk.notifications.Notifications;
import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.NotFoundException;
import org.propertydesk.staff.StaffDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Improvement tasks: when a questionnaire closes, every site and service line whose satisfaction index is below
 * {@code propertydesk.surveys.low-index-threshold} (default 60) gets a task for that site's managers, who are
 * notified, act, and mark it done with a note.
 */
@Service
@Transactional
class Improvements {

    static final int PAGE_SIZE = 30;

    private final IndexQueries indexes;
    private final ImprovementTaskRepository tasks;
    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final StaffDirectory staff;
    private final RecordsDirectory records;
    private final Dates dates;
    private final BigDecimal threshold;

    Improvements(IndexQueries indexes, ImprovementTaskRepository tasks, JdbcClient jdbc, Notifications notifications,
            StaffDirectory staff, RecordsDirectory records, Dates dates,
            @Value("${propertydesk.surveys.low-index-threshold:60}") BigDecimal threshold) {
        this.indexes = indexes;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.staff = staff;
        this.records = records;
        this.dates = dates;
        this.threshold = threshold;
    }

    BigDecimal threshold() {
        return threshold;
    }

    /** Raises the tasks for a closed questionnaire; a task already raised for a site and line is not raised again. */
    void raiseFor(Questionnaire q) {
        for (IndexQueries.Cell cell : indexes.bySiteAndLine(q.getId(), q.getSiteIds())) {
            if (cell.index().compareTo(threshold) >= 0) {
                continue;
            }
            var now = dates.now();
            List<Long> inserted = jdbc.sql("""
                    insert into improvement_task (questionnaire_id, site_id, service_line, index_value, status,
                                                  created_at, created_by, updated_at, updated_by)
                    values (:q, :site, :line, :idx, 'OPEN', :now, :by, :now, :by)
                    on conflict (questionnaire_id, site_id, service_line) do nothing
                    returning id
                    """).param("q", q.getId()).param("site", cell.siteId()).param("line", cell.line().name())
                    .param("idx", cell.index()).param("now", java.sql.Timestamp.from(now))
                    .param("by", CurrentUser.username()).query(Long.class).list();
            if (inserted.isEmpty()) {
                continue;
            }
            List<String> managers = staff.withRoleServing(Role.MANAGER, cell.siteId()).stream()
                    .map(StaffDirectory.StaffContact::username).toList();
            if (!managers.isEmpty()) {
                String site = records.site(cell.siteId()).map(SiteSummary::name).orElse(String.valueOf(cell.siteId()));
                notifications.send(managers, "IMPROVEMENT", "survey.improvement.notification",
                        List.of(site, "survey.line." + cell.line().name(), cell.index().toPlainString(), q.getTitle()),
                        "/surveys/improvements");
            }
        }
    }

    @Transactional(readOnly = true)
    Page<ImprovementTask> list(ImprovementStatus status, int page) {
        SiteScope scope = CurrentUser.siteScope();
        return tasks.findVisible(status, scope.allSites(), scope.idsForQuery(), PageRequest.of(Math.max(page, 0), PAGE_SIZE));
    }

    void markDone(long id, String note) {
        SiteScope scope = CurrentUser.siteScope();
        ImprovementTask task = tasks.findById(id).filter(t -> scope.includes(t.getSiteId()))
                .orElseThrow(() -> new NotFoundException("Improvement task", id));
        if (task.getStatus() == ImprovementStatus.DONE) {
            throw new org.propertydesk.shared.web.BusinessRuleException("survey.improvement.alreadyDone");
        }
        task.done(note, dates.now(), CurrentUser.username());
    }
}
