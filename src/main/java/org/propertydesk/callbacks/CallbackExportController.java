package org.propertydesk.callbacks;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.propertydesk.records.PhoneNumbers;
import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.export.ExportFormat;
import org.propertydesk.shared.export.ExportRefusedException;
import org.propertydesk.shared.export.ExportWriter;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.MessageTokens;
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
 * The callback list as CSV or .xlsx with its filters (the tab and the site), in the list's order and with its
 * columns, read a chunk at a time so that a long list is streamed rather than held.
 */
@Controller
@PreAuthorize(CallbackController.CALLERS)
class CallbackExportController {

    /** Rows read per query. */
    static final int CHUNK = 500;

    /** An export stops here; a larger list is narrowed first. */
    static final int MAX_ROWS = 100_000;

    private static final List<String> HEADERS = List.of("request.number", "request.kind", "request.category",
            "request.where", "request.contactPhone", "callback.whatWasDone", "export.column.doneBy",
            "export.column.doneAt", "callback.dueAt", "callback.attempts", "request.status",
            "export.column.satisfaction", "export.column.overdue");

    private final CallbackQueue queue;
    private final SiteDirectory sites;
    private final RecordsDirectory records;
    private final MessageSource messages;
    private final Dates dates;

    CallbackExportController(CallbackQueue queue, SiteDirectory sites, RecordsDirectory records, MessageSource messages,
            Dates dates) {
        this.queue = queue;
        this.sites = sites;
        this.records = records;
        this.messages = messages;
        this.dates = dates;
    }

    @GetMapping("/callbacks/export")
    void export(@RequestParam(defaultValue = "TODAY") CallbackQueue.When when,
            @RequestParam(required = false) Long siteId, @RequestParam(required = false) String format, Locale locale,
            HttpServletResponse response) throws IOException {
        ExportFormat chosen = ExportFormat.of(format).orElseThrow(() -> new ExportRefusedException("export.error.format"));
        SiteScope scope = CurrentUser.siteScope();
        if (siteId != null && sites.visibleIn(scope).stream().map(SiteSummary::id).noneMatch(siteId::equals)) {
            throw new NotFoundException("site", siteId);
        }
        Instant now = dates.now();
        response.setContentType(chosen.mediaType().toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                chosen.attachment("callbacks-" + when.name().toLowerCase(Locale.ROOT) + "-" + dates.today()));
        try (ExportWriter writer = ExportWriter.open(chosen, response.getOutputStream(),
                text("export.sheet.callbacks", locale), dates.zone())) {
            writer.row(HEADERS.stream().map(key -> text(key, locale)).toList());
            Page<CallbackQueue.Row> page;
            int number = 0;
            do {
                page = queue.list(when, siteId, scope, PageRequest.of(number++, CHUNK));
                Map<Long, String> houses = houseCodes(page.getContent());
                for (CallbackQueue.Row row : page.getContent()) {
                    writer.row(cells(row, houses, now, locale));
                }
            } while (page.hasNext() && number * CHUNK < MAX_ROWS);
        }
    }

    private List<Object> cells(CallbackQueue.Row row, Map<Long, String> houses, Instant now, Locale locale) {
        Callback callback = row.callback();
        RequestWork.Job job = row.job();
        RequestWork.Resolution resolution = row.resolution();
        boolean overdue = callback.getStatus() == CallbackStatus.DUE && now.isAfter(callback.getDueAt());
        return Arrays.asList(job.number(), text("request.kind." + job.kind(), locale), job.categoryName(locale),
                job.houseId() != null ? houses.getOrDefault(job.houseId(), job.locationText()) : job.locationText(),
                job.contactPhone() == null ? null : PhoneNumbers.display(PhoneNumbers.normalise(job.contactPhone())),
                resolution == null ? null : MessageTokens.translate(resolution.note(), messages, locale),
                resolution == null ? null : resolution.by(), resolution == null ? null : resolution.at(),
                callback.getDueAt(), callback.getFailedAttempts(), text("callback.status." + callback.getStatus(), locale),
                callback.getSatisfaction() == null ? null : text("callback.satisfaction." + callback.getSatisfaction(), locale),
                text(overdue ? "export.yes" : "export.no", locale));
    }

    /** The houses as the list shows them: the house code. */
    private Map<Long, String> houseCodes(List<CallbackQueue.Row> rows) {
        var ids = rows.stream().map(row -> row.job().houseId()).filter(Objects::nonNull).distinct().toList();
        return records.houses(ids).stream()
                .collect(Collectors.toMap(RecordsDirectory.HouseSummary::id, RecordsDirectory.HouseSummary::code));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
