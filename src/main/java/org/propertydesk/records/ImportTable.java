package org.propertydesk.records;

import java.util.List;

/**
 * A file as read, before it is understood: the header row and the rows below it, each numbered as the spreadsheet
 * numbers it, so that problems can be reported where the user will look for them.
 */
record ImportTable(List<String> headers, List<Line> lines) {

    record Line(int rowNumber, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : null;
        }

        boolean isBlank() {
            return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
        }
    }
}
