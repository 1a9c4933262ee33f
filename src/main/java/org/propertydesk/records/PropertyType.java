package org.propertydesk.records;

/**
 * The kind of property a site manages, as the industry segments it.
 */
public enum PropertyType {
    RESIDENTIAL, OFFICE, COMMERCIAL, INDUSTRIAL, PUBLIC
}
