package org.propertydesk.records;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes an export row by row straight to the response, so that a list of any length never sits in memory whole.
 * Cells are text, numbers (Integer, BigDecimal), dates (LocalDate) or null for an empty cell.
 */
interface ExportWriter extends Closeable {

    void row(List<?> cells) throws IOException;

    static ExportWriter open(ExportFormat format, OutputStream out, String sheetName) throws IOException {
        return switch (format) {
            case CSV -> new ExportCsvWriter(out);
            case XLSX -> new ExportXlsxWriter(out, sheetName);
        };
    }
}
