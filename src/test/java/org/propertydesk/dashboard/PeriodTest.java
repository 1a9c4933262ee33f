package org.propertydesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.propertydesk.dashboard.Period.Preset;

/** The days each period choice covers, counted back from today in Shanghai, and the custom periods refused. */
class PeriodTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 25);

    static Period of(Preset preset) {
        return Period.of(preset, null, null, null, TODAY, SHANGHAI);
    }

    static Period custom(LocalDate first, LocalDate last) {
        return Period.of(Preset.CUSTOM, null, first, last, TODAY, SHANGHAI);
    }

    static void assertDays(Period period, String first, String last) {
        assertThat(period.firstDay()).isEqualTo(LocalDate.parse(first));
        assertThat(period.lastDay()).isEqualTo(LocalDate.parse(last));
    }

    @Test
    void todayIsJustToday() {
        assertDays(of(Preset.TODAY), "2026-03-25", "2026-03-25");
        assertThat(of(Preset.TODAY).dayCount()).isEqualTo(1);
    }

    @Test
    void theLastNDaysAreTodayAndTheDaysBeforeIt() {
        assertDays(of(Preset.DAYS_7), "2026-03-19", "2026-03-25");
        assertDays(of(Preset.DAYS_30), "2026-02-24", "2026-03-25");
        assertDays(of(Preset.DAYS_90), "2025-12-26", "2026-03-25");
        assertThat(of(Preset.DAYS_90).dayCount()).isEqualTo(90);
    }

    @Test
    void withoutAChoiceItIsTheLast30Days() {
        assertThat(of(null).preset()).isEqualTo(Preset.DAYS_30);
        assertDays(of(null), "2026-02-24", "2026-03-25");
    }

    @Test
    void aMonthIsTheChosenOneOrElseTheLastFullMonth() {
        assertDays(of(Preset.MONTH), "2026-02-01", "2026-02-28");
        assertDays(Period.of(Preset.MONTH, null, null, null, LocalDate.of(2026, 1, 1), SHANGHAI), "2025-12-01", "2025-12-31");
        assertDays(Period.of(Preset.MONTH, YearMonth.of(2024, 2), null, null, TODAY, SHANGHAI), "2024-02-01", "2024-02-29");
    }

    @Test
    void aPeriodRunsFromMidnightOfItsFirstDayToMidnightAfterItsLastInShanghai() {
        Period march = custom(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

        assertThat(march.from()).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
        assertThat(march.to()).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
    }

    @Test
    void aCustomPeriodNeedsBothDaysInOrderAndAtMostAYear() {
        assertThatThrownBy(() -> custom(null, TODAY)).isInstanceOf(Period.InvalidPeriodException.class)
                .extracting(e -> ((Period.InvalidPeriodException) e).messageKey()).isEqualTo("dashboard.error.periodDaysRequired");
        assertThatThrownBy(() -> custom(TODAY, null)).isInstanceOf(Period.InvalidPeriodException.class)
                .extracting(e -> ((Period.InvalidPeriodException) e).messageKey()).isEqualTo("dashboard.error.periodDaysRequired");
        assertThatThrownBy(() -> custom(TODAY, TODAY.minusDays(1))).isInstanceOf(Period.InvalidPeriodException.class)
                .extracting(e -> ((Period.InvalidPeriodException) e).messageKey()).isEqualTo("dashboard.error.periodOrder");
        assertThatThrownBy(() -> custom(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)))
                .isInstanceOf(Period.InvalidPeriodException.class)
                .extracting(e -> ((Period.InvalidPeriodException) e).messageKey()).isEqualTo("dashboard.error.periodTooLong");

        assertThat(custom(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).dayCount()).isEqualTo(366);
        assertThat(custom(TODAY, TODAY).dayCount()).isEqualTo(1);
    }

    @Test
    void chartsGoByDayUpToTwoMonthsByWeekUpToHalfAYearAndByMonthBeyond() {
        LocalDate first = LocalDate.of(2026, 1, 1);

        assertThat(custom(first, first.plusDays(61)).bucket()).isEqualTo("day");
        assertThat(custom(first, first.plusDays(62)).bucket()).isEqualTo("week");
        assertThat(custom(first, first.plusDays(185)).bucket()).isEqualTo("week");
        assertThat(custom(first, first.plusDays(186)).bucket()).isEqualTo("month");
    }

    @Test
    void theBacklogIsCountedAtThePeriodsEndOrNowWhileItRuns() {
        Period march = custom(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        Instant during = Instant.parse("2026-03-20T04:00:00Z");

        assertThat(march.asOf(during)).isEqualTo(during);
        assertThat(march.asOf(Instant.parse("2026-04-10T02:00:00Z"))).isEqualTo(march.to());
    }
}
