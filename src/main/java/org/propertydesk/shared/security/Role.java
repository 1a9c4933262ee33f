package org.propertydesk.shared.security;

import java.util.List;

/**
 * The roles people log in with. Staff hold one or more of the first five; owners log in through the portal.
 */
public enum Role {
    ADMIN, MANAGER, FRONT_DESK, DISPATCHER, TECHNICIAN, OWNER;

    public String authority() {
        return "ROLE_" + name();
    }

    public static final List<Role> STAFF_ROLES = List.of(ADMIN, MANAGER, FRONT_DESK, DISPATCHER, TECHNICIAN);
}
