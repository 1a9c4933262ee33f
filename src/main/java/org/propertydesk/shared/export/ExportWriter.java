package org.propertydesk.shared.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes an export row by row straight to the response, so that a list of any length never sits in memory whole.
 * Cells are text, numbers (Integer, Long, BigDecimal), dates (LocalDate), moments (Instant, shown in the display zone
 * given when the writer is opened) or null for an empty cell.
 */
public interface ExportWriter extends Closeable {

    void row(List<?> cells) throws IOException;

    static ExportWriter open(ExportFormat format, OutputStream out, String sheetName, ZoneId zone) throws IOException {
        return switch (format) {
            case CSV -> new ExportCsvWriter(out, zone);
            case XLSX -> new ExportXlsxWriter(out, sheetName, zone);
        };
    }
}
