package org.propertydesk.records;

import java.util.List;

/**
 * The records import's file reading, for other modules that import spreadsheets of their own (bills from the finance
 * system): .xlsx or .csv in UTF-8 (with or without a BOM) or GBK, blank lines skipped, rows numbered as the
 * spreadsheet numbers them. A file that cannot be read at all is refused with the same translated messages.
 */
public final class ImportFiles {

    public static final int MAX_ROWS = ImportFileReader.MAX_ROWS;

    private ImportFiles() {
    }

    /** The header row and the data rows below it. */
    public record Sheet(List<String> headers, List<Row> rows) {
    }

    public record Row(int rowNumber, List<String> cells) {

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : null;
        }
    }

    /** A file refused as a whole; the message key (an {@code imports.error.*} key) and its arguments say why. */
    public static final class RefusedFile extends RuntimeException {

        private final String messageKey;
        private final transient Object[] arguments;

        RefusedFile(String messageKey, Object[] arguments) {
            super(messageKey);
            this.messageKey = messageKey;
            this.arguments = arguments;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] arguments() {
            return arguments;
        }
    }

    public static Sheet read(String fileName, byte[] content) {
        try {
            ImportTable table = ImportFileReader.read(fileName, content);
            return new Sheet(table.headers(), table.lines().stream().map(line -> new Row(line.rowNumber(), line.cells())).toList());
        } catch (ImportFileException refused) {
            throw new RefusedFile(refused.messageKey(), refused.arguments());
        }
    }
}
