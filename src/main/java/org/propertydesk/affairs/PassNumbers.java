package org.propertydesk.affairs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.propertydesk.shared.time.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readable pass numbers, {@code P-261125-0001}: the day the pass was asked for, in the display zone, and a per-day
 * counter kept in the database, so that no two passes ever share a number.
 */
@Component
class PassNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    /** What a guard types: with or without the P and the dashes, spaces anywhere, any case. */
    private static final Pattern TYPED = Pattern.compile("P?-?(\\d{6})-?(\\d{4,})");

    private final JdbcClient jdbc;
    private final Dates dates;

    PassNumbers(JdbcClient jdbc, Dates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    /** In a transaction of its own, so the day's counter row is not held while the pass is saved. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String next(Instant now) {
        LocalDate day = now.atZone(dates.zone()).toLocalDate();
        Integer value = jdbc.sql("""
                insert into release_pass_counter (day, last_value) values (:day, 1)
                on conflict (day) do update set last_value = release_pass_counter.last_value + 1
                returning last_value
                """)
                .param("day", day)
                .query(Integer.class)
                .single();
        return "P-" + DAY.format(day) + "-" + String.format("%04d", value);
    }

    /** The number as it is stored, from what was typed or scanned; empty when it cannot be a pass number. */
    static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = typed.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        Matcher matcher = TYPED.matcher(compact);
        return matcher.matches() ? Optional.of("P-" + matcher.group(1) + "-" + matcher.group(2)) : Optional.empty();
    }
}
