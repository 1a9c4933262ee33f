package org.propertydesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.requests.RequestExamples.SHANGHAI;
import static org.propertydesk.requests.RequestExamples.WEDNESDAY_10;
import static org.propertydesk.requests.RequestExamples.at;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Due times worked out at intake from the default policies (the ones the V2 migration installs), on the company's
 * 08:00-18:00 calendar in Shanghai, with "at risk" at 80 % of the time.
 */
class SlaPlanTest {

    private static final Set<SlaTarget> ALL_TARGETS = EnumSet.allOf(SlaTarget.class);


    private static final BusinessCalendar EVERY_DAY = BusinessCalendar.standard(SHANGHAI, Set.of());
    private static final BusinessCalendar AROUND_THE_CLOCK = BusinessCalendar.alwaysOpen(SHANGHAI);
    private static final double EIGHTY_PERCENT = 0.8;

    private static SlaPolicy policy(RequestKind kind, Priority priority, int response, Integer arrival,
            boolean nextWorkingDay, int resolution, boolean businessHours) {
        return new SlaPolicy(null, kind, priority, response, arrival, nextWorkingDay, resolution, businessHours,
                WEDNESDAY_10, "system");
    }

    private static final SlaPolicy EMERGENCY_REPAIR = policy(RequestKind.REPAIR, Priority.EMERGENCY, 5, 15, false, 240, false);
    private static final SlaPolicy URGENT_REPAIR = policy(RequestKind.REPAIR, Priority.URGENT, 15, 30, false, 1440, true);
    private static final SlaPolicy NORMAL_REPAIR = policy(RequestKind.REPAIR, Priority.NORMAL, 30, 120, false, 2880, true);
    private static final SlaPolicy LOW_REPAIR = policy(RequestKind.REPAIR, Priority.LOW, 120, null, true, 7200, true);
    private static final SlaPolicy NORMAL_COMPLAINT = policy(RequestKind.COMPLAINT, Priority.NORMAL, 1440, null, false, 4320, false);
    private static final SlaPolicy NORMAL_INQUIRY = policy(RequestKind.INQUIRY, Priority.NORMAL, 120, null, false, 1440, true);

    @Test
    void anUrgentRepairOnWednesdayAt10MustBeAcknowledgedBy1015AndOnSiteBy1030() {
        SlaPlan plan = SlaPlan.compute(URGENT_REPAIR, EVERY_DAY, WEDNESDAY_10, null, EIGHTY_PERCENT);

        assertThat(plan.dueAcknowledge()).isEqualTo(at("2026-03-25T10:15"));
        assertThat(plan.riskAcknowledge()).isEqualTo(at("2026-03-25T10:12"));
        assertThat(plan.dueArrival()).isEqualTo(at("2026-03-25T10:30"));
        assertThat(plan.riskArrival()).isEqualTo(at("2026-03-25T10:24"));
        assertThat(plan.dueResolve()).as("24 business hours: 8 on Wednesday, 10 on Thursday, 6 on Friday")
                .isEqualTo(at("2026-03-27T14:00"));
        assertThat(plan.riskResolve()).as("19.2 business hours").isEqualTo(at("2026-03-27T09:12"));
    }

    @Test
    void anUrgentRepairJustBeforeClosingIsDueEarlyTheNextMorning() {
        SlaPlan plan = SlaPlan.compute(URGENT_REPAIR, EVERY_DAY, at("2026-03-25T17:50"), null, EIGHTY_PERCENT);

        assertThat(plan.dueAcknowledge()).isEqualTo(at("2026-03-26T08:05"));
        assertThat(plan.dueArrival()).as("30 business minutes from 17:50").isEqualTo(at("2026-03-26T08:20"));
    }

