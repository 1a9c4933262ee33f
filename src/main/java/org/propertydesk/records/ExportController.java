package org.propertydesk.records;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.propertydesk.shared.export.ExportFormat;
import org.propertydesk.shared.export.ExportWriter;
import org.propertydesk.shared.time.Dates;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * House and customer lists as CSV or .xlsx, limited to the user's sites, in the columns the import reads.
 * Full ID numbers only for those who may see them on screen.
 */
@Controller
@PreAuthorize(RecordsAccess.READERS)
class ExportController {

    private final ExportService exports;
    private final MessageSource messages;
    private final Dates dates;

    ExportController(ExportService exports, MessageSource messages, Dates dates) {
        this.exports = exports;
        this.messages = messages;
        this.dates = dates;
    }

    @GetMapping("/records/houses/export")
    void houses(@RequestParam(required = false) String format, @RequestParam(required = false) Long siteId, Locale locale,
            HttpServletResponse response) throws IOException {
        ExportFormat chosen = formatOf(format);
        requireSite(siteId);
        try (ExportWriter writer = start(response, chosen, "houses", locale)) {
            exports.houses(RecordsAccess.scope(), siteId, writer, locale);
        }
    }

    @GetMapping("/records/customers/export")
    void customers(@RequestParam(required = false) String format, @RequestParam(required = false) Long siteId,
            Locale locale, HttpServletResponse response) throws IOException {
        ExportFormat chosen = formatOf(format);
        requireSite(siteId);
        try (ExportWriter writer = start(response, chosen, "customers", locale)) {
            exports.customers(RecordsAccess.scope(), siteId, RecordsAccess.maySeeFullIdNumbers(), writer, locale);
        }
    }

    private static ExportFormat formatOf(String format) {
        return ExportFormat.of(format).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
    }

    private static void requireSite(Long siteId) {
        if (siteId != null) {
            RecordsAccess.requireSite(siteId, "Site", siteId);
        }
    }

    private ExportWriter start(HttpServletResponse response, ExportFormat format, String what, Locale locale) throws IOException {
        response.setContentType(format.mediaType().toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(what + "-" + dates.today() + "." + format.extension())
                .build().toString());
        return ExportWriter.open(format, response.getOutputStream(),
                messages.getMessage("imports.export.sheet." + what, null, locale), dates.zone());
    }
}
