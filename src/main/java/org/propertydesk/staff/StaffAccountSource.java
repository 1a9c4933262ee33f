package org.propertydesk.staff;

import java.util.Optional;

import org.propertydesk.shared.security.AccountSource;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts, asked first: a staff username is never an owner's. */
@Service
@Order(1)
class StaffAccountSource implements AccountSource {

    private final StaffRepository staff;

    StaffAccountSource(StaffRepository staff) {
        this.staff = staff;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PropertyDeskUser> find(String username) {
        return staff.findByUsername(username.trim()).map(Staff::toUser);
    }
}
