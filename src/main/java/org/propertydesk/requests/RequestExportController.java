package org.propertydesk.requests;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.export.ExportFormat;
import org.propertydesk.shared.export.ExportRefusedException;
import org.propertydesk.shared.export.ExportWriter;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A request queue as CSV or .xlsx with the list's filters: the same queue, site and kind, in the list's order, read
 * a chunk at a time so that a long queue is streamed rather than held.
 */
@Controller
@PreAuthorize(RequestController.STAFF)
class RequestExportController {

    /** Rows read per query. */
    static final int CHUNK = 500;

    /** An export stops here; a larger queue is narrowed first. */
    static final int MAX_ROWS = 100_000;

    private static final List<String> HEADERS = List.of("request.number", "request.kind", "request.category",
            "request.priority", "request.where", "request.status", "request.nextDue", "export.column.breached",
            "request.owner", "export.column.receivedAt");

    private final RequestQueue queue;
    private final SiteDirectory sites;
    private final RecordsDirectory records;
    private final MessageSource messages;
    private final Dates dates;

    RequestExportController(RequestQueue queue, SiteDirectory sites, RecordsDirectory records, MessageSource messages,
            Dates dates) {
        this.queue = queue;
        this.sites = sites;
        this.records = records;
        this.messages = messages;
        this.dates = dates;
    }

    @GetMapping("/requests/export")
    void export(@RequestParam(defaultValue = "OPEN") RequestQueue.Queue q, @RequestParam(required = false) Long siteId,
            @RequestParam(required = false) RequestKind kind, @RequestParam(required = false) String format,
            Locale locale, HttpServletResponse response) throws IOException {
        ExportFormat chosen = ExportFormat.of(format).orElseThrow(() -> new ExportRefusedException("export.error.format"));
        SiteScope scope = CurrentUser.siteScope();
        if (siteId != null && sites.visibleIn(scope).stream().map(SiteSummary::id).noneMatch(siteId::equals)) {
            throw new NotFoundException("site", siteId);
        }
        RequestQueue.Filter filter = new RequestQueue.Filter(q, siteId, kind);
        String username = CurrentUser.username();
        Instant now = dates.now();
        response.setContentType(chosen.mediaType().toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                chosen.attachment("requests-" + q.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + dates.today()));
        try (ExportWriter writer = ExportWriter.open(chosen, response.getOutputStream(),
                text("export.sheet.requests", locale), dates.zone())) {
            writer.row(HEADERS.stream().map(key -> text(key, locale)).toList());
            Page<ServiceRequest> page;
            int number = 0;
            do {
                page = queue.list(filter, scope, username, now, PageRequest.of(number++, CHUNK));
                Map<Long, String> houses = houseCodes(page.getContent());
                for (ServiceRequest r : page.getContent()) {
                    writer.row(cells(r, houses, now, locale));
                }
            } while (page.hasNext() && number * CHUNK < MAX_ROWS);
        }
    }

    private List<Object> cells(ServiceRequest r, Map<Long, String> houses, Instant now, Locale locale) {
        SlaTarget target = r.pendingTarget();
        return Arrays.asList(r.getNumber(), text("request.kind." + r.getKind(), locale), r.getCategory().name(locale),
                text("request.priority." + r.getPriority(), locale),
                r.getHouseId() != null ? houses.get(r.getHouseId()) : r.getLocationText(),
                text("request.status." + r.getStatus(), locale), target == null ? null : r.dueOf(target),
                text(r.isBreached(now) ? "export.yes" : "export.no", locale), r.getOwnerName(), r.getReceivedAt());
    }

    /** The houses as the list shows them: site code and house code. */
    private Map<Long, String> houseCodes(List<ServiceRequest> requests) {
        var ids = requests.stream().map(ServiceRequest::getHouseId).filter(Objects::nonNull).distinct().toList();
        return records.houses(ids).stream().collect(Collectors.toMap(RecordsDirectory.HouseSummary::id,
                h -> h.siteCode() + " " + h.code()));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
