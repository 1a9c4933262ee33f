package org.propertydesk.records;

import java.util.List;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Houses: finding them the way front desks name them, keeping their description and history.
 */
@Service
@Transactional
class HouseService {

    private final HouseRepository houses;
    private final SiteService sites;
    private final HouseHistoryRepository history;
    private final OccupancyRepository occupancies;
    private final CustomerRepository customers;
    private final Dates dates;

    HouseService(HouseRepository houses, SiteService sites, HouseHistoryRepository history,
            OccupancyRepository occupancies, CustomerRepository customers, Dates dates) {
        this.customers = customers;
        this.houses = houses;
        this.sites = sites;
        this.history = history;
        this.occupancies = occupancies;
        this.dates = dates;
    }

    record HouseFilter(Long siteId, Long buildingId, HouseStatus status, String code) {

        String codePrefix() {
            if (code == null || code.isBlank()) {
                return null;
            }
            String prefix = HouseCode.parse(code).map(HouseCode::toString).orElse(code.trim().toUpperCase());
            return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }
    }

    @Transactional(readOnly = true)
    Page<House> search(HouseFilter filter, SiteScope scope, Pageable pageable) {
        return houses.search(scope.allSites(), scope.idsForQuery(), filter.siteId(), filter.buildingId(), filter.status(),
                filter.codePrefix(), pageable);
    }

    @Transactional(readOnly = true)
    House get(long id) {
        House house = houses.findWithSiteById(id).orElseThrow(() -> new NotFoundException("House", id));
        RecordsAccess.requireSite(house.getSite().getId(), "House", id);
        return house;
    }

    /** Everyone who lives or lived in the house, with their phones loaded in the same round trip. */
    @Transactional(readOnly = true)
    List<Occupancy> occupancies(long houseId) {
        get(houseId);
        List<Occupancy> result = occupancies.findByHouse(houseId);
        List<Long> customerIds = result.stream().map(o -> o.getCustomer().getId()).distinct().toList();
        if (!customerIds.isEmpty()) {
            customers.findDetailedByIdIn(customerIds);
        }
        return result;
    }

    @Transactional(readOnly = true)
    List<HouseHistoryEntry> history(long houseId) {
        get(houseId);
        return history.findByHouse(houseId);
    }

    /** Whether the house named in front-desk notation exists on a site the current user serves. */
    @Transactional(readOnly = true)
    boolean exists(Long siteId, String notation) {
        return RecordsAccess.scope().includes(siteId) && HouseCode.parse(notation)
                .flatMap(code -> houses.findBySiteIdAndCode(siteId, code.toString()))
                .isPresent();
    }

    @Transactional(readOnly = true)
    boolean codeTaken(HouseForm form, Long exceptId) {
        return houses.findBySiteIdAndCode(form.getSiteId(), form.code().toString())
                .filter(existing -> !existing.getId().equals(exceptId))
                .isPresent();
    }

    House create(HouseForm form) {
        Site site = sites.get(form.getSiteId());
        if (codeTaken(form, null)) {
            throw new BusinessRuleException("house.error.codeTaken", form.code().toString());
        }
        Building building = sites.buildingFor(site, form.getBuildingCode());
        Unit unit = form.getUnitCode() == null ? null : sites.unitFor(building, form.getUnitCode());
        House house = new House(building, unit, form.getRoomNo());
        house.describe(form.getFloor(), form.getArea(), form.getUse(), form.getStatus(), form.getHandoverDate(),
                form.getWarrantyEnd());
        return houses.save(house);
    }

    /** Changes what a house is like; where it is (site and code) stays, since requests and history refer to it. */
    void update(long id, HouseForm form) {
        House house = get(id);
        BusinessRuleException.requireVersion(form.getVersion(), house.getVersion());
        house.describe(form.getFloor(), form.getArea(), form.getUse(), form.getStatus(), form.getHandoverDate(),
                form.getWarrantyEnd());
    }

    void addHistory(long houseId, HistoryForm form) {
        House house = get(houseId);
        history.save(new HouseHistoryEntry(house, form.getKind(), form.getEntryDate(), form.getText(),
                CurrentUser.displayName(), dates.now()));
    }
}
