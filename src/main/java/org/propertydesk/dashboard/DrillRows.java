package org.propertydesk.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.propertydesk.shared.export.ExportWriter;
import org.springframework.context.MessageSource;

/**
 * The columns of a list of requests behind a figure, as its exports and the report's request sheets write them:
 * codes translated into the reader's language, moments left to the writer (display zone).
 */
final class DrillRows {

    private static final List<String> HEADERS = List.of("request.number", "request.kind", "request.category",
            "house.site", "export.column.house", "request.channel", "request.priority", "request.status",
            "export.column.receivedAt", "export.column.acknowledgedAt", "export.column.arrivedAt",
            "export.column.resolvedAt", "request.owner", "export.column.breached");

    private final MessageSource messages;
    private final Locale locale;

    DrillRows(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    List<String> header() {
        return HEADERS.stream().map(this::text).toList();
    }

    List<Object> cells(DrillDown.Row row) {
        return Arrays.asList(row.number(), text("request.kind." + row.kind()), category(row), row.siteName(),
                row.houseCode(), text("request.channel." + row.channel()), text("request.priority." + row.priority()),
                text("request.status." + row.status()), row.receivedAt(), row.acknowledgedAt(), row.arrivedAt(),
                row.resolvedAt(), row.ownerName(), text(row.breached() ? "export.yes" : "export.no"));
    }

    /** Writes the row; a reader who went away ends the streaming query. */
    void write(ExportWriter writer, DrillDown.Row row) {
        try {
            writer.row(cells(row));
        } catch (IOException clientGone) {
            throw new UncheckedIOException(clientGone);
        }
    }

    private String category(DrillDown.Row row) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? row.categoryZh() : row.categoryEn();
    }

    private String text(String key) {
        return messages.getMessage(key, null, locale);
    }
}
