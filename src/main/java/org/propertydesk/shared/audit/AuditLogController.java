package org.propertydesk.shared.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.PageLinks;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for administrators: newest first, filtered by person, path and days. Read-only by design. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditLogController {

    private static final int PAGE_SIZE = 50;
    private static final int MAX_PAGE = 10_000;

    record Entry(Instant at, String username, String method, String path, String query, String action, int status,
            String remoteAddr) {
    }

    private final JdbcClient jdbc;
    private final Dates dates;

    AuditLogController(JdbcClient jdbc, Dates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String path,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.min(Math.max(page, 0), MAX_PAGE);
        Instant start = from == null ? null : from.atStartOfDay(dates.zone()).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(dates.zone()).toInstant();
        String where = """
                where (:user = '' or username = :user)
                  and (:path = '' or path like :pathLike escape '\\')
                  and (cast(:start as timestamptz) is null or at >= :start)
                  and (cast(:end as timestamptz) is null or at < :end)""";
        String pathLike = "%" + path.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        long total = bind(jdbc.sql("select count(*) from audit_log " + where), user, path, pathLike, start, end)
                .query(Long.class).single();
        List<Entry> entries = bind(jdbc.sql("""
                select at, username, method, path, query, action, status, remote_addr from audit_log
                %s
                order by at desc, id desc limit :limit offset :offset""".formatted(where)), user, path, pathLike, start, end)
                .param("limit", PAGE_SIZE)
                .param("offset", (long) current * PAGE_SIZE)
                .query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("username"),
                        rs.getString("method"), rs.getString("path"), rs.getString("query"), rs.getString("action"),
                        rs.getInt("status"), rs.getString("remote_addr")))
                .list();
        Page<Entry> entryPage = new PageImpl<>(entries, PageRequest.of(current, PAGE_SIZE), total);
        model.addAttribute("entries", entryPage);
        model.addAttribute("pages", PageLinks.of(entryPage));
        model.addAttribute("user", user.strip());
        model.addAttribute("path", path.strip());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit/list";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, String user, String path,
            String pathLike, Instant start, Instant end) {
        return statement.param("user", user.strip())
                .param("path", path.strip())
                .param("pathLike", pathLike)
                .param("start", start == null ? null : Timestamp.from(start))
                .param("end", end == null ? null : Timestamp.from(end));
    }
}
