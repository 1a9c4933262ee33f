package org.propertydesk.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.propertydesk.shared.time.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readable request numbers, {@code R-260324-0042}: the day in the display zone and a per-day counter. The counter row
 * is incremented in the database, so two app instances never hand out the same number and none is ever reused.
 */
@Component
class RequestNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final JdbcClient jdbc;
    private final Dates dates;

    RequestNumbers(JdbcClient jdbc, Dates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    /**
     * Takes the number in a transaction of its own, so that the day's counter row is not locked while the intake
     * that asked for it goes on (photos and all). A number whose intake then fails is simply never used.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String next(Instant now) {
        LocalDate day = now.atZone(dates.zone()).toLocalDate();
        Integer value = jdbc.sql("""
                insert into request_number_counter (day, last_value) values (:day, 1)
                on conflict (day) do update set last_value = request_number_counter.last_value + 1
                returning last_value
                """)
                .param("day", day)
                .query(Integer.class)
                .single();
        return "R-" + DAY.format(day) + "-" + String.format("%04d", value);
    }
}
