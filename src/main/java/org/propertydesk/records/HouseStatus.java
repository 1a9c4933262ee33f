package org.propertydesk.records;

/**
 * Where a house stands between handover and daily life.
 */
public enum HouseStatus {
    UNSOLD, VACANT, OCCUPIED, DECORATING, RENTED
}
