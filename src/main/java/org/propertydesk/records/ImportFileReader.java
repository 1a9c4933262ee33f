package org.propertydesk.records;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded .csv or .xlsx into rows of text. CSV comes as UTF-8 (with or without the BOM Excel writes when
 * asked for "CSV UTF-8") or as GBK/GB18030, which is what Chinese Excel writes for plain "CSV". Spreadsheets are read
 * as a stream of XML events, not loaded whole, so that a 10 MB upload cannot take the server's memory.
 */
final class ImportFileReader {

    static final int MAX_ROWS = 20_000;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private ImportFileReader() {
    }

    static ImportTable read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".xlsx")) {
            throw new ImportFileException("imports.error.extension");
        }
        if (content.length == 0) {
            throw new ImportFileException("imports.error.empty");
        }
        List<ImportTable.Line> lines = csv ? csv(decode(content)) : xlsx(content);
        int header = 0;
        while (header < lines.size() && lines.get(header).isBlank()) {
            header++;
        }
        if (header == lines.size()) {
            throw new ImportFileException("imports.error.empty");
        }
        List<String> headers = lines.get(header).cells();
        List<ImportTable.Line> rows = lines.subList(header + 1, lines.size()).stream().filter(line -> !line.isBlank()).toList();
        if (rows.isEmpty()) {
            throw new ImportFileException("imports.error.noRows");
        }
        return new ImportTable(headers, rows);
    }

    /** BOM first; then UTF-8 if the bytes are valid UTF-8, which GBK text practically never is; else GB18030 (a superset of GBK). */
    static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static List<ImportTable.Line> csv(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(false)
                .setTrim(true)
                .get();
        List<ImportTable.Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                // Empty lines are kept as records so that record numbers stay the row numbers Excel shows.
                lines.add(new ImportTable.Line((int) record.getRecordNumber(), record.toList()));
                if (lines.size() > MAX_ROWS + 1) {
                    throw new ImportFileException("imports.error.tooManyRows", MAX_ROWS);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            throw new ImportFileException("imports.error.unreadable");
        }
        return lines;
    }

    /** Excel's "Unicode text" is tab-separated; everything else people save is comma-separated. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end);
        return firstLine.indexOf('\t') >= 0 && firstLine.indexOf(',') < 0 ? '\t' : ',';
    }

    private static List<ImportTable.Line> xlsx(byte[] content) {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(content));
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportFileException("imports.error.empty");
            }
            SheetRows rows = new SheetRows();
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(pkg),
                        rows, new PlainValueFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
            return rows.lines;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException
                | IllegalArgumentException notAWorkbook) {
            throw new ImportFileException("imports.error.unreadable");
        } finally {
            if (pkg != null) {
                pkg.revert();
            }
        }
    }

    /** Collects the first sheet's rows; cells come with their reference ("C7"), skipped cells are empty. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final List<ImportTable.Line> lines = new ArrayList<>();
        private List<String> cells;
        private int rowNumber;

        @Override
        public void startRow(int rowIndex) {
            if (lines.size() > MAX_ROWS) {
                throw new ImportFileException("imports.error.tooManyRows", MAX_ROWS);
            }
            rowNumber = rowIndex + 1;
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowIndex) {
            lines.add(new ImportTable.Line(rowNumber, cells));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(value == null ? null : value.strip());
        }
    }

    /**
     * Date cells as yyyy-MM-dd and numbers as plain digits, whatever display format the sheet gives them: "2024/3/1",
     * "1,502" or "1.38E+10" on screen would otherwise reach the importer as text it cannot read back.
     */
    private static final class PlainValueFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
