package org.propertydesk.records;

import java.io.Serializable;
import java.util.EnumMap;

/**
 * One data row of an upload: its row number in the file and the text under each recognised column.
 */
record ImportRecord(int rowNumber, EnumMap<ImportColumn, String> values) implements Serializable {

    String get(ImportColumn column) {
        return values.get(column);
    }
}
