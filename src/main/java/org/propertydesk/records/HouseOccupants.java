package org.propertydesk.records;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.propertydesk.shared.security.SiteScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who occupies a house now and in which role, for modules whose rules depend on it (a tenant's release pass needs an
 * owner's consent), and a house found by the notation front desks type.
 */
@Service
@Transactional(readOnly = true)
public class HouseOccupants {

    private final OccupancyRepository occupancies;
    private final HouseRepository houses;

    HouseOccupants(OccupancyRepository occupancies, HouseRepository houses) {
        this.occupancies = occupancies;
        this.houses = houses;
    }

    /** A current occupant; someone holding two roles in the house appears once per role. */
    public record Occupant(long customerId, String name, OccupancyRole role) {

        /** Owners and co-owners speak for the house; family members, tenants and other occupants do not. */
        public boolean isOwner() {
            return role == OccupancyRole.OWNER || role == OccupancyRole.CO_OWNER;
        }
    }

    /** The house's current occupants, owners first. */
    public List<Occupant> current(long houseId) {
        return occupancies.findCurrentByHouseIds(List.of(houseId)).stream()
                .map(o -> new Occupant(o.getCustomer().getId(), o.getCustomer().getName(), o.getRole()))
                .sorted(Comparator.comparing(Occupant::role).thenComparing(Occupant::name))
                .toList();
    }

    /** The customer's strongest current role in the house (owner before tenant), if they occupy it. */
    public Optional<Occupant> occupant(long houseId, long customerId) {
        return current(houseId).stream().filter(o -> o.customerId() == customerId).findFirst();
    }

    /** The house of the site written as front desks do (3-2-1502, 3#1502…), if the scope sees the site. */
    public Optional<RecordsDirectory.HouseSummary> houseByCode(long siteId, String code, SiteScope scope) {
        if (!scope.includes(siteId)) {
            return Optional.empty();
        }
        return HouseCode.parse(code)
                .flatMap(parsed -> houses.findBySiteIdAndCode(siteId, parsed.toString()))
                .map(house -> new RecordsDirectory.HouseSummary(house.getId(), house.getSite().getId(),
                        house.getSite().getCode(), house.getSite().getName(), house.getCode()));
    }
}
