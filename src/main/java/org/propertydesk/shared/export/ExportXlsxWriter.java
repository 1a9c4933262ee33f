package org.propertydesk.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An .xlsx written with POI's streaming workbook: only a window of rows is in memory, the rest goes to a temporary
 * file until the workbook is written out. Text goes into string cells, which Excel never evaluates, so it needs no
 * formula guard; numbers are numbers, dates and moments are real date cells (moments in the display zone). A workbook
 * of several sheets, such as a report, starts each further sheet with {@link #sheet(String)}.
 */
public final class ExportXlsxWriter implements ExportWriter {

    private static final int ROWS_IN_MEMORY = 200;

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final CellStyle dateStyle;
    private final CellStyle dateTimeStyle;
    private final ZoneId zone;
    private SXSSFSheet sheet;
    private int rowIndex;

    public ExportXlsxWriter(OutputStream out, String sheetName, ZoneId zone) {
        this.out = out;
        this.zone = zone;
        this.workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        workbook.setCompressTempFiles(true);
        var formats = workbook.getCreationHelper().createDataFormat();
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(formats.getFormat("yyyy-mm-dd"));
        this.dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(formats.getFormat("yyyy-mm-dd hh:mm"));
        sheet(sheetName);
    }

    /** Starts another sheet; the rows that follow go into it. */
    public void sheet(String name) {
        this.sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
        this.rowIndex = 0;
    }

    @Override
    public void row(List<?> cells) {
        Row row = sheet.createRow(rowIndex++);
        for (int column = 0; column < cells.size(); column++) {
            Object value = cells.get(column);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(column);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(dateStyle);
            } else if (value instanceof Instant instant) {
                cell.setCellValue(instant.atZone(zone).toLocalDateTime());
                cell.setCellStyle(dateTimeStyle);
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.write(out);
            out.flush();
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }
}
