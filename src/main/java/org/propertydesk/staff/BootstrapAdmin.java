package org.propertydesk.staff;

import java.util.Set;

import org.propertydesk.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A fresh production database has no staff, so nobody could log in to create any: when the staff table is empty and
 * {@code propertydesk.bootstrap-admin.password} is set, an {@code admin} account with that password is created.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final StaffRepository staff;
    private final StaffService service;
    private final String password;

    BootstrapAdmin(StaffRepository staff, StaffService service,
            @Value("${propertydesk.bootstrap-admin.password:}") String password) {
        this.staff = staff;
        this.service = service;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (staff.count() > 0) {
            return;
        }
        if (password.isBlank()) {
            log.warn("No staff accounts exist. Set propertydesk.bootstrap-admin.password (PROPERTYDESK_BOOTSTRAP_ADMIN_PASSWORD) "
                    + "to create the first 'admin' account, or enable demo data on the embedded database.");
            return;
        }
        if (password.length() < StaffService.MIN_PASSWORD_LENGTH) {
            log.error("propertydesk.bootstrap-admin.password needs at least {} characters; no admin account was created.",
                    StaffService.MIN_PASSWORD_LENGTH);
            return;
        }
        service.ensureAccount("admin", "Administrator", password, Set.of(Role.ADMIN), true, Set.of());
        log.info("Created the first administrator account 'admin' from propertydesk.bootstrap-admin.password.");
    }
}
