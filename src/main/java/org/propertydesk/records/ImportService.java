package org.propertydesk.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.propertydesk.shared.security.SiteScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks an upload for its preview, and writes it in one transaction: all of it, or (when the user chose so) the rows
 * without problems. The rows are checked again when written, against the database as it is then.
 */
@Service
class ImportService {

    /** Rows per IN (...) list: far below PostgreSQL's parameter limit, large enough for few round trips. */
    private static final int CHUNK = 1000;

    private final SiteRepository sites;
    private final HouseImporter houses;
    private final CustomerImporter customers;

    ImportService(SiteRepository sites, HouseImporter houses, CustomerImporter customers) {
        this.sites = sites;
        this.houses = houses;
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    ImportPreview preview(ImportUpload upload, Locale locale) {
        Map<String, Site> sitesByCode = sitesIn(RecordsAccess.scope());
        ImportCheck<?> check = switch (upload.kind()) {
            case HOUSES -> houses.check(upload.records(), sitesByCode, locale);
            case CUSTOMERS -> customers.check(upload.records(), sitesByCode, locale);
        };
        return new ImportPreview(upload, check.totalRows(), check.validRows().size(), check.problems());
    }

    /** The summary of what was written; empty, with nothing written, if problems remain and valid rows only were not chosen. */
    @Transactional
    Optional<ImportSummary> run(ImportUpload upload, boolean validRowsOnly, Locale locale) {
        SiteScope scope = RecordsAccess.scope();
        Map<String, Site> sitesByCode = sitesIn(scope);
        return switch (upload.kind()) {
            case HOUSES -> write(houses.check(upload.records(), sitesByCode, locale), validRowsOnly, houses::write);
            case CUSTOMERS -> write(customers.check(upload.records(), sitesByCode, locale), validRowsOnly,
                    (rows, skipped) -> customers.write(rows, skipped, scope));
        };
    }

    private static <R> Optional<ImportSummary> write(ImportCheck<R> check, boolean validRowsOnly,
            BiFunction<List<R>, Integer, ImportSummary> writer) {
        if (!check.problems().isEmpty() && !validRowsOnly) {
            return Optional.empty();
        }
        int skipped = check.totalRows() - check.validRows().size();
        return Optional.of(check.validRows().isEmpty() ? ImportSummary.of(List.of(), skipped)
                : writer.apply(check.validRows(), skipped));
    }

    /** The user's sites by upper-cased code: a site outside them reads as unknown, as it does everywhere in records. */
    private Map<String, Site> sitesIn(SiteScope scope) {
        return sites.findAll().stream()
                .filter(site -> scope.includes(site.getId()))
                .collect(Collectors.toMap(site -> site.getCode().toUpperCase(Locale.ROOT), site -> site, (a, b) -> a));
    }

    static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += CHUNK) {
            chunks.add(values.subList(from, Math.min(values.size(), from + CHUNK)));
        }
        return chunks;
    }
}
