package org.propertydesk.records;

import java.util.List;

import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sites and their buildings and units.
 */
@Service
@Transactional
class SiteService {

    private final SiteRepository sites;
    private final BuildingRepository buildings;
    private final UnitRepository units;
    private final JdbcClient jdbc;

    SiteService(SiteRepository sites, BuildingRepository buildings, UnitRepository units, JdbcClient jdbc) {
        this.sites = sites;
        this.buildings = buildings;
        this.units = units;
        this.jdbc = jdbc;
    }

    record SiteOverview(Long id, String code, String name, String address, PropertyType propertyType, long buildings,
            long houses, long occupiedHouses, long customers) {
    }

    /** Each visible site with its counts, computed in one query rather than per row. */
    @Transactional(readOnly = true)
    List<SiteOverview> overview(SiteScope scope) {
        return jdbc.sql("""
                select s.id, s.code, s.name, s.address, s.property_type,
                       (select count(*) from building b where b.site_id = s.id) as buildings,
                       (select count(*) from house h where h.site_id = s.id) as houses,
                       (select count(*) from house h where h.site_id = s.id and h.status in ('OCCUPIED', 'RENTED', 'DECORATING')) as occupied,
                       (select count(*) from customer c where c.site_id = s.id) as customers
                from site s
                where :allSites or s.id = any(:siteIds)
                order by s.code
                """)
                .param("allSites", scope.allSites())
                .param("siteIds", scope.idsForQuery().toArray(Long[]::new))
                .query((rs, n) -> new SiteOverview(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("address"), PropertyType.valueOf(rs.getString("property_type")),
                        rs.getLong("buildings"), rs.getLong("houses"), rs.getLong("occupied"), rs.getLong("customers")))
                .list();
    }

    @Transactional(readOnly = true)
    Site get(long id) {
        Site site = sites.findById(id).orElseThrow(() -> new NotFoundException("Site", id));
        RecordsAccess.requireSite(site.getId(), "Site", id);
        return site;
    }

    @Transactional(readOnly = true)
    List<Building> buildingsOf(SiteScope scope) {
        return scope.allSites() ? buildings.findAllWithSite() : buildings.findBySiteIds(scope.idsForQuery());
    }

    @Transactional(readOnly = true)
    boolean codeTaken(String code) {
        return sites.existsByCode(code);
    }

    @Transactional(readOnly = true)
    boolean buildingCodeTaken(long siteId, String code) {
        return buildings.findBySiteIdAndCode(get(siteId).getId(), code).isPresent();
    }

    Site create(SiteForm form) {
        if (sites.existsByCode(form.getCode())) {
            throw new BusinessRuleException("site.error.codeTaken");
        }
        return sites.save(new Site(form.getCode(), form.getName(), form.getAddress(), form.getPropertyType()));
    }

    void update(long id, SiteForm form) {
        Site site = get(id);
        BusinessRuleException.requireVersion(form.getVersion(), site.getVersion());
        site.update(form.getName(), form.getAddress(), form.getPropertyType());
    }

    Building addBuilding(long siteId, BuildingForm form) {
        Site site = get(siteId);
        if (buildings.findBySiteIdAndCode(siteId, form.getCode()).isPresent()) {
            throw new BusinessRuleException("building.error.codeTaken");
        }
        Building building = buildings.save(new Building(site, form.getCode(), form.getName(), form.getFloors()));
        for (String unitCode : form.unitCodes()) {
            units.save(new Unit(building, unitCode));
        }
        return building;
    }

    /** The building with this code on the site, created on first use (imports and new houses name buildings by code). */
    Building buildingFor(Site site, String code) {
        return buildings.findBySiteIdAndCode(site.getId(), code)
                .orElseGet(() -> buildings.save(new Building(site, code, null, null)));
    }

    Unit unitFor(Building building, String code) {
        return units.findByBuildingIdAndCode(building.getId(), code)
                .orElseGet(() -> units.save(new Unit(building, code)));
    }
}
