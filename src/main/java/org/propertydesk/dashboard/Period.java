package org.propertydesk.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The days a dashboard covers, first and last day included, as the sites' people count days (the display zone).
 * {@link #from()} and {@link #to()} are the instants that bound it, the end exclusive.
 */
public record Period(Preset preset, LocalDate firstDay, LocalDate lastDay, Instant from, Instant to) {

    /** How long a custom period may be: a year, with a leap day. */
    static final int MAX_DAYS = 366;

    public enum Preset {
        TODAY, DAYS_7, DAYS_30, DAYS_90, MONTH, CUSTOM
    }

    /** A refused period, with the message key that says why. */
    public static final class InvalidPeriodException extends RuntimeException {

        private final String messageKey;

        InvalidPeriodException(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /**
     * The period a preset names, counted back from today: the last 7 days are today and the six before it. MONTH is
     * the given month, or the last full month without one; CUSTOM needs both days, in order, at most a year apart.
     */
    public static Period of(Preset preset, YearMonth month, LocalDate first, LocalDate last, LocalDate today, ZoneId zone) {
        Preset chosen = preset == null ? Preset.DAYS_30 : preset;
        return switch (chosen) {
            case TODAY -> days(chosen, today, today, zone);
            case DAYS_7 -> days(chosen, today.minusDays(6), today, zone);
            case DAYS_30 -> days(chosen, today.minusDays(29), today, zone);
            case DAYS_90 -> days(chosen, today.minusDays(89), today, zone);
            case MONTH -> {
                YearMonth m = month == null ? YearMonth.from(today).minusMonths(1) : month;
                yield days(chosen, m.atDay(1), m.atEndOfMonth(), zone);
            }
            case CUSTOM -> {
                if (first == null || last == null) {
                    throw new InvalidPeriodException("dashboard.error.periodDaysRequired");
                }
                if (last.isBefore(first)) {
                    throw new InvalidPeriodException("dashboard.error.periodOrder");
                }
                if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
                    throw new InvalidPeriodException("dashboard.error.periodTooLong");
                }
                yield days(chosen, first, last, zone);
            }
        };
    }

    static Period days(Preset preset, LocalDate first, LocalDate last, ZoneId zone) {
        return new Period(preset, first, last, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public long dayCount() {
        return ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
    }

    /** Charts over time go by day up to two months, by week up to half a year, by month beyond. */
    public String bucket() {
        long days = dayCount();
        return days <= 62 ? "day" : days <= 186 ? "week" : "month";
    }

    /** The moment backlog is counted at: the end of the period, or now while it is still running. */
    public Instant asOf(Instant now) {
        return to.isBefore(now) ? to : now;
    }
}
