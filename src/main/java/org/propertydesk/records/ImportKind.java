package org.propertydesk.records;

import static org.propertydesk.records.ImportColumn.AREA;
import static org.propertydesk.records.ImportColumn.EMAIL;
import static org.propertydesk.records.ImportColumn.FLOOR;
import static org.propertydesk.records.ImportColumn.HANDOVER_DATE;
import static org.propertydesk.records.ImportColumn.HOUSE;
import static org.propertydesk.records.ImportColumn.ID_NUMBER;
import static org.propertydesk.records.ImportColumn.NAME;
import static org.propertydesk.records.ImportColumn.PHONES;
import static org.propertydesk.records.ImportColumn.PRIMARY_CONTACT;
import static org.propertydesk.records.ImportColumn.ROLE;
import static org.propertydesk.records.ImportColumn.SITE_CODE;
import static org.propertydesk.records.ImportColumn.START_DATE;
import static org.propertydesk.records.ImportColumn.STATUS;
import static org.propertydesk.records.ImportColumn.TYPE;
import static org.propertydesk.records.ImportColumn.USE;
import static org.propertydesk.records.ImportColumn.VALUE_TIER;
import static org.propertydesk.records.ImportColumn.WARRANTY_END;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a file holds: houses, or customers with the houses they live in. Exports write the same columns, so an export
 * can be edited and imported again.
 */
enum ImportKind {
    HOUSES("houses", List.of(SITE_CODE, HOUSE, FLOOR, AREA, USE, STATUS, HANDOVER_DATE, WARRANTY_END),
            Set.of(SITE_CODE, HOUSE)),
    CUSTOMERS("customers", List.of(SITE_CODE, NAME, TYPE, PHONES, EMAIL, ID_NUMBER, VALUE_TIER, HOUSE, ROLE, START_DATE,
            PRIMARY_CONTACT), Set.of(SITE_CODE, NAME, PHONES));

    private final String path;
    private final List<ImportColumn> columns;
    private final Set<ImportColumn> required;

    ImportKind(String path, List<ImportColumn> columns, Set<ImportColumn> required) {
        this.path = path;
        this.columns = columns;
        this.required = required;
    }

    static Optional<ImportKind> fromPath(String path) {
        return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
    }

    public String getPath() {
        return path;
    }

    List<ImportColumn> columns() {
        return columns;
    }

    boolean isRequired(ImportColumn column) {
        return required.contains(column);
    }

    List<String> headers(Locale locale) {
        return columns.stream().map(column -> column.header(locale)).toList();
    }
}
