package org.propertydesk.shared.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV in UTF-8 with a BOM, without which Excel reads UTF-8 as the local code page and garbles Chinese.
 */
public final class ExportCsvWriter implements ExportWriter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CSVPrinter printer;
    private final DateTimeFormatter dateTime;

    public ExportCsvWriter(OutputStream out, ZoneId zone) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        this.dateTime = DATE_TIME.withZone(zone);
    }

    @Override
    public void row(List<?> cells) throws IOException {
        List<String> values = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            values.add(format(cell));
        }
        printer.printRecord(values);
    }

    private String format(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (cell instanceof Instant instant) {
            return dateTime.format(instant);
        }
        if (cell instanceof String text) {
            return guard(text);
        }
        return cell.toString();
    }

    /**
     * Spreadsheet programs run a cell starting with = + - @ as a formula, which a name or email typed by anyone could
     * abuse; a leading quote makes it text. Numbers and dates are written by us and are not guarded, so that negative
     * floors stay numbers; phones are digits only. The import drops the quote again.
     */
    public static String guard(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
