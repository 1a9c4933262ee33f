package org.propertydesk.affairs;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;

/**
 * Who works with fees. The front desk answers "how much do I owe" and makes reminders; importing bills replaces
 * what the finance system said before, so it is for managers and admins, who answer for the figures. Dispatchers and
 * technicians have no business with a household's debts.
 */
final class FeeAccess {

    static final String DESK = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK')";
    static final String IMPORTERS = "hasAnyRole('ADMIN','MANAGER')";

    /** The customer page is open to dispatchers too; its fee section tells them the figures are not for them. */
    static final String CUSTOMER_PAGE_READERS = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK','DISPATCHER')";

    private FeeAccess() {
    }

    static SiteScope scope() {
        return CurrentUser.siteScope();
    }

    static boolean maySeeFees() {
        return CurrentUser.find()
                .map(user -> user.hasRole(Role.ADMIN) || user.hasRole(Role.MANAGER) || user.hasRole(Role.FRONT_DESK))
                .orElse(false);
    }
}
