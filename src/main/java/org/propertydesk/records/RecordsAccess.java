package org.propertydesk.records;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.web.NotFoundException;

/**
 * The site rule for records: staff see only the sites they serve. A record outside them answers "not found", so
 * that guessing ids reveals nothing.
 */
final class RecordsAccess {

    /** Who may change customers, houses and their history (dispatchers read, technicians don't use these pages). */
    static final String EDITORS = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK')";
    static final String READERS = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK','DISPATCHER')";
    static final String SITE_EDITORS = "hasAnyRole('ADMIN','MANAGER')";

    private RecordsAccess() {
    }

    static SiteScope scope() {
        return CurrentUser.siteScope();
    }

    static void requireSite(Long siteId, String what, Object id) {
        if (!scope().includes(siteId)) {
            throw new NotFoundException(what, id);
        }
    }

    /** Full ID and licence numbers are for managers and admins; everyone else sees the last four characters. */
    static boolean maySeeFullIdNumbers() {
        return CurrentUser.find().map(user -> user.hasRole(Role.ADMIN) || user.hasRole(Role.MANAGER)).orElse(false);
    }
}
