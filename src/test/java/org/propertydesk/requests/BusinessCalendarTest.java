package org.propertydesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.propertydesk.requests.RequestExamples.SHANGHAI;
import static org.propertydesk.requests.RequestExamples.at;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hours in which non-emergency SLA clocks run, in Shanghai. 25 March 2026 is a Wednesday; 1 May 2026 (Labour Day)
 * a Friday.
 */
class BusinessCalendarTest {

    /** The company default: 08:00-18:00 every day, no holidays. */
    private static final BusinessCalendar EVERY_DAY = BusinessCalendar.standard(SHANGHAI, Set.of());

    /** An office site: Monday to Friday 09:00-17:00, closed at weekends. */
    private static final BusinessCalendar WEEKDAYS = weekdays(Set.of());

    private static BusinessCalendar weekdays(Set<LocalDate> holidays) {
        Map<DayOfWeek, BusinessCalendar.Hours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.put(day, new BusinessCalendar.Hours(LocalTime.of(9, 0), LocalTime.of(17, 0)));
            }
        }
        return BusinessCalendar.of(SHANGHAI, week, holidays);
    }

    @Nested
    class AddingBusinessTime {

        @ParameterizedTest(name = "{0} + {1} min = {2}")
        @CsvSource({
                "2026-03-25T10:00, 30,   2026-03-25T10:30",
                "2026-03-25T17:50, 30,   2026-03-26T08:20",
                "2026-03-25T17:30, 30,   2026-03-25T18:00",
                "2026-03-25T06:30, 30,   2026-03-25T08:30",
                "2026-03-25T20:00, 15,   2026-03-26T08:15",
                "2026-03-25T10:00, 1440, 2026-03-27T14:00",
                "2026-03-25T18:00, 10,   2026-03-26T08:10"})
        void onTheStandardEightToSixCalendar(String start, int minutes, String expected) {
            assertThat(EVERY_DAY.plus(at(start), Duration.ofMinutes(minutes))).isEqualTo(at(expected));
        }

        @Test
        void aRequestAt1750With30BusinessMinutesIsDueAt0820TheNextDay() {
            assertThat(EVERY_DAY.plus(at("2026-03-25T17:50"), Duration.ofMinutes(30))).isEqualTo(at("2026-03-26T08:20"));
        }

        @Test
        void closedWeekendsAreSkipped() {
            assertThat(WEEKDAYS.plus(at("2026-03-27T16:30"), Duration.ofHours(2))).as("Friday 16:30 + 2 h")
                    .isEqualTo(at("2026-03-30T10:30"));
            assertThat(WEEKDAYS.plus(at("2026-03-28T10:00"), Duration.ofHours(1))).as("from a Saturday")
                    .isEqualTo(at("2026-03-30T10:00"));
        }

        @Test
        void eachDayHasItsOwnHours() {
            Map<DayOfWeek, BusinessCalendar.Hours> week = new EnumMap<>(DayOfWeek.class);
            week.put(DayOfWeek.FRIDAY, new BusinessCalendar.Hours(LocalTime.of(9, 0), LocalTime.of(17, 0)));
            week.put(DayOfWeek.SATURDAY, new BusinessCalendar.Hours(LocalTime.of(9, 0), LocalTime.of(12, 0)));
            BusinessCalendar shortSaturday = BusinessCalendar.of(SHANGHAI, week, Set.of());

            assertThat(shortSaturday.plus(at("2026-03-27T16:30"), Duration.ofHours(2))).isEqualTo(at("2026-03-28T10:30"));
            assertThat(shortSaturday.plus(at("2026-03-27T16:30"), Duration.ofHours(4)))
                    .as("Saturday closes at noon, next open day is Friday")
                    .isEqualTo(at("2026-04-03T09:30"));
        }

        @Test
        void holidaysAreSkipped() {
            BusinessCalendar thursdayOff = BusinessCalendar.standard(SHANGHAI, Set.of(LocalDate.of(2026, 3, 26)));

            assertThat(thursdayOff.plus(at("2026-03-25T17:50"), Duration.ofMinutes(30))).isEqualTo(at("2026-03-27T08:20"));
        }

        @Test
        void labourDayWeekIsSkippedOnAnOfficeCalendar() {
            Set<LocalDate> labourDay = Set.of(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 5));

            assertThat(weekdays(labourDay).plus(at("2026-04-30T16:00"), Duration.ofHours(2)))
                    .as("Thursday 16:00: one hour before the break, one after it on Wednesday 6 May")
                    .isEqualTo(at("2026-05-06T10:00"));
        }

        @Test
        void emergenciesRunAroundTheClock() {
            BusinessCalendar allHours = BusinessCalendar.alwaysOpen(SHANGHAI);

            assertThat(allHours.isAlwaysOpen()).isTrue();
            assertThat(allHours.plus(at("2026-03-28T23:50"), Duration.ofMinutes(15))).isEqualTo(at("2026-03-29T00:05"));
            assertThat(allHours.plus(at("2026-03-28T02:00"), Duration.ofHours(4))).isEqualTo(at("2026-03-28T06:00"));
        }

        @Test
        void aCalendarWithoutOpenHoursFailsInsteadOfLoopingForever() {
            BusinessCalendar neverOpen = BusinessCalendar.of(SHANGHAI, new EnumMap<>(DayOfWeek.class), Set.of());

            assertThatThrownBy(() -> neverOpen.plus(at("2026-03-25T10:00"), Duration.ofMinutes(1)))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> neverOpen.endOfNextBusinessDay(at("2026-03-25T10:00")))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class NextWorkingDay {

        @Test
        void isTheClosingTimeOfTheNextOpenDay() {
            assertThat(EVERY_DAY.endOfNextBusinessDay(at("2026-03-25T10:00"))).isEqualTo(at("2026-03-26T18:00"));
            assertThat(EVERY_DAY.endOfNextBusinessDay(at("2026-03-25T23:30"))).isEqualTo(at("2026-03-26T18:00"));
        }

        @Test
        void skipsTheWeekendAndHolidays() {
            assertThat(WEEKDAYS.endOfNextBusinessDay(at("2026-03-27T10:00"))).as("Friday → Monday")
                    .isEqualTo(at("2026-03-30T17:00"));
            assertThat(weekdays(Set.of(LocalDate.of(2026, 3, 30))).endOfNextBusinessDay(at("2026-03-27T10:00")))
                    .as("Friday → Tuesday when Monday is a holiday").isEqualTo(at("2026-03-31T17:00"));
        }

        @Test
        void usesTheDayInShanghaiNotInUtc() {
            // 00:30 on Thursday in Shanghai is still Wednesday in UTC.
            assertThat(EVERY_DAY.endOfNextBusinessDay(at("2026-03-26T00:30"))).isEqualTo(at("2026-03-27T18:00"));
        }
    }

    @Nested
    class BusinessTimeBetween {

        @ParameterizedTest(name = "{0} → {1} = {2} min")
        @CsvSource({
                "2026-03-25T10:00, 2026-03-25T10:30, 30",
                "2026-03-25T17:00, 2026-03-26T09:00, 120",
                "2026-03-25T19:00, 2026-03-26T07:00, 0",
                "2026-03-25T06:00, 2026-03-25T20:00, 600",
                "2026-03-25T10:00, 2026-03-27T10:00, 1200",
                "2026-03-25T10:30, 2026-03-25T10:00, 0"})
        void onTheStandardCalendar(String from, String to, int minutes) {
            assertThat(EVERY_DAY.between(at(from), at(to))).isEqualTo(Duration.ofMinutes(minutes));
        }

        @Test
        void acrossAWeekend() {
            assertThat(WEEKDAYS.between(at("2026-03-27T16:00"), at("2026-03-30T10:00"))).isEqualTo(Duration.ofHours(2));
        }

        @Test
        void acrossAHoliday() {
            BusinessCalendar thursdayOff = BusinessCalendar.standard(SHANGHAI, Set.of(LocalDate.of(2026, 3, 26)));

            assertThat(thursdayOff.between(at("2026-03-25T17:00"), at("2026-03-27T09:00"))).isEqualTo(Duration.ofHours(2));
        }

        @Test
        void aroundTheClockItIsWallTime() {
            assertThat(BusinessCalendar.alwaysOpen(SHANGHAI).between(at("2026-03-25T17:00"), at("2026-03-26T09:00")))
                    .isEqualTo(Duration.ofHours(16));
        }

        @Test
        void undoesPlus() {
            for (String start : new String[] {"2026-03-25T07:00", "2026-03-25T12:34", "2026-03-27T16:59", "2026-03-28T11:00"}) {
                for (long minutes : new long[] {1, 30, 120, 480, 1440, 7200}) {
                    Duration amount = Duration.ofMinutes(minutes);
                    Instant due = WEEKDAYS.plus(at(start), amount);
                    assertThat(WEEKDAYS.between(at(start), due)).as("%s + %s", start, amount).isEqualTo(amount);
                }
            }
        }
    }
}
