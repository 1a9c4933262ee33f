package org.propertydesk.requests;

/**
 * Where the work is: common areas are a basic service, the owner's premises a special (possibly paid) one.
 */
public enum Scope {
    COMMON_AREA, PREMISES
}
