package org.propertydesk.requests;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The hours in which a site's non-emergency SLA clocks run: opening hours per day of week, minus holidays.
 * An always-open calendar is the 24×7 clock of emergencies.
 */
final class BusinessCalendar {

    /** Far enough for any target; guards the loops against a calendar with no open day at all. */
    private static final int MAX_DAYS = 800;

    record Hours(LocalTime opens, LocalTime closes) {
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, Hours> week;
    private final Set<LocalDate> holidays;
    private final boolean alwaysOpen;

    private BusinessCalendar(ZoneId zone, Map<DayOfWeek, Hours> week, Set<LocalDate> holidays, boolean alwaysOpen) {
        this.zone = zone;
        this.week = week;
        this.holidays = Set.copyOf(holidays);
        this.alwaysOpen = alwaysOpen;
    }

    static BusinessCalendar alwaysOpen(ZoneId zone) {
        return new BusinessCalendar(zone, Map.of(), Set.of(), true);
    }

    static BusinessCalendar of(ZoneId zone, Map<DayOfWeek, Hours> week, Set<LocalDate> holidays) {
        Map<DayOfWeek, Hours> copy = new EnumMap<>(DayOfWeek.class);
        copy.putAll(week);
        return new BusinessCalendar(zone, copy, holidays, false);
    }

    /** The company default: 08:00–18:00 every day. */
    static BusinessCalendar standard(ZoneId zone, Set<LocalDate> holidays) {
        Map<DayOfWeek, Hours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, new Hours(LocalTime.of(8, 0), LocalTime.of(18, 0)));
        }
        return of(zone, week, holidays);
    }

    boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    /** The instant when {@code amount} of open time has passed after {@code start}. */
    Instant plus(Instant start, Duration amount) {
        if (alwaysOpen) {
            return start.plus(amount);
        }
        Duration left = amount;
        ZonedDateTime cursor = start.atZone(zone);
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = cursor.toLocalDate();
            Hours hours = hoursOn(day);
            if (hours != null) {
                ZonedDateTime opens = day.atTime(hours.opens()).atZone(zone);
                ZonedDateTime closes = day.atTime(hours.closes()).atZone(zone);
                ZonedDateTime from = cursor.isBefore(opens) ? opens : cursor;
                if (from.isBefore(closes)) {
                    Duration available = Duration.between(from, closes);
                    if (left.compareTo(available) <= 0) {
                        return from.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            cursor = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("The business calendar has no open hours within " + MAX_DAYS + " days");
    }

    /** Open time between two instants (zero when {@code to} is not after {@code from}). */
    Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOpen) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        ZonedDateTime cursor = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        while (cursor.isBefore(end)) {
            LocalDate day = cursor.toLocalDate();
            Hours hours = hoursOn(day);
            if (hours != null) {
                ZonedDateTime opens = day.atTime(hours.opens()).atZone(zone);
                ZonedDateTime closes = day.atTime(hours.closes()).atZone(zone);
                ZonedDateTime a = cursor.isBefore(opens) ? opens : cursor;
                ZonedDateTime b = end.isBefore(closes) ? end : closes;
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
            cursor = day.plusDays(1).atStartOfDay(zone);
        }
        return total;
    }

    /** Closing time of the first open day after the day of {@code instant}: "by the next working day". */
    Instant endOfNextBusinessDay(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate().plusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            Hours hours = hoursOn(day);
            if (hours != null) {
                return day.atTime(hours.closes()).atZone(zone).toInstant();
            }
        }
        throw new IllegalStateException("The business calendar has no open hours within " + MAX_DAYS + " days");
    }

    private Hours hoursOn(LocalDate day) {
        if (alwaysOpen) {
            return new Hours(LocalTime.MIN, LocalTime.MAX);
        }
        if (holidays.contains(day)) {
            return null;
        }
        return week.get(day.getDayOfWeek());
    }
}
