package org.propertydesk.affairs;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.propertydesk.records.ImportFiles;

/**
 * A bill file as read, kept in the user's session between preview and confirmation under a random token; nothing
 * about the rows is taken back from the browser.
 */
record BillUpload(String token, String fileName, EnumMap<BillImportColumn, String> headers, List<String> ignoredHeaders,
        List<Line> lines) implements Serializable {

    /** One data row: its number in the file and the text under each recognised column. */
    record Line(int rowNumber, EnumMap<BillImportColumn, String> values) implements Serializable {

        String get(BillImportColumn column) {
            return values.get(column);
        }
    }

    /** A file that cannot be taken at all; the key is an {@code imports.error.*} message. */
    static final class Refused extends RuntimeException {

        private final String messageKey;
        private final transient Object[] arguments;

        Refused(String messageKey, Object... arguments) {
            super(messageKey);
            this.messageKey = messageKey;
            this.arguments = arguments;
        }

        String messageKey() {
            return messageKey;
        }

        Object[] arguments() {
            return arguments;
        }
    }

    /** Matches the header row to the bill columns; a missing required column or a repeated one refuses the file. */
    static BillUpload of(String fileName, ImportFiles.Sheet sheet) {
        EnumMap<BillImportColumn, String> headers = new EnumMap<>(BillImportColumn.class);
        EnumMap<BillImportColumn, Integer> positions = new EnumMap<>(BillImportColumn.class);
        List<String> ignored = new ArrayList<>();
        for (int index = 0; index < sheet.headers().size(); index++) {
            String header = sheet.headers().get(index);
            if (header == null || header.isBlank()) {
                continue;
            }
            BillImportColumn column = Arrays.stream(BillImportColumn.values()).filter(c -> c.matches(header))
                    .findFirst().orElse(null);
            if (column == null) {
                ignored.add(header.strip());
            } else if (positions.putIfAbsent(column, index) != null) {
                throw new Refused("imports.error.duplicateHeader", header.strip());
            } else {
                headers.put(column, header.strip());
            }
        }
        String missing = Arrays.stream(BillImportColumn.values())
                .filter(column -> column.isRequired() && !positions.containsKey(column))
                .map(BillImportColumn::bothHeaders)
                .collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw new Refused("imports.error.missingHeaders", missing);
        }
        List<Line> lines = new ArrayList<>();
        for (ImportFiles.Row row : sheet.rows()) {
            EnumMap<BillImportColumn, String> values = new EnumMap<>(BillImportColumn.class);
            positions.forEach((column, index) -> values.put(column, row.cell(index)));
            lines.add(new Line(row.rowNumber(), values));
        }
        return new BillUpload(UUID.randomUUID().toString(), fileName, headers, List.copyOf(ignored), List.copyOf(lines));
    }

    /** The column as the file names it, so that a problem points at the header the user wrote. */
    String headerOf(BillImportColumn column) {
        return headers.getOrDefault(column, column.bothHeaders());
    }
}
