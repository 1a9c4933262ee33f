package org.propertydesk.portal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.propertydesk.records.RecordsDirectory;
import org.propertydesk.records.RecordsDirectory.HouseSummary;
import org.propertydesk.requests.OwnerRequests;
import org.springframework.stereotype.Component;

/**
 * The logged-in owner's household as the portal pages work with it: the one place where the houses they occupy now
 * and their customer record become the {@link OwnerRequests.Household} every request call is made for.
 */
@Component
class CurrentHousehold {

    /** The owner's household with its houses, read once per page. */
    record Owner(OwnerRequests.Household household, List<HouseSummary> houses) {

        Map<Long, HouseSummary> housesById() {
            return houses.stream().collect(Collectors.toMap(HouseSummary::id, Function.identity(), (a, b) -> a));
        }

        Optional<HouseSummary> house(Long houseId) {
            return houseId == null ? Optional.empty() : houses.stream().filter(h -> h.id().equals(houseId)).findFirst();
        }
    }

    private final OwnerHouseholds households;
    private final OwnerRequests requests;
    private final RecordsDirectory records;

    CurrentHousehold(OwnerHouseholds households, OwnerRequests requests, RecordsDirectory records) {
        this.households = households;
        this.requests = requests;
        this.records = records;
    }

    Owner get() {
        long customerId = households.customerId();
        List<HouseSummary> houses = households.houses();
        return new Owner(requests.householdOf(customerId), houses);
    }

    /** The phone the front desk would call back on: the first number of the owner's customer record. */
    Optional<String> phone(Owner owner) {
        return records.customers(List.of(owner.household().customerId())).stream().findFirst()
                .map(RecordsDirectory.CustomerSummary::primaryPhone);
    }
}
