package org.propertydesk.records;

import static org.propertydesk.records.ImportColumn.AREA;
import static org.propertydesk.records.ImportColumn.FLOOR;
import static org.propertydesk.records.ImportColumn.HANDOVER_DATE;
import static org.propertydesk.records.ImportColumn.HOUSE;
import static org.propertydesk.records.ImportColumn.SITE_CODE;
import static org.propertydesk.records.ImportColumn.STATUS;
import static org.propertydesk.records.ImportColumn.USE;
import static org.propertydesk.records.ImportColumn.WARRANTY_END;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

/**
 * Houses from a file, matched on site and code: a new code creates the house (and its building and unit where they
 * are new), a known one gets the description the file gives. Blank cells keep what is on record, so a file with only
 * some columns filled in changes only those.
 */
@Component
class HouseImporter {

    private static final BigDecimal MIN_AREA = new BigDecimal("0.01");
    private static final BigDecimal MAX_AREA = new BigDecimal("100000");

    record HouseRow(int rowNumber, Site site, HouseCode code, Integer floor, BigDecimal area, HouseUse use,
            HouseStatus status, LocalDate handoverDate, LocalDate warrantyEnd) {

        String key() {
            return site.getId() + "|" + code;
        }
    }

    private final HouseRepository houses;
    private final SiteService sites;
    private final ImportLabels labels;
    private final EntityManager entityManager;

    HouseImporter(HouseRepository houses, SiteService sites, ImportLabels labels, EntityManager entityManager) {
        this.houses = houses;
        this.sites = sites;
        this.labels = labels;
        this.entityManager = entityManager;
    }

    ImportCheck<HouseRow> check(List<ImportRecord> records, Map<String, Site> sitesByCode, Locale locale) {
        List<ImportProblem> problems = new ArrayList<>();
        List<HouseRow> rows = new ArrayList<>();
        Map<String, Integer> firstRowOfHouse = new HashMap<>();
        for (ImportRecord record : records) {
            ImportCells cells = new ImportCells(record, problems, labels);
            Site site = cells.site(SITE_CODE, sitesByCode);
            HouseCode code = cells.houseCode(HOUSE, true);
            Integer floor = cells.integer(FLOOR, -10, 200);
            BigDecimal area = cells.decimal(AREA, MIN_AREA, MAX_AREA, 2);
            HouseUse use = cells.choice(USE, HouseUse.class, locale);
            HouseStatus status = cells.choice(STATUS, HouseStatus.class, locale);
            LocalDate handoverDate = cells.date(HANDOVER_DATE);
            LocalDate warrantyEnd = cells.date(WARRANTY_END);
            if (handoverDate != null && warrantyEnd != null && warrantyEnd.isBefore(handoverDate)) {
                cells.reject(WARRANTY_END, "imports.problem.warrantyBeforeHandover");
            }
            if (site != null && code != null) {
                // Two rows for one house would leave the result to row order; the user must say which is right.
                Integer first = firstRowOfHouse.putIfAbsent(site.getId() + "|" + code, record.rowNumber());
                if (first != null) {
                    cells.reject(HOUSE, "imports.problem.duplicateHouse", first);
                }
            }
            if (cells.isValid()) {
                rows.add(new HouseRow(record.rowNumber(), site, code, floor, area, use, status, handoverDate, warrantyEnd));
            }
        }
        return new ImportCheck<>(records.size(), rows, problems);
    }

    /** Writes checked rows; the houses, buildings and units of the file's sites are read in a few queries up front. */
    ImportSummary write(List<HouseRow> rows, int skipped) {
        Set<Long> siteIds = rows.stream().map(row -> row.site().getId()).collect(Collectors.toSet());
        Map<String, House> existing = existingHouses(rows, siteIds);
        Map<String, Building> buildings = entityManager
                .createQuery("select b from Building b where b.site.id in :siteIds", Building.class)
                .setParameter("siteIds", siteIds)
                .getResultStream()
                .collect(Collectors.toMap(b -> b.getSite().getId() + "|" + b.getCode(), b -> b, (a, b) -> a));
        Map<String, Unit> units = entityManager
                .createQuery("select u from Unit u join fetch u.building b where b.site.id in :siteIds", Unit.class)
                .setParameter("siteIds", siteIds)
                .getResultStream()
                .collect(Collectors.toMap(u -> u.getBuilding().getId() + "|" + u.getCode(), u -> u, (a, b) -> a));
        List<ImportSummary.Outcome> outcomes = new ArrayList<>();
        for (HouseRow row : rows) {
            House house = existing.get(row.key());
            if (house == null) {
                house = create(row, buildings, units);
                existing.put(row.key(), house);
                outcomes.add(ImportSummary.Outcome.CREATED);
            } else {
                outcomes.add(update(house, row) ? ImportSummary.Outcome.UPDATED : ImportSummary.Outcome.UNCHANGED);
            }
        }
        return ImportSummary.of(outcomes, skipped);
    }

    private Map<String, House> existingHouses(List<HouseRow> rows, Set<Long> siteIds) {
        List<String> codes = rows.stream().map(row -> row.code().toString()).distinct().toList();
        Map<String, House> found = new HashMap<>();
        for (List<String> chunk : ImportService.chunks(codes)) {
            entityManager.createQuery("select h from House h where h.site.id in :siteIds and h.code in :codes", House.class)
                    .setParameter("siteIds", siteIds)
                    .setParameter("codes", chunk)
                    .getResultStream()
                    .forEach(house -> found.put(house.getSite().getId() + "|" + house.getCode(), house));
        }
        return found;
    }

    private House create(HouseRow row, Map<String, Building> buildings, Map<String, Unit> units) {
        HouseCode code = row.code();
        Building building = buildings.computeIfAbsent(row.site().getId() + "|" + code.building(),
                key -> sites.buildingFor(row.site(), code.building()));
        Unit unit = code.hasUnit()
                ? units.computeIfAbsent(building.getId() + "|" + code.unit(), key -> sites.unitFor(building, code.unit()))
                : null;
        House house = new House(building, unit, code.room());
        house.describe(row.floor(), row.area(), row.use() == null ? HouseUse.RESIDENTIAL : row.use(),
                row.status() == null ? HouseStatus.VACANT : row.status(), row.handoverDate(), row.warrantyEnd());
        return houses.save(house);
    }

    private static boolean update(House house, HouseRow row) {
        Integer floor = row.floor() == null ? house.getFloor() : row.floor();
        BigDecimal area = row.area() == null ? house.getArea() : row.area();
        HouseUse use = row.use() == null ? house.getUse() : row.use();
        HouseStatus status = row.status() == null ? house.getStatus() : row.status();
        LocalDate handoverDate = row.handoverDate() == null ? house.getHandoverDate() : row.handoverDate();
        LocalDate warrantyEnd = row.warrantyEnd() == null ? house.getWarrantyEnd() : row.warrantyEnd();
        boolean sameArea = area == null ? house.getArea() == null : house.getArea() != null && area.compareTo(house.getArea()) == 0;
        if (Objects.equals(floor, house.getFloor()) && sameArea && use == house.getUse() && status == house.getStatus()
                && Objects.equals(handoverDate, house.getHandoverDate()) && Objects.equals(warrantyEnd, house.getWarrantyEnd())) {
            return false;
        }
        house.describe(floor, area, use, status, handoverDate, warrantyEnd);
        return true;
    }
}