    @Test
    void aRepairOnAClosedWeekendWaitsForMonday() {
        Map<DayOfWeek, BusinessCalendar.Hours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
            week.put(day, new BusinessCalendar.Hours(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        BusinessCalendar office = BusinessCalendar.of(SHANGHAI, week, Set.of());

        SlaPlan plan = SlaPlan.compute(URGENT_REPAIR, office, at("2026-03-28T10:00"), null, EIGHTY_PERCENT);

        assertThat(plan.dueAcknowledge()).isEqualTo(at("2026-03-30T09:15"));
        assertThat(plan.dueArrival()).isEqualTo(at("2026-03-30T09:30"));
    }

    @Test
    void anEmergencyRunsAroundTheClockEvenOnSaturdayNight() {
        SlaPlan plan = SlaPlan.compute(EMERGENCY_REPAIR, AROUND_THE_CLOCK, at("2026-03-28T23:00"), null, EIGHTY_PERCENT);

        assertThat(plan.dueAcknowledge()).isEqualTo(at("2026-03-28T23:05"));
        assertThat(plan.riskAcknowledge()).isEqualTo(at("2026-03-28T23:04"));
        assertThat(plan.dueArrival()).isEqualTo(at("2026-03-28T23:15"));
        assertThat(plan.riskArrival()).isEqualTo(at("2026-03-28T23:12"));
        assertThat(plan.dueResolve()).isEqualTo(at("2026-03-29T03:00"));
    }

    @Test
    void aLowRepairIsDueOnSiteByTheEndOfTheNextWorkingDay() {
        SlaPlan plan = SlaPlan.compute(LOW_REPAIR, EVERY_DAY, WEDNESDAY_10, null, EIGHTY_PERCENT);

        assertThat(plan.dueAcknowledge()).isEqualTo(at("2026-03-25T12:00"));
        assertThat(plan.dueArrival()).isEqualTo(at("2026-03-26T18:00"));
        assertThat(plan.riskArrival()).as("80 % of the 18 business hours until then").isEqualTo(at("2026-03-26T14:24"));
    }

    @Test
    void aLowRepairOnAHolidayEveWaitsUntilAfterTheHoliday() {
        BusinessCalendar thursdayOff = BusinessCalendar.standard(SHANGHAI, Set.of(java.time.LocalDate.of(2026, 3, 26)));

        SlaPlan plan = SlaPlan.compute(LOW_REPAIR, thursdayOff, WEDNESDAY_10, null, EIGHTY_PERCENT);

        assertThat(plan.dueArrival()).isEqualTo(at("2026-03-27T18:00"));
    }

    @Test
    void theOwnersPreferredWindowIsTheArrivalTargetOfANormalRepair() {
        SlaPlan plan = SlaPlan.compute(NORMAL_REPAIR, EVERY_DAY, WEDNESDAY_10, at("2026-03-25T16:00"), EIGHTY_PERCENT);

        assertThat(plan.dueArrival()).isEqualTo(at("2026-03-25T16:00"));
        assertThat(plan.riskArrival()).as("80 % of the six hours until the window ends").isEqualTo(at("2026-03-25T14:48"));
        assertThat(plan.dueAcknowledge()).isEqualTo(at("2026-03-25T10:30"));
    }

    @Test
    void withoutAWindowANormalRepairIsDueOnSiteWithinTwoBusinessHours() {
        SlaPlan plan = SlaPlan.compute(NORMAL_REPAIR, EVERY_DAY, at("2026-03-25T17:00"), null, EIGHTY_PERCENT);

        assertThat(plan.dueArrival()).isEqualTo(at("2026-03-26T09:00"));
    }

    @Test
    void aWindowAlreadyOverIsIgnored() {
        SlaPlan plan = SlaPlan.compute(NORMAL_REPAIR, EVERY_DAY, WEDNESDAY_10, at("2026-03-25T09:00"), EIGHTY_PERCENT);

        assertThat(plan.dueArrival()).isEqualTo(at("2026-03-25T12:00"));
    }

    @Test
    void anUrgentRepairDoesNotWaitForTheOwnersWindow() {
        SlaPlan plan = SlaPlan.compute(URGENT_REPAIR, EVERY_DAY, WEDNESDAY_10, at("2026-03-25T16:00"), EIGHTY_PERCENT);

        assertThat(plan.dueArrival()).isEqualTo(at("2026-03-25T10:30"));
    }

    @Test
    void resolutionIsNeverDueBeforeArrival() {
        SlaPlan plan = SlaPlan.compute(NORMAL_REPAIR, EVERY_DAY, WEDNESDAY_10, at("2026-04-10T16:00"), EIGHTY_PERCENT);

        assertThat(plan.dueArrival()).isEqualTo(at("2026-04-10T16:00"));
        assertThat(plan.dueResolve()).isEqualTo(at("2026-04-10T16:00"));
        assertThat(plan.riskResolve()).isEqualTo(plan.riskArrival());
    }

    @Test
    void aComplaintIsAcknowledgedWithin24HoursAndResolvedWithin3DaysOnTheWallClock() {
        SlaPlan plan = SlaPlan.compute(NORMAL_COMPLAINT, AROUND_THE_CLOCK, WEDNESDAY_10, null, EIGHTY_PERCENT);

        assertThat(plan.dueAcknowledge()).isEqualTo(at("2026-03-26T10:00"));
        assertThat(plan.dueArrival()).isNull();
        assertThat(plan.riskArrival()).isNull();
        assertThat(plan.dueResolve()).isEqualTo(at("2026-03-28T10:00"));
    }

    @Test
    void anInquiryHasNoArrivalTargetEvenWithAWindow() {
        SlaPlan plan = SlaPlan.compute(NORMAL_INQUIRY, EVERY_DAY, WEDNESDAY_10, at("2026-03-25T16:00"), EIGHTY_PERCENT);

        assertThat(plan.dueAcknowledge()).isEqualTo(at("2026-03-25T12:00"));
        assertThat(plan.dueArrival()).isNull();
        assertThat(plan.dueResolve()).as("24 business hours").isEqualTo(at("2026-03-27T14:00"));
    }

    @Test
    void theAtRiskShareIsConfigurable() {
        SlaPlan plan = SlaPlan.compute(URGENT_REPAIR, EVERY_DAY, WEDNESDAY_10, null, 0.5);

        assertThat(plan.riskAcknowledge()).isEqualTo(at("2026-03-25T10:07:30"));
        assertThat(plan.riskArrival()).isEqualTo(at("2026-03-25T10:15"));
    }

    @Test
    void timeOnHoldPushesEveryTargetBackInBusinessTime() {
        SlaPlan plan = SlaPlan.compute(URGENT_REPAIR, EVERY_DAY, at("2026-03-25T17:00"), null, EIGHTY_PERCENT);

        SlaPlan delayed = plan.delayedBy(EVERY_DAY, Duration.ofHours(1), ALL_TARGETS);

        assertThat(plan.dueAcknowledge()).isEqualTo(at("2026-03-25T17:15"));
        assertThat(delayed.dueAcknowledge()).isEqualTo(at("2026-03-26T08:15"));
        assertThat(delayed.riskAcknowledge()).isEqualTo(at("2026-03-26T08:12"));
        assertThat(delayed.dueArrival()).isEqualTo(at("2026-03-26T08:30"));
        assertThat(delayed.dueResolve()).isEqualTo(EVERY_DAY.plus(plan.dueResolve(), Duration.ofHours(1)));
    }

    @Test
    void noTimeOnHoldChangesNothing() {
        SlaPlan plan = SlaPlan.compute(NORMAL_COMPLAINT, AROUND_THE_CLOCK, WEDNESDAY_10, null, EIGHTY_PERCENT);

        assertThat(plan.delayedBy(AROUND_THE_CLOCK, Duration.ZERO, ALL_TARGETS)).isSameAs(plan);
        assertThat(plan.delayedBy(AROUND_THE_CLOCK, Duration.ofMinutes(30), ALL_TARGETS).dueArrival()).isNull();
    }

    @Test
    void theHoldTheClockStopsForIsMeasuredInBusinessTimeOnly() {
        // On hold from Wednesday 17:00 to Thursday 09:00: only 17:00-18:00 and 08:00-09:00 count.
        var held = EVERY_DAY.between(at("2026-03-25T17:00"), at("2026-03-26T09:00"));
        SlaPlan plan = SlaPlan.compute(NORMAL_REPAIR, EVERY_DAY, at("2026-03-25T16:00"), null, EIGHTY_PERCENT);

        assertThat(held).isEqualTo(Duration.ofHours(2));
        assertThat(plan.delayedBy(EVERY_DAY, held, ALL_TARGETS).dueArrival()).as("due 18:00, pushed by 2 business hours")
                .isEqualTo(at("2026-03-26T10:00"));
    }

    @Test
    void aCeilingBringsForwardOnlyTheTargetsThatRunPastIt() {
        SlaPlan plan = SlaPlan.compute(LOW_REPAIR, EVERY_DAY, WEDNESDAY_10, null, EIGHTY_PERCENT);

        SlaPlan capped = plan.cappedAt(WEDNESDAY_10, Duration.ofHours(72), EIGHTY_PERCENT);

        assertThat(plan.dueResolve()).isAfter(at("2026-03-28T10:00"));
        assertThat(capped.dueResolve()).isEqualTo(at("2026-03-28T10:00"));
        assertThat(capped.riskResolve()).isEqualTo(WEDNESDAY_10.plus(Duration.ofMinutes(72 * 60 * 8 / 10)));
        assertThat(capped.dueAcknowledge()).isEqualTo(plan.dueAcknowledge());
        assertThat(capped.dueArrival()).as("the next business day comes before the ceiling").isEqualTo(plan.dueArrival());
    }
}
