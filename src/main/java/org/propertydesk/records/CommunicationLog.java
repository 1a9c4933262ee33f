package org.propertydesk.records;

import java.time.Instant;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's communication log (业主沟通记录) for other modules: a contact they made is written here too, so
 * the customer 360 page shows every contact in one place. Callers check the customer's site first.
 */
@Service
@Transactional
public class CommunicationLog {

    private final CustomerRepository customers;
    private final HouseRepository houses;
    private final CommunicationRepository communications;
    private final Dates dates;

    CommunicationLog(CustomerRepository customers, HouseRepository houses, CommunicationRepository communications,
            Dates dates) {
        this.customers = customers;
        this.houses = houses;
        this.communications = communications;
        this.dates = dates;
    }

    /** A contact the current staff member had with the customer, at one of their houses if known. */
    public void record(long customerId, Long houseId, CommunicationChannel channel, Direction direction, String summary,
            Instant occurredAt) {
        communications.save(new Communication(customers.getReferenceById(customerId),
                houseId == null ? null : houses.getReferenceById(houseId), channel, direction, summary,
                CurrentUser.username(), CurrentUser.displayName(), occurredAt, dates.now()));
    }
}
