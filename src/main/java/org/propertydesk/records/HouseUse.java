package org.propertydesk.records;

/**
 * What a house is used for.
 */
public enum HouseUse {
    RESIDENTIAL, OFFICE, SHOP, PARKING, STORAGE, OTHER
}
