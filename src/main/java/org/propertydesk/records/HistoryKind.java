package org.propertydesk.records;

/**
 * The kinds of entry in a house's history; repairs come from service requests.
 */
public enum HistoryKind {
    HANDOVER_INSPECTION, WARRANTY, DECORATION, USAGE
}
