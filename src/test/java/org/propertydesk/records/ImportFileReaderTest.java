package org.propertydesk.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ImportFileReaderTest {

    private static final String CSV = "项目编码,房号,用途\r\nSH01,3-2-1502,商铺\r\n\r\nSH01,\"A-101\",住宅\r\n";

    @Test
    void readsUtf8WithoutBom() {
        ImportTable table = ImportFileReader.read("houses.csv", CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(table.headers()).containsExactly("项目编码", "房号", "用途");
        assertThat(table.lines()).extracting(ImportTable.Line::rowNumber).containsExactly(2, 4);
        assertThat(table.lines().get(0).cells()).containsExactly("SH01", "3-2-1502", "商铺");
    }

    @Test
    void readsUtf8WithBom() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = CSV.getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(text, 0, content, bom.length, text.length);

        ImportTable table = ImportFileReader.read("HOUSES.CSV", content);

        assertThat(table.headers().get(0)).isEqualTo("项目编码");
    }

    @Test
    void readsGbk() {
        ImportTable table = ImportFileReader.read("houses.csv", CSV.getBytes(Charset.forName("GBK")));

        assertThat(table.headers()).containsExactly("项目编码", "房号", "用途");
        assertThat(table.lines().get(1).cells()).containsExactly("SH01", "A-101", "住宅");
    }

    @Test
    void readsTabSeparatedText() {
        ImportTable table = ImportFileReader.read("houses.csv", "site_code\thouse\nSH01\t3-1502\n".getBytes(StandardCharsets.UTF_8));

        assertThat(table.lines().get(0).cells()).containsExactly("SH01", "3-1502");
    }

    @Test
    void readsXlsxDatesAndNumbersAsPlainText() throws IOException {
        byte[] content;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("交房日期");
            header.createCell(2).setCellValue("电话");
            Row row = sheet.createRow(2);
            CellStyle slashDate = workbook.createCellStyle();
            slashDate.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            row.createCell(0).setCellValue(LocalDate.of(2024, 3, 1));
            row.getCell(0).setCellStyle(slashDate);
            CellStyle grouped = workbook.createCellStyle();
            grouped.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            row.createCell(1).setCellValue(1502);
            row.getCell(1).setCellStyle(grouped);
            row.createCell(2).setCellValue(13800138000d);
            workbook.write(out);
            content = out.toByteArray();
        }

        ImportTable table = ImportFileReader.read("houses.xlsx", content);

        assertThat(table.headers()).containsExactly("交房日期", null, "电话");
        assertThat(table.lines()).hasSize(1);
        assertThat(table.lines().get(0).rowNumber()).isEqualTo(3);
        assertThat(table.lines().get(0).cells()).containsExactly("2024-03-01", "1502", "13800138000");
    }

    @Test
    void refusesOtherFileTypes() {
        assertThatThrownBy(() -> ImportFileReader.read("houses.xls", new byte[] {1}))
                .hasFieldOrPropertyWithValue("messageKey", "imports.error.extension");
    }

    @Test
    void refusesEmptyFilesAndFilesWithoutRows() {
        assertThatThrownBy(() -> ImportFileReader.read("houses.csv", new byte[0]))
                .hasFieldOrPropertyWithValue("messageKey", "imports.error.empty");
        assertThatThrownBy(() -> ImportFileReader.read("houses.csv", "site_code,house\r\n\r\n".getBytes(StandardCharsets.UTF_8)))
                .hasFieldOrPropertyWithValue("messageKey", "imports.error.noRows");
    }

    @Test
    void refusesAWorkbookThatIsNotOne() {
        assertThatThrownBy(() -> ImportFileReader.read("houses.xlsx", "site_code,house\nSH01,1-101\n".getBytes(StandardCharsets.UTF_8)))
                .hasFieldOrPropertyWithValue("messageKey", "imports.error.unreadable");
    }

    @Test
    void refusesAnUnclosedQuote() {
        assertThatThrownBy(() -> ImportFileReader.read("houses.csv", "site_code,house\nSH01,\"1-101\n".getBytes(StandardCharsets.UTF_8)))
                .hasFieldOrPropertyWithValue("messageKey", "imports.error.unreadable");
    }

    @Test
    void refusesTooManyRows() {
        StringBuilder csv = new StringBuilder("site_code,house\n");
        csv.append("SH01,1-101\n".repeat(ImportFileReader.MAX_ROWS + 1));

        assertThatThrownBy(() -> ImportFileReader.read("houses.csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                .hasFieldOrPropertyWithValue("messageKey", "imports.error.tooManyRows");
    }

    @Test
    void matchesHeadersInEitherLanguageAndRefusesMissingRequiredOnes() {
        ImportTable table = new ImportTable(List.of("Site Code", "房号", "备注"),
                List.of(new ImportTable.Line(2, List.of("SH01", "1-101", "x"))));

        ImportUpload upload = ImportUpload.of(ImportKind.HOUSES, "houses.csv", table);

        assertThat(upload.records().get(0).get(ImportColumn.SITE_CODE)).isEqualTo("SH01");
        assertThat(upload.records().get(0).get(ImportColumn.HOUSE)).isEqualTo("1-101");
        assertThat(upload.ignoredHeaders()).containsExactly("备注");
        assertThatThrownBy(() -> ImportUpload.of(ImportKind.CUSTOMERS, "customers.csv", table))
                .hasFieldOrPropertyWithValue("messageKey", "imports.error.missingHeaders");
    }
}
