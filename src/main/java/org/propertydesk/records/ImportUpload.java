package org.propertydesk.records;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An uploaded file, understood as rows of one kind and kept in the user's session between preview and confirmation.
 * The random token names it in the confirmation URL; nothing about the rows is taken back from the browser.
 */
record ImportUpload(String token, ImportKind kind, String fileName, EnumMap<ImportColumn, String> headers,
        List<String> ignoredHeaders, List<ImportRecord> records) implements Serializable {

    /** Matches the file's header row to the kind's columns; a required column that is missing refuses the file. */
    static ImportUpload of(ImportKind kind, String fileName, ImportTable table) {
        EnumMap<ImportColumn, String> headers = new EnumMap<>(ImportColumn.class);
        EnumMap<ImportColumn, Integer> positions = new EnumMap<>(ImportColumn.class);
        List<String> ignored = new ArrayList<>();
        for (int index = 0; index < table.headers().size(); index++) {
            String header = table.headers().get(index);
            if (header == null || header.isBlank()) {
                continue;
            }
            ImportColumn column = kind.columns().stream().filter(c -> c.matches(header)).findFirst().orElse(null);
            if (column == null) {
                ignored.add(header.strip());
            } else if (positions.putIfAbsent(column, index) != null) {
                throw new ImportFileException("imports.error.duplicateHeader", header.strip());
            } else {
                headers.put(column, header.strip());
            }
        }
        String missing = kind.columns().stream()
                .filter(column -> kind.isRequired(column) && !positions.containsKey(column))
                .map(ImportColumn::bothHeaders)
                .collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw new ImportFileException("imports.error.missingHeaders", missing);
        }
        List<ImportRecord> records = new ArrayList<>();
        for (ImportTable.Line line : table.lines()) {
            EnumMap<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
            positions.forEach((column, index) -> values.put(column, line.cell(index)));
            records.add(new ImportRecord(line.rowNumber(), values));
        }
        return new ImportUpload(UUID.randomUUID().toString(), kind, fileName, headers, List.copyOf(ignored),
                List.copyOf(records));
    }

    /** The column as the file names it, so that a problem points at the header the user wrote. */
    String headerOf(ImportColumn column) {
        return headers.getOrDefault(column, column.bothHeaders());
    }
}
