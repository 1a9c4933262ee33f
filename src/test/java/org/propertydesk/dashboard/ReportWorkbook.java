package org.propertydesk.dashboard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A downloaded workbook read back for assertions: sheets as rows of plain values (text, numbers as BigDecimal, date
 * cells as LocalDateTime, empty cells null).
 */
final class ReportWorkbook {

    private final Workbook workbook;

    ReportWorkbook(byte[] bytes) {
        try {
            this.workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    List<List<Object>> rows(String sheetName) {
        Sheet sheet = workbook.getSheet(sheetName);
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<Object> values = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    values.add(value(row.getCell(c)));
                }
            }
            rows.add(values);
        }
        return rows;
    }

    /** The first column of every row after the header: for request sheets, the request numbers. */
    List<Object> firstColumn(String sheetName) {
        return rows(sheetName).stream().skip(1).map(row -> row.get(0)).toList();
    }

    /** The row of the first block whose first two cells are this figure and detail (null: none). */
    List<Object> figure(String sheetName, String figure, String detail) {
        return rows(sheetName).stream()
                .filter(row -> row.size() > 1 && figure.equals(row.get(0)) && Objects.equals(detail, row.get(1)))
                .findFirst().orElseThrow(() -> new AssertionError("No row " + figure + " / " + detail));
    }

    /** The first row whose first cell is this text. */
    List<Object> rowStartingWith(String sheetName, String first) {
        return rows(sheetName).stream().filter(row -> !row.isEmpty() && first.equals(row.get(0))).findFirst()
                .orElseThrow(() -> new AssertionError("No row " + first));
    }

    private static Object value(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue();
            }
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
        }
        return cell.getStringCellValue();
    }

    /** A number as the workbook holds it, for comparing with a figure (null stays null). */
    static BigDecimal number(Number value) {
        return value == null ? null : new BigDecimal(value.toString()).stripTrailingZeros();
    }

    static LocalDateTime at(String shanghai) {
        return LocalDateTime.parse(shanghai);
    }
}
