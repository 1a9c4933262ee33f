package org.propertydesk.portal;

import java.util.List;

import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The households the logged-in owner belongs to: the houses their customer record occupies now. Every portal page
 * and file asks here first; anything outside them is "not found".
 */
@Component
public class OwnerHouseholds {

    private final RecordsDirectory records;

    OwnerHouseholds(RecordsDirectory records) {
        this.records = records;
    }

    /** The current owner's customer id; a member of staff has none here. */
    public long customerId() {
        PropertyDeskUser user = CurrentUser.get();
        if (!user.isOwner()) {
            throw new NotFoundException("customer", user.getUsername());
        }
        return user.customerId();
    }

    public List<RecordsDirectory.HouseSummary> houses() {
        return records.currentHouses(customerId());
    }

    public List<Long> houseIds() {
        return houses().stream().map(RecordsDirectory.HouseSummary::id).toList();
    }

    /** The house, if it is one of the owner's; otherwise "not found". */
    public RecordsDirectory.HouseSummary house(long houseId) {
        return houses().stream().filter(h -> h.id() == houseId).findFirst()
                .orElseThrow(() -> new NotFoundException("house", houseId));
    }
}
