package org.propertydesk.records;

import java.util.List;

/**
 * An upload checked against the database: the rows that can be written, typed, and the problems of the others.
 */
record ImportCheck<R>(int totalRows, List<R> validRows, List<ImportProblem> problems) {
}
