package org.propertydesk.records;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the typed values of one row, checking each cell as the forms would and noting every problem rather than
 * stopping at the first, so that one preview shows all there is to fix. Blank optional cells read as null.
 */
final class ImportCells {

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9A-Za-z\\-]+");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[;；/，,、]");

    private final ImportRecord record;
    private final List<ImportProblem> problems;
    private final ImportLabels labels;
    private boolean valid = true;

    ImportCells(ImportRecord record, List<ImportProblem> problems, ImportLabels labels) {
        this.record = record;
        this.problems = problems;
        this.labels = labels;
    }

    boolean isValid() {
        return valid;
    }

    void reject(ImportColumn column, String messageKey, Object... arguments) {
        valid = false;
        problems.add(new ImportProblem(record.rowNumber(), column, messageKey,
                Arrays.stream(arguments).map(String::valueOf).toList()));
    }

    /**
     * The cell's text, or null when blank. Exports put a quote before text starting with = + - @ so that spreadsheet
     * programs do not run it as a formula; that quote is dropped here so an export imports back unchanged.
     */
    String raw(ImportColumn column) {
        String value = record.get(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    boolean isBlank(ImportColumn column) {
        return raw(column) == null;
    }

    String text(ImportColumn column, int maxLength, boolean required) {
        String value = raw(column);
        if (value == null) {
            if (required) {
                reject(column, "imports.problem.required");
            }
            return null;
        }
        if (value.length() > maxLength) {
            reject(column, "imports.problem.tooLong", maxLength, value.length());
            return null;
        }
        return value;
    }

    /** The site by its code, only among the sites the importing user serves. */
    Site site(ImportColumn column, Map<String, Site> sitesByCode) {
        String code = text(column, 32, true);
        if (code == null) {
            return null;
        }
        Site site = sitesByCode.get(code.toUpperCase(Locale.ROOT));
        if (site == null) {
            reject(column, "imports.problem.siteNotFound", code);
        }
        return site;
    }

    HouseCode houseCode(ImportColumn column, boolean required) {
        String value = text(column, 50, required);
        if (value == null) {
            return null;
        }
        Optional<HouseCode> code = HouseCode.parse(value);
        if (code.isEmpty()) {
            reject(column, "imports.problem.houseNotation", value);
        }
        return code.orElse(null);
    }

    Integer integer(ImportColumn column, int min, int max) {
        String value = raw(column);
        if (value == null) {
            return null;
        }
        try {
            int number = new BigDecimal(value).intValueExact();
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException | ArithmeticException notAWholeNumber) {
            // reported below, with the range
        }
        reject(column, "imports.problem.integer", value, min, max);
        return null;
    }

    BigDecimal decimal(ImportColumn column, BigDecimal min, BigDecimal max, int scale) {
        String value = raw(column);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value).stripTrailingZeros();
            if (number.compareTo(min) >= 0 && number.compareTo(max) <= 0 && number.scale() <= scale) {
                return number.setScale(scale);
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the range
        }
        reject(column, "imports.problem.decimal", value, min.toPlainString(), max.toPlainString(), scale);
        return null;
    }

    LocalDate date(ImportColumn column) {
        String value = raw(column);
        if (value == null) {
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

    <E extends Enum<E>> E choice(ImportColumn column, Class<E> type, Locale locale) {
        String value = raw(column);
        if (value == null) {
            return null;
        }
        Optional<E> choice = labels.parse(type, value);
        if (choice.isEmpty()) {
            reject(column, "imports.problem.choice", value, labels.choices(type, locale));
        }
        return choice.orElse(null);
    }

    Boolean yesNo(ImportColumn column) {
        String value = raw(column);
        if (value == null) {
            return null;
        }
        Optional<Boolean> answer = labels.parseYesNo(value);
        if (answer.isEmpty()) {
            reject(column, "imports.problem.yesNo", value);
        }
        return answer.orElse(null);
    }

    /** Several numbers in one cell, separated by ; / , or the Chinese comma; stored as digits only. */
    List<String> phones(ImportColumn column, int max) {
        String value = raw(column);
        if (value == null) {
            reject(column, "imports.problem.required");
            return List.of();
        }
        List<String> numbers = new ArrayList<>();
        for (String part : PHONE_SEPARATORS.split(value)) {
            String phone = part.strip();
            if (phone.isEmpty()) {
                continue;
            }
            if (!PhoneNumbers.isValid(phone)) {
                reject(column, "imports.problem.phone", phone);
                return List.of();
            }
            String number = PhoneNumbers.normalise(phone);
            if (!numbers.contains(number)) {
                numbers.add(number);
            }
        }
        if (numbers.isEmpty()) {
            reject(column, "imports.problem.required");
        } else if (numbers.size() > max) {
            reject(column, "imports.problem.tooManyPhones", max);
        }
        return numbers;
    }

    String email(ImportColumn column) {
        String value = text(column, 200, false);
        if (value != null && !EMAIL.matcher(value).matches()) {
            reject(column, "imports.problem.email", value);
            return null;
        }
        return value;
    }

    /**
     * An ID or licence number, upper-cased as the form stores it. A masked number from an export made by someone who
     * may not see full numbers ("**************1234") says nothing new and reads as blank.
     */
    String idNumber(ImportColumn column) {
        String value = text(column, 40, false);
        if (value == null || value.contains("*")) {
            return null;
        }
        if (!ID_NUMBER.matcher(value).matches()) {
            reject(column, "imports.problem.idNumber", value);
            return null;
        }
        return value.toUpperCase(Locale.ROOT);
    }
}
