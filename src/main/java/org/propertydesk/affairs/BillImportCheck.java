package org.propertydesk.affairs;

import static org.propertydesk.affairs.BillImportColumn.AMOUNT_DUE;
import static org.propertydesk.affairs.BillImportColumn.AMOUNT_PAID;
import static org.propertydesk.affairs.BillImportColumn.DUE_DATE;
import static org.propertydesk.affairs.BillImportColumn.FEE_ITEM;
import static org.propertydesk.affairs.BillImportColumn.HOUSE;
import static org.propertydesk.affairs.BillImportColumn.PERIOD;
import static org.propertydesk.affairs.BillImportColumn.SITE_CODE;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.propertydesk.records.HouseCode;
import org.propertydesk.records.SiteSummary;

/**
 * Checks the rows of a bill file, noting every problem of every row rather than stopping at the first, so that one
 * preview shows all there is to fix. Houses must already be on record; money is yuan with at most two decimals.
 */
final class BillImportCheck {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*(?:[-/.年]\\s*(\\d{1,2})\\s*月?|(\\d{2}))");
    private static final Pattern MONEY = Pattern.compile("[¥￥]?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?");

    record Problem(int rowNumber, BillImportColumn column, String messageKey, List<String> arguments) {

        public Object[] messageArguments() {
            return arguments.toArray();
        }
    }

    /** A row ready to write: the house it belongs to and the bill as the finance system states it. */
    record BillRow(int rowNumber, long siteId, long houseId, String feeItem, String period, BigDecimal amountDue,
            BigDecimal amountPaid, LocalDate dueDate) {
    }

    record Result(int totalRows, List<BillRow> validRows, List<Problem> problems) {
    }

    /** The houses a file names, looked up once: site id and house code to house id. */
    interface Houses {
        Optional<Long> find(long siteId, String code);
    }

    private BillImportCheck() {
    }

    static Result check(List<BillUpload.Line> lines, Map<String, SiteSummary> sitesByCode, Houses houses) {
        List<Problem> problems = new ArrayList<>();
        List<BillRow> rows = new ArrayList<>();
        Map<String, Integer> firstRowOfBill = new HashMap<>();
        for (BillUpload.Line line : lines) {
            Cells cells = new Cells(line, problems);
            SiteSummary site = cells.site(sitesByCode);
            HouseCode code = cells.houseCode();
            Long houseId = null;
            if (site != null && code != null) {
                houseId = houses.find(site.id(), code.toString()).orElse(null);
                if (houseId == null) {
                    cells.reject(HOUSE, "imports.problem.houseNotFound", code, site.code());
                }
            }
            String feeItem = cells.text(FEE_ITEM, 50);
            String period = period(cells.text(PERIOD, 20));
            BigDecimal due = cells.money(AMOUNT_DUE, true);
            BigDecimal paid = cells.money(AMOUNT_PAID, false);
            LocalDate dueDate = cells.date(DUE_DATE);
            if (due != null && paid != null && paid.compareTo(due) > 0) {
                cells.reject(AMOUNT_PAID, "fee.problem.paidOverDue", paid.toPlainString(), due.toPlainString());
            }
            if (houseId != null && feeItem != null && period != null) {
                // Two rows for one bill would leave the result to row order; the user must say which is right.
                Integer first = firstRowOfBill.putIfAbsent(houseId + "|" + feeItem + "|" + period, line.rowNumber());
                if (first != null) {
                    cells.reject(PERIOD, "fee.problem.duplicateBill", first);
                }
            }
            if (cells.valid) {
                rows.add(new BillRow(line.rowNumber(), site.id(), houseId, feeItem, period, due,
                        paid == null ? BigDecimal.ZERO.setScale(2) : paid, dueDate));
            }
        }
        return new Result(lines.size(), rows, problems);
    }

    /** "2026-3", "2026/03", "2026年3月" and "202603" are one month, written 2026-03; other periods stay as written. */
    static String period(String value) {
        if (value == null) {
            return null;
        }
        Matcher month = MONTH.matcher(value);
        if (month.matches()) {
            int number = Integer.parseInt(month.group(2) != null ? month.group(2) : month.group(3));
            if (number >= 1 && number <= 12) {
                return month.group(1) + "-" + (number < 10 ? "0" : "") + number;
            }
        }
        return value;
    }

    /** The cells of one row, each checked and typed; a problem marks the row invalid and is noted. */
    private static final class Cells {

        private final BillUpload.Line line;
        private final List<Problem> problems;
        private boolean valid = true;

        Cells(BillUpload.Line line, List<Problem> problems) {
            this.line = line;
            this.problems = problems;
        }

        void reject(BillImportColumn column, String messageKey, Object... arguments) {
            valid = false;
            problems.add(new Problem(line.rowNumber(), column, messageKey, Arrays.stream(arguments).map(String::valueOf).toList()));
        }

        String raw(BillImportColumn column) {
            String value = line.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        String text(BillImportColumn column, int maxLength) {
            String value = raw(column);
            if (value == null) {
                reject(column, "imports.problem.required");
                return null;
            }
            if (value.length() > maxLength) {
                reject(column, "imports.problem.tooLong", maxLength, value.length());
                return null;
            }
            return value;
        }

        SiteSummary site(Map<String, SiteSummary> sitesByCode) {
            String code = text(SITE_CODE, 32);
            if (code == null) {
                return null;
            }
            SiteSummary site = sitesByCode.get(code.toUpperCase(Locale.ROOT));
            if (site == null) {
                reject(SITE_CODE, "imports.problem.siteNotFound", code);
            }
            return site;
        }

        HouseCode houseCode() {
            String value = text(HOUSE, 50);
            if (value == null) {
                return null;
            }
            Optional<HouseCode> code = HouseCode.parse(value);
            if (code.isEmpty()) {
                reject(HOUSE, "imports.problem.houseNotation", value);
            }
            return code.orElse(null);
        }

        /**
         * Yuan, exact: "1,280.50" and "¥1280.5" are read, a negative amount or a third decimal is refused rather than
         * rounded, since the figure must match the finance system's to the fen.
         */
        BigDecimal money(BillImportColumn column, boolean required) {
            String value = raw(column);
            if (value == null) {
                if (required) {
                    reject(column, "imports.problem.required");
                }
                return null;
            }
            Matcher matcher = MONEY.matcher(value);
            if (matcher.matches()) {
                BigDecimal amount = new BigDecimal(matcher.group(1).replace(",", "")
                        + (matcher.group(2) == null ? "" : matcher.group(2)));
                if (amount.stripTrailingZeros().scale() <= 2 && amount.compareTo(MAX_AMOUNT) <= 0) {
                    return amount.setScale(2);
                }
            }
            reject(column, "fee.problem.money", value);
            return null;
        }

        LocalDate date(BillImportColumn column) {
            String value = raw(column);
            if (value == null) {
                reject(column, "imports.problem.required");
                return null;
            }
            Matcher matcher = DATE.matcher(value);
            if (matcher.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                            Integer.parseInt(matcher.group(3)));
                } catch (DateTimeException noSuchDay) {
                    // reported below
                }
            }
            reject(column, "imports.problem.date", value);
            return null;
        }
    }
}
