package org.propertydesk.dispatch;

/** Who may do what in dispatch, as Spring Security expressions. */
final class DispatchAccess {

    /** Assign, reassign and cancel work orders; see the board. */
    static final String DISPATCHERS = "hasAnyRole('ADMIN','MANAGER','DISPATCHER')";

    /** See a request's work orders. */
    static final String READERS = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK','DISPATCHER')";

    /** Edit technician skills and teams, rosters and automatic-dispatch rules. */
    static final String MANAGERS = "hasAnyRole('ADMIN','MANAGER')";

    /** The materials price list. */
    static final String ADMINS = "hasRole('ADMIN')";

    static final String TECHNICIANS = "hasRole('TECHNICIAN')";

    private DispatchAccess() {
    }
}
