package org.propertydesk.affairs;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.propertydesk.records.HouseCode;
import org.propertydesk.records.SiteDirectory;
import org.propertydesk.records.SiteSummary;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a bill file for its preview and writes it in one transaction: all of it, or (when the user chose so) the
 * rows without problems. The rows are checked again when written. A bill is known by house, fee item and period: a
 * re-import overwrites its amounts and due date with the finance system's latest.
 */
@Service
class BillImportService {

    /** Rows per statement: far below PostgreSQL's parameter limit, large enough for few round trips. */
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final SiteDirectory sites;
    private final Dates dates;

    BillImportService(JdbcClient jdbc, SiteDirectory sites, Dates dates) {
        this.jdbc = jdbc;
        this.sites = sites;
        this.dates = dates;
    }

    /** What the preview shows: rows, how many can be written, and every problem by row and column. */
    record Preview(BillUpload upload, int totalRows, int validRows, List<BillImportCheck.Problem> problems) {

        static final int SHOWN_PROBLEMS = 500;

        public boolean hasProblems() {
            return !problems.isEmpty();
        }

        public int invalidRows() {
            return totalRows - validRows;
        }

        public List<BillImportCheck.Problem> shownProblems() {
            return problems.subList(0, Math.min(problems.size(), SHOWN_PROBLEMS));
        }

        public int hiddenProblems() {
            return Math.max(0, problems.size() - SHOWN_PROBLEMS);
        }

        public String header(BillImportCheck.Problem problem) {
            return upload.headerOf(problem.column());
        }

        public String ignoredHeaders() {
            return String.join(", ", upload.ignoredHeaders());
        }
    }

    /** Counted by row: a row re-imported as it stands is unchanged. */
    record Summary(int created, int updated, int unchanged, int skipped) {
    }

    @Transactional(readOnly = true)
    Preview preview(BillUpload upload) {
        BillImportCheck.Result check = check(upload, CurrentUser.siteScope());
        return new Preview(upload, check.totalRows(), check.validRows().size(), check.problems());
    }

    /** What was written; empty, with nothing written, if problems remain and valid rows only were not chosen. */
    @Transactional
    Optional<Summary> run(BillUpload upload, boolean validRowsOnly) {
        BillImportCheck.Result check = check(upload, CurrentUser.siteScope());
        if (!check.problems().isEmpty() && !validRowsOnly) {
            return Optional.empty();
        }
        int created = 0;
        int updated = 0;
        for (int from = 0; from < check.validRows().size(); from += CHUNK) {
            List<BillImportCheck.BillRow> chunk = check.validRows().subList(from, Math.min(check.validRows().size(), from + CHUNK));
            List<Boolean> inserted = write(chunk);
            created += (int) inserted.stream().filter(Boolean::booleanValue).count();
            updated += (int) inserted.stream().filter(insert -> !insert).count();
        }
        int valid = check.validRows().size();
        return Optional.of(new Summary(created, updated, valid - created - updated, check.totalRows() - valid));
    }

    /**
     * Inserts the bills, or overwrites those on record whose figures differ; the rows returned say which were new.
     * Rows of one chunk are distinct bills, since the check refuses a bill named twice.
     */
    private List<Boolean> write(List<BillImportCheck.BillRow> rows) {
        return jdbc.sql("""
                insert into fee_bill (site_id, house_id, fee_item, period, amount_due, amount_paid, due_date,
                                      imported_at, imported_by)
                select site_id, house_id, fee_item, period, amount_due, amount_paid, due_date, :now, :by
                from unnest(cast(:sites as bigint[]), cast(:houses as bigint[]), cast(:items as text[]),
                            cast(:periods as text[]), cast(:due as numeric[]), cast(:paid as numeric[]),
                            cast(:dueDates as date[]))
                     as t(site_id, house_id, fee_item, period, amount_due, amount_paid, due_date)
                on conflict (house_id, fee_item, period) do update
                    set amount_due = excluded.amount_due, amount_paid = excluded.amount_paid,
                        due_date = excluded.due_date, imported_at = excluded.imported_at,
                        imported_by = excluded.imported_by
                    where (fee_bill.amount_due, fee_bill.amount_paid, fee_bill.due_date)
                          is distinct from (excluded.amount_due, excluded.amount_paid, excluded.due_date)
                returning (xmax = 0) as inserted
                """)
                .param("now", OffsetDateTime.ofInstant(dates.now(), ZoneOffset.UTC))
                .param("by", CurrentUser.username())
                .param("sites", rows.stream().map(BillImportCheck.BillRow::siteId).toArray(Long[]::new))
                .param("houses", rows.stream().map(BillImportCheck.BillRow::houseId).toArray(Long[]::new))
                .param("items", rows.stream().map(BillImportCheck.BillRow::feeItem).toArray(String[]::new))
                .param("periods", rows.stream().map(BillImportCheck.BillRow::period).toArray(String[]::new))
                .param("due", rows.stream().map(row -> row.amountDue().toPlainString()).toArray(String[]::new))
                .param("paid", rows.stream().map(row -> row.amountPaid().toPlainString()).toArray(String[]::new))
                .param("dueDates", rows.stream().map(row -> row.dueDate().toString()).toArray(String[]::new))
                .query((rs, n) -> rs.getBoolean("inserted"))
                .list();
    }

    private BillImportCheck.Result check(BillUpload upload, SiteScope scope) {
        Map<String, SiteSummary> sitesByCode = sites.visibleIn(scope).stream()
                .collect(Collectors.toMap(site -> site.code().toUpperCase(Locale.ROOT), site -> site, (a, b) -> a));
        Map<String, Long> houses = houses(upload, sitesByCode);
        return BillImportCheck.check(upload.lines(), sitesByCode,
                (siteId, code) -> Optional.ofNullable(houses.get(siteId + "|" + code)));
    }

    /** The houses the file names, on the user's sites, read in a few queries up front. */
    private Map<String, Long> houses(BillUpload upload, Map<String, SiteSummary> sitesByCode) {
        List<String> codes = upload.lines().stream()
                .map(line -> line.get(BillImportColumn.HOUSE))
                .map(HouseCode::parse)
                .flatMap(Optional::stream)
                .map(HouseCode::toString)
                .distinct()
                .toList();
        Long[] siteIds = sitesByCode.values().stream().map(SiteSummary::id).toArray(Long[]::new);
        Map<String, Long> found = new HashMap<>();
        for (int from = 0; from < codes.size(); from += CHUNK) {
            jdbc.sql("select id, site_id, code from house where site_id = any(:sites) and code = any(:codes)")
                    .param("sites", siteIds)
                    .param("codes", codes.subList(from, Math.min(codes.size(), from + CHUNK)).toArray(String[]::new))
                    .query((rs, n) -> Map.entry(rs.getLong("site_id") + "|" + rs.getString("code"), rs.getLong("id")))
                    .list()
                    .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        }
        return found;
    }
}
