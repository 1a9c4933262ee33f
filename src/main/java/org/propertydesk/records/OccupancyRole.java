package org.propertydesk.records;

/**
 * A customer's relation to a house.
 */
public enum OccupancyRole {
    OWNER, CO_OWNER, TENANT, FAMILY_MEMBER, OTHER_OCCUPANT
}
