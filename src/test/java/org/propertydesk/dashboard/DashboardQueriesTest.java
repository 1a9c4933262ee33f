package org.propertydesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.propertydesk.dashboard.DashboardTestData.ZONE;
import static org.propertydesk.dashboard.DashboardTestData.at;
import static org.propertydesk.dashboard.DashboardTestData.day;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.propertydesk.dashboard.DashboardTestData.House;
import org.propertydesk.dashboard.DashboardTestData.Request;
import org.propertydesk.dashboard.DashboardTestData.Site;
import org.propertydesk.dashboard.DashboardTestData.Technician;
import org.propertydesk.requests.Channel;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.shared.web.NotFoundException;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * The dashboard's figures on small hand-built data sets whose answers are worked out by hand: one test per KPI, the
 * period and site filters, the lists behind the numbers, and who may choose which sites. Periods are days in
 * Shanghai; most tests look at March 2026, and {@code now} (which decides what is pending and overdue) is given per
 * test.
 */
@ClockedIntegrationTest
class DashboardQueriesTest {

    @Autowired
    DashboardTestData data;

    @Autowired
    DashboardQueries queries;

    @Autowired
    DrillDown drillDown;

    @Autowired
    Selections selections;

    @Autowired
    MutableClock clock;

    static Selection selection(String firstDay, String lastDay, String now, Site... sites) {
        return new Selection(Arrays.stream(sites).map(Site::id).toList(),
                Period.days(Period.Preset.CUSTOM, day(firstDay), day(lastDay), ZONE), at(now), ZONE);
    }

    static Selection march(String now, Site... sites) {
        return selection("2026-03-01", "2026-03-31", now, sites);
    }

    /** The request numbers of the list behind a count. */
    List<String> listed(Selection selection, Dashboard.Count count) {
        return drillDown.page(selection, count.drill(), count.filter(), PageRequest.of(0, 500))
                .map(DrillDown.Row::number).getContent();
    }

    static List<String> numbers(Request... requests) {
        return Arrays.stream(requests).map(Request::number).toList();
    }

    static String share(Dashboard.Rate rate) {
        return rate.count().value() + "/" + rate.of().value() + " = " + rate.percent();
    }

    static Dashboard.Timing timing(List<Dashboard.Timing> timings, RequestKind kind) {
        return timings.stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
    }

    static String minutes(Dashboard.Timing timing) {
        return timing.measured() + ": mean " + timing.mean() + ", median " + timing.median() + ", p90 " + timing.p90()
                + ", on time " + share(timing.onTime());
    }

    @Nested
    class Volume {

        @Test
        void requestsReceivedInThePeriodByKindCategoryAndChannelWithSubcategoriesUnderTheirParent() {
            Site site = data.site();
            data.repair(site).category("PLUMBING_BLOCKED_DRAIN").channel(Channel.PHONE).received("2026-03-02 09:00").save();
            data.repair(site).category("PLUMBING").channel(Channel.WECHAT).received("2026-03-02 10:00").save();
            data.repair(site).category("ELEVATOR").channel(Channel.PHONE).received("2026-03-10 08:00").save();
            data.complaint(site).category("NOISE").channel(Channel.WALK_IN).received("2026-03-01 00:00").save();
            data.complaint(site).category("NOISE").channel(Channel.PHONE).received("2026-03-15 20:00").save();
            data.inquiry(site).category("FEES").channel(Channel.PORTAL).received("2026-03-31 23:30").save();
            data.inquiry(site).category("FEES").channel(Channel.PHONE).received("2026-04-01 00:10").save();
            data.repair(site).category("ELEVATOR").channel(Channel.PHONE).received("2026-02-28 23:59").save();

            Dashboard.Volume volume = queries.dashboard(march("2026-04-05 10:00", site)).volume();

            assertThat(volume.received().value()).isEqualTo(6);
            assertThat(volume.byKind()).extracting(Dashboard.Slice::code, s -> s.count().value())
                    .containsExactly(tuple("INQUIRY", 1L), tuple("REPAIR", 3L), tuple("COMPLAINT", 2L));
            assertThat(volume.byCategory()).extracting(Dashboard.Slice::code, Dashboard.Slice::nameEn, s -> s.count().value())
                    .containsExactly(tuple("PLUMBING", "Plumbing", 2L), tuple("NOISE", "Noise", 2L),
                            tuple("ELEVATOR", "Elevator", 1L), tuple("FEES", "Fees", 1L));
            assertThat(volume.byChannel()).extracting(Dashboard.Slice::code, s -> s.count().value())
                    .containsExactly(tuple("PHONE", 3L), tuple("WALK_IN", 1L), tuple("PORTAL", 1L), tuple("EMAIL", 0L),
                            tuple("WECHAT", 1L), tuple("PATROL", 0L), tuple("QR_CODE", 0L));
        }

        @Test
        void aMonthIsChartedByDayInShanghaiDays() {
            Site site = data.site();
            data.complaint(site).received("2026-03-01 00:00").save();
            data.repair(site).received("2026-03-02 07:59").save();
            data.repair(site).received("2026-03-02 08:00").save();
            data.inquiry(site).received("2026-03-31 23:30").save();
            data.inquiry(site).received("2026-04-01 00:10").save();

            Dashboard.Volume volume = queries.dashboard(march("2026-04-05 10:00", site)).volume();

            assertThat(volume.bucket()).isEqualTo("day");
            assertThat(volume.overTime()).hasSize(31);
            assertThat(volume.overTime()).filteredOn(b -> b.total() > 0)
                    .extracting(Dashboard.Bucket::start, Dashboard.Bucket::inquiries, Dashboard.Bucket::repairs,
                            Dashboard.Bucket::complaints)
                    .containsExactly(tuple(day("2026-03-01"), 0L, 0L, 1L), tuple(day("2026-03-02"), 0L, 2L, 0L),
                            tuple(day("2026-03-31"), 1L, 0L, 0L));
        }

        @Test
        void tenWeeksAreChartedByWeekFromMondayAndHalfAYearByMonth() {
            Site site = data.site();
            data.repair(site).received("2026-03-01 10:00").save();
            data.repair(site).received("2026-03-08 23:30").save();
            data.repair(site).received("2026-03-09 00:30").save();
            data.inquiry(site).received("2026-03-31 23:30").save();
            data.inquiry(site).received("2026-04-01 00:10").save();

            Dashboard.Volume weeks = queries.dashboard(selection("2026-03-01", "2026-05-09", "2026-06-01 10:00", site)).volume();
            Dashboard.Volume months = queries.dashboard(selection("2026-01-01", "2026-07-19", "2026-08-01 10:00", site)).volume();

            assertThat(weeks.bucket()).isEqualTo("week");
            assertThat(weeks.overTime()).first().extracting(Dashboard.Bucket::start).isEqualTo(day("2026-02-23"));
            assertThat(weeks.overTime()).hasSize(11).filteredOn(b -> b.total() > 0)
                    .extracting(Dashboard.Bucket::start, Dashboard.Bucket::inquiries, Dashboard.Bucket::repairs)
                    .containsExactly(tuple(day("2026-02-23"), 0L, 1L), tuple(day("2026-03-02"), 0L, 1L),
                            tuple(day("2026-03-09"), 0L, 1L), tuple(day("2026-03-30"), 2L, 0L));
            assertThat(months.bucket()).isEqualTo("month");
            assertThat(months.overTime()).extracting(Dashboard.Bucket::start, Dashboard.Bucket::total)
                    .containsExactly(tuple(day("2026-01-01"), 0L), tuple(day("2026-02-01"), 0L),
                            tuple(day("2026-03-01"), 4L), tuple(day("2026-04-01"), 1L), tuple(day("2026-05-01"), 0L),
                            tuple(day("2026-06-01"), 0L), tuple(day("2026-07-01"), 0L));
        }
    }

    @Nested
    class Times {

        @Test
        void responseTimeIsMeanMedianAndInterpolated90thPercentileWithTheOnTimeShareAgainstTheAcknowledgeTarget() {
            Site site = data.site();
            for (String acknowledged : List.of("09:10", "09:20", "09:30", "09:40")) {
                data.repair(site).received("2026-03-03 09:00").dueAcknowledge("09:30").acknowledged(acknowledged).save();
            }
            data.repair(site).received("2026-03-03 09:00").dueAcknowledge("09:30").save();
            data.inquiry(site).received("2026-03-03 09:00").acknowledged("09:05").save();
            data.complaint(site).received("2026-03-03 09:00").dueAcknowledge("2026-03-04 09:00").acknowledged("10:00").save();

            List<Dashboard.Timing> responses = queries.dashboard(march("2026-04-05 10:00", site)).responses();

            assertThat(responses.get(0).kind()).isNull();
            assertThat(minutes(responses.get(0))).isEqualTo("6: mean 27.5, median 25.0, p90 50.0, on time 5/7 = 71.4");
            assertThat(minutes(timing(responses, RequestKind.REPAIR)))
                    .isEqualTo("4: mean 25.0, median 25.0, p90 37.0, on time 3/5 = 60.0");
            assertThat(minutes(timing(responses, RequestKind.INQUIRY)))
                    .isEqualTo("1: mean 5.0, median 5.0, p90 5.0, on time 1/1 = 100.0");
            assertThat(minutes(timing(responses, RequestKind.COMPLAINT)))
                    .isEqualTo("1: mean 60.0, median 60.0, p90 60.0, on time 1/1 = 100.0");
        }

        @Test
        void arrivalTimeIsTimedForRepairsOnly() {
            Site site = data.site();
            for (String arrived : List.of("08:30", "09:00", "09:30", "10:30")) {
                data.repair(site).received("2026-03-04 08:00").dueArrival("10:00").acknowledged("08:05").arrived(arrived).save();
            }
            data.complaint(site).received("2026-03-04 08:00").acknowledged("08:01").arrived("08:05").save();

            Dashboard.Timing arrival = queries.dashboard(march("2026-04-05 10:00", site)).arrival();

            assertThat(arrival.kind()).isEqualTo(RequestKind.REPAIR);
            assertThat(minutes(arrival)).isEqualTo("4: mean 82.5, median 75.0, p90 132.0, on time 3/4 = 75.0");
        }

        @Test
        void resolutionTimeCountsResolvedRequestsAndItsOnTimeShareIsAgainstTheResolveTarget() {
            Site site = data.site();
            for (String resolved : List.of("09:00", "10:00", "12:00")) {
                data.repair(site).received("2026-03-05 08:00").acknowledged("08:10").arrived("08:40").resolved(resolved).save();
            }
            data.repair(site).received("2026-03-05 08:00").acknowledged("08:10").save();
            data.complaint(site).received("2026-03-05 08:00").acknowledged("09:00").resolved("2026-03-06 08:00").save();

            List<Dashboard.Timing> resolutions = queries.dashboard(march("2026-04-05 10:00", site)).resolutions();

            assertThat(minutes(resolutions.get(0))).isEqualTo("4: mean 465.0, median 180.0, p90 1080.0, on time 4/5 = 80.0");
            assertThat(minutes(timing(resolutions, RequestKind.REPAIR)))
                    .isEqualTo("3: mean 140.0, median 120.0, p90 216.0, on time 3/4 = 75.0");
            assertThat(minutes(timing(resolutions, RequestKind.INQUIRY))).isEqualTo("0: mean null, median null, p90 null, on time 0/0 = null");
        }
    }

    @Nested
    class SlaStages {

        @Test
        void eachStageCountsTargetsMetOnTimeAgainstThoseMetLateOrOverdueWhileWorkedOn() {
            Site site = data.site();
            Request a = data.repair(site).received("2026-03-10 09:00").acknowledged("09:10").arrived("11:30")
                    .resolved("2026-03-12 09:00").save();
            Request b = data.repair(site).received("2026-03-10 09:00").acknowledged("09:45").arrived("10:30")
                    .dueResolve("2026-03-25 09:00").save();
            Request c = data.repair(site).received("2026-03-10 09:00").dueResolve("2026-03-25 09:00").save();
            Request onHold = data.repair(site).received("2026-03-10 09:00").onHold("09:20").save();
            Request e = data.inquiry(site).received("2026-03-10 09:00").acknowledged("09:05").resolved("2026-03-14 09:00").save();
            data.repair(site).received("2026-03-10 09:00").cancelled("12:00").save();
            data.complaint(site).received("2026-03-10 09:00").dueAcknowledge("2026-03-21 09:00").dueResolve("2026-03-25 09:00").save();
            Selection selection = march("2026-03-20 12:00", site);

            Dashboard dashboard = queries.dashboard(selection);

            assertThat(dashboard.stages()).extracting(Dashboard.Stage::target, s -> s.onTime().value(),
                    s -> s.breached().value(), Dashboard.Stage::onTimePercent)
                    .containsExactly(tuple("ACKNOWLEDGE", 2L, 2L, new BigDecimal("50.0")),
                            tuple("ARRIVAL", 1L, 2L, new BigDecimal("33.3")),
                            tuple("RESOLVE", 1L, 1L, new BigDecimal("50.0")));
            assertThat(dashboard.breaches().value()).isEqualTo(4);
            assertThat(listed(selection, dashboard.breaches())).containsExactlyInAnyOrderElementsOf(numbers(a, b, c, e));
            assertThat(listed(selection, dashboard.stages().get(0).breached())).containsExactlyInAnyOrderElementsOf(numbers(b, c));
            assertThat(drillDown.page(selection, Drill.RECEIVED, DrillFilter.NONE, PageRequest.of(0, 50)).getContent())
                    .filteredOn(DrillDown.Row::breached).extracting(DrillDown.Row::number)
                    .containsExactlyInAnyOrderElementsOf(numbers(a, b, c, e)).doesNotContain(onHold.number());
        }
    }

    @Nested
    class Backlog {

        @Test
        void requestsOpenAtThePeriodEndByAgeWhateverHappenedToThemSince() {
            Site site = data.site();
            Request underADay = data.repair(site).received("2026-03-31 12:00").save();
            Request exactlyOneDay = data.repair(site).received("2026-03-31 00:00").acknowledged("00:10").save();
            Request resolvedAfterTheEnd = data.repair(site).received("2026-03-30 10:00").acknowledged("10:10")
                    .resolved("2026-04-02 10:00").save();
            Request exactlyThreeDays = data.inquiry(site).received("2026-03-29 00:00").save();
            Request onHold = data.repair(site).received("2026-03-26 09:00").acknowledged("09:10").onHold("2026-03-27 09:00").save();
            Request exactlySevenDays = data.complaint(site).received("2026-03-25 00:00").save();
            Request fromFebruary = data.complaint(site).received("2026-02-10 09:00").acknowledged("10:00").save();
            Request cancelledAfterTheEnd = data.inquiry(site).received("2026-03-15 09:00").cancelled("2026-04-03 09:00").save();
            data.inquiry(site).received("2026-03-20 09:00").cancelled("2026-03-28 09:00").save();
            data.repair(site).received("2026-03-20 09:00").resolved("2026-03-30 09:00").closed("2026-04-03 09:00").save();
            data.repair(site).received("2026-03-18 09:00").resolved("2026-03-19 09:00").save();
            data.repair(site).received("2026-04-01 00:10").save();
            Selection selection = march("2026-04-10 10:00", site);

            Dashboard.Backlog backlog = queries.dashboard(selection).backlog();

            assertThat(List.of(backlog.total(), backlog.underOneDay(), backlog.oneToThreeDays(), backlog.threeToSevenDays(),
                    backlog.overSevenDays())).extracting(Dashboard.Count::value).containsExactly(8L, 1L, 2L, 2L, 3L);
            assertThat(listed(selection, backlog.total())).containsExactlyInAnyOrderElementsOf(numbers(underADay,
                    exactlyOneDay, resolvedAfterTheEnd, exactlyThreeDays, onHold, exactlySevenDays, fromFebruary,
                    cancelledAfterTheEnd));
            assertThat(listed(selection, backlog.oneToThreeDays()))
                    .containsExactlyInAnyOrderElementsOf(numbers(exactlyOneDay, resolvedAfterTheEnd));
            assertThat(listed(selection, backlog.overSevenDays()))
                    .containsExactlyInAnyOrderElementsOf(numbers(exactlySevenDays, fromFebruary, cancelledAfterTheEnd));
        }

        @Test
        void whileThePeriodRunsTheBacklogIsCountedNow() {
            Site site = data.site();
            data.repair(site).received("2026-03-20 08:00").save();
            data.repair(site).received("2026-03-19 10:00").save();
            data.repair(site).received("2026-03-19 10:00").resolved("2026-03-20 11:00").save();

            Dashboard.Backlog backlog = queries.dashboard(march("2026-03-20 12:00", site)).backlog();

            assertThat(List.of(backlog.total(), backlog.underOneDay(), backlog.oneToThreeDays()))
                    .extracting(Dashboard.Count::value).containsExactly(2L, 1L, 1L);
        }
    }

    @Nested
    class QualityRates {

        static final String NOW = "2026-04-05 10:00";

        @Test
        void firstContactResolutionIsTheShareOfInquiriesAnsweredAtIntake() {
            Site site = data.site();
            data.inquiry(site).received("2026-03-03 09:00").resolvedAtIntake().save();
            data.inquiry(site).received("2026-03-03 09:00").acknowledged("09:30").resolved("11:00").save();
            data.inquiry(site).received("2026-03-03 09:00").acknowledged("09:30").save();
            data.inquiry(site).received("2026-03-03 09:00").cancelled("09:30").save();
            data.repair(site).received("2026-03-03 09:00").acknowledged("09:10").resolved("12:00").save();

            assertThat(share(queries.dashboard(march(NOW, site)).firstContactResolution())).isEqualTo("1/3 = 33.3");
        }

        @Test
        void firstContactResolutionsAreCountedAmongTheInquiriesTheyAreAShareOf() {
            Site site = data.site();
            data.inquiry(site).received("2026-03-03 09:00").resolvedAtIntake().save();
            data.inquiry(site).received("2026-03-03 09:00").resolvedAtIntake().reopened(1).cancelled("2026-03-04 09:00").save();

            assertThat(share(queries.dashboard(march(NOW, site)).firstContactResolution())).isEqualTo("1/1 = 100.0");
        }

        @Test
        void followUpsAreTheShareOfRequestsTheOwnerChasedAtLeastOnce() {
            Site site = data.site();
            data.repair(site).received("2026-03-03 09:00").save();
            data.repair(site).received("2026-03-03 09:00").followUps(1).save();
            data.complaint(site).received("2026-03-03 09:00").followUps(3).save();
            data.repair(site).received("2026-03-03 09:00").followUps(2).cancelled("2026-03-04 09:00").save();

            assertThat(share(queries.dashboard(march(NOW, site)).followUps())).isEqualTo("2/3 = 66.7");
        }

        @Test
        void reopenRateIsReopenedAmongRequestsThatReachedAResolution() {
            Site site = data.site();
            data.repair(site).received("2026-03-03 09:00").resolved("2026-03-04 09:00").save();
            data.repair(site).received("2026-03-03 09:00").reopened(1).resolved("2026-03-06 09:00").save();
            data.complaint(site).received("2026-03-03 09:00").reopened(2).save();
            data.repair(site).received("2026-03-03 09:00").acknowledged("09:10").save();

            assertThat(share(queries.dashboard(march(NOW, site)).reopened())).isEqualTo("2/3 = 66.7");
        }

        @Test
        void repeatRateAmongHouseRepairsWithHousesAndBuildingsWithTheMostRepeatsFirst() {
            Site site = data.site();
            DashboardTestData.Building one = data.building(site, "1");
            DashboardTestData.Building two = data.building(site, "2");
            House h101 = data.house(one, "101");
            House h102 = data.house(one, "102");
            House h201 = data.house(two, "101");
            Request first101 = data.repair(site).house(h101).received("2026-02-20 09:00").resolved("2026-02-21 09:00").save();
            Request again101 = data.repair(site).house(h101).repeatOf(first101).received("2026-03-02 09:00").save();
            Request third101 = data.repair(site).house(h101).repeatOf(again101).received("2026-03-09 09:00").save();
            Request first102 = data.repair(site).house(h102).received("2026-03-03 09:00").resolved("2026-03-03 12:00").save();
            Request again102 = data.repair(site).house(h102).repeatOf(first102).received("2026-03-10 09:00").save();
            Request first201 = data.repair(site).house(h201).received("2026-03-04 09:00").resolved("2026-03-04 12:00").save();
            Request again201 = data.repair(site).house(h201).repeatOf(first201).received("2026-03-11 09:00").save();
            data.repair(site).house(h201).repeatOf(first201).received("2026-03-12 09:00").cancelled("2026-03-12 10:00").save();
            data.complaint(site).house(h201).repeatOf(first201).received("2026-03-12 09:00").save();
            data.repair(site).received("2026-03-12 09:00").save();
            data.repair(site).house(h101).received("2026-03-13 09:00").save();
            Selection selection = march(NOW, site);

            Dashboard dashboard = queries.dashboard(selection);

            assertThat(share(dashboard.repeats())).isEqualTo("4/7 = 57.1");
            assertThat(dashboard.houseHotspots()).extracting(Dashboard.Hotspot::code, h -> h.repeats().value())
                    .containsExactly(tuple("1-101", 2L), tuple("1-102", 1L), tuple("2-101", 1L));
            assertThat(dashboard.buildingHotspots()).extracting(Dashboard.Hotspot::code, Dashboard.Hotspot::name,
                    h -> h.repeats().value()).containsExactly(tuple("1", "1栋", 3L), tuple("2", "2栋", 1L));
            assertThat(listed(selection, dashboard.houseHotspots().get(0).repeats()))
                    .containsExactlyInAnyOrderElementsOf(numbers(again101, third101));
            assertThat(listed(selection, dashboard.buildingHotspots().get(0).repeats()))
                    .containsExactlyInAnyOrderElementsOf(numbers(again101, third101, again102));
            assertThat(listed(selection, dashboard.repeats().count()))
                    .containsExactlyInAnyOrderElementsOf(numbers(again101, third101, again102, again201));
        }

        @Test
        void promisesKeptAmongPromisesSettledByAVisit() {
            Site site = data.site();
            data.repair(site).received("2026-03-03 09:00").promised("10:00", true).arrived("09:50").save();
            data.repair(site).received("2026-03-03 09:00").promised("10:00", false).arrived("11:00").save();
            data.repair(site).received("2026-03-03 09:00").promised("2026-03-03 10:00", null).save();
            data.repair(site).received("2026-03-03 09:00").arrived("10:00").save();

            assertThat(share(queries.dashboard(march(NOW, site)).promisesKept())).isEqualTo("1/2 = 50.0");
        }

        @Test
        void complaintsPer100HouseholdsOfTheSelectedSites() {
            Site site = data.site();
            DashboardTestData.Building building = data.building(site, "1");
            for (int room = 101; room <= 108; room++) {
                data.house(building, Integer.toString(room));
            }
            data.complaint(site).received("2026-03-03 09:00").save();
            data.complaint(site).received("2026-03-13 09:00").resolved("2026-03-14 09:00").save();
            data.complaint(site).received("2026-03-23 09:00").save();
            data.complaint(site).received("2026-03-24 09:00").cancelled("2026-03-24 10:00").save();
            data.complaint(site).received("2026-04-01 09:00").save();
            data.repair(site).received("2026-03-03 09:00").save();

            Dashboard.Complaints complaints = queries.dashboard(march(NOW, site)).complaints();

            assertThat(complaints.count().value()).isEqualTo(3);
            assertThat(complaints.households()).isEqualTo(8);
            assertThat(complaints.per100Households()).isEqualByComparingTo("37.50");
        }

        @Test
        void escalationsAreRequestsWithAnEscalatedTargetCountedOnceEach() {
            Site site = data.site();
            data.repair(site).received("2026-03-03 09:00").escalated("ACKNOWLEDGE", "09:31").escalated("RESOLVE", "2026-03-06 10:00").save();
            data.complaint(site).received("2026-03-03 09:00").escalated("ACKNOWLEDGE", "2026-03-04 10:00").save();
            data.repair(site).received("2026-03-03 09:00").save();
            data.inquiry(site).received("2026-03-03 09:00").save();

            assertThat(share(queries.dashboard(march(NOW, site)).escalations())).isEqualTo("2/4 = 50.0");
        }
    }

    @Nested
    class Callbacks {

        @Test
        void callbacksDueInThePeriodOnTimeLateUnreachableAndWhatOwnersSaid() {
            Site site = data.site();
            Request satisfied = resolved(site);
            data.callback(satisfied).due("2026-03-05 10:00").done("2026-03-05 09:00", "SATISFIED").save();
            Request late = resolved(site);
            data.callback(late).due("2026-03-06 10:00").done("2026-03-07 10:00", "UNSATISFIED").save();
            Request unreachable = resolved(site);
            data.callback(unreachable).due("2026-03-07 10:00").unreachable("2026-03-08 10:00").save();
            Request neutral = resolved(site);
            data.callback(neutral).due("2026-03-10 10:00").done("2026-03-10 09:00", "NEUTRAL").save();
            Request overdue = resolved(site);
            data.callback(overdue).due("2026-03-18 10:00").save();
            Request notYetDue = resolved(site);
            data.callback(notYetDue).due("2026-03-25 10:00").save();
            data.callback(resolved(site)).due("2026-03-12 10:00").cancelled("2026-03-11 10:00").save();
            Request twoRounds = resolved(site);
            data.callback(twoRounds).round(1).due("2026-03-03 10:00").done("2026-03-03 09:00", "UNSATISFIED").save();
            data.callback(twoRounds).round(2).due("2026-03-15 10:00").done("2026-03-15 09:00", "SATISFIED").save();
            data.callback(resolved(site)).due("2026-04-02 10:00").save();
            Selection selection = march("2026-03-20 12:00", site);

            Dashboard.Callbacks callbacks = queries.dashboard(selection).callbacks();

            assertThat(callbacks.due().value()).isEqualTo(7);
            assertThat(share(callbacks.onTime())).isEqualTo("3/7 = 42.9");
            assertThat(callbacks.late().value()).isEqualTo(2);
            assertThat(share(callbacks.unreachable())).isEqualTo("1/5 = 20.0");
            assertThat(share(callbacks.satisfied())).isEqualTo("2/4 = 50.0");
            assertThat(callbacks.unsatisfied().value()).isEqualTo(2);
            assertThat(listed(selection, callbacks.late())).containsExactlyInAnyOrderElementsOf(numbers(late, overdue));
            assertThat(listed(selection, callbacks.due())).containsExactlyInAnyOrderElementsOf(
                    numbers(satisfied, late, unreachable, neutral, overdue, notYetDue, twoRounds));
        }

        private Request resolved(Site site) {
            return data.repair(site).received("2026-02-27 09:00").acknowledged("09:10").arrived("10:00").resolved("12:00").save();
        }
    }

    @Nested
    class Ratings {

        @Test
        void ratingsGivenInThePeriodWithMeanStarsIndexLowRatingsAndTrend() {
            Site site = data.site();
            int[] stars = {5, 2, 4, 1, 5, 3};
            String[] when = {"2026-03-02 10:00", "2026-03-02 15:00", "2026-03-03 09:00", "2026-03-31 23:30",
                    "2026-04-01 00:10", "2026-02-28 23:50"};
            for (int i = 0; i < stars.length; i++) {
                Request request = data.repair(site).received("2026-02-20 09:00").resolved("2026-02-20 12:00").save();
                data.rating(request, stars[i], when[i]);
            }
            Selection selection = march("2026-04-05 10:00", site);

            Dashboard.Ratings ratings = queries.dashboard(selection).ratings();

            assertThat(ratings.rated().value()).isEqualTo(4);
            assertThat(ratings.averageStars()).isEqualByComparingTo("3.00");
            assertThat(ratings.index()).isEqualByComparingTo("50.0");
            assertThat(ratings.low().value()).isEqualTo(2);
            assertThat(listed(selection, ratings.low())).hasSize(2);
            assertThat(ratings.trend()).hasSize(31).filteredOn(p -> p.ratings() > 0)
                    .extracting(Dashboard.RatingPoint::start, Dashboard.RatingPoint::ratings, p -> p.index().toPlainString())
                    .containsExactly(tuple(day("2026-03-02"), 2L, "62.5"), tuple(day("2026-03-03"), 1L, "75.0"),
                            tuple(day("2026-03-31"), 1L, "0.0"));
            assertThat(ratings.trend().get(0).index()).isNull();
        }
    }

    @Nested
    class Technicians {

        @Test
        void jobsCompletedInThePeriodCountedPerRequestWithArrivalsRatingsAndReopenings() {
            Site site = data.site();
            Technician li = data.technician(site, "李师傅");
            Technician wang = data.technician(site, "王师傅");
            Request onTime = repair(site, "2026-03-02 08:00");
            data.job(onTime, li).dueArrival("2026-03-02 10:00").arrived("2026-03-02 09:50").completed("2026-03-02 11:00").save();
            data.rating(onTime, 5, "2026-03-03 09:00");
            Request twoVisits = repair(site, "2026-03-03 08:00");
            data.job(twoVisits, li).dueArrival("2026-03-03 10:00").arrived("2026-03-03 10:30").completed("2026-03-03 11:00").save();
            data.job(twoVisits, li).arrived("2026-03-04 09:00").completed("2026-03-04 10:00").save();
            data.rating(twoVisits, 3, "2026-03-05 09:00");
            Request sentBack = repair(site, "2026-03-09 08:00");
            data.job(sentBack, li).dueArrival("2026-03-09 10:00").arrived("2026-03-09 09:00").completed("2026-03-10 10:00")
                    .sentBack(1).save();
            Request completedInApril = repair(site, "2026-03-30 08:00");
            data.job(completedInApril, li).dueArrival("2026-03-30 10:00").arrived("2026-03-30 11:00")
                    .completed("2026-04-02 10:00").save();
            data.job(repair(site, "2026-03-20 08:00"), li).cancelled("2026-03-20 09:00").save();
            Request untimed = repair(site, "2026-03-15 08:00");
            data.job(untimed, wang).arrived("2026-03-15 09:00").completed("2026-03-15 10:00").save();
            Selection selection = march("2026-04-05 10:00", site);

            List<Dashboard.TechnicianFigures> technicians = queries.dashboard(selection).technicians();

            assertThat(technicians).extracting(Dashboard.TechnicianFigures::name, t -> t.jobs().value(),
                    t -> share(t.arrivedOnTime()), t -> t.late().value(), Dashboard.TechnicianFigures::averageStars,
                    Dashboard.TechnicianFigures::ratings, t -> share(t.reopened()))
                    .containsExactly(
                            tuple(li.name(), 3L, "2/3 = 66.7", 1L, new BigDecimal("4.00"), 2L, "1/3 = 33.3"),
                            tuple(wang.name(), 1L, "0/0 = null", 0L, null, 0L, "0/1 = 0.0"));
            Dashboard.TechnicianFigures liFigures = technicians.get(0);
            assertThat(listed(selection, liFigures.jobs())).containsExactlyInAnyOrderElementsOf(numbers(onTime, twoVisits, sentBack));
            assertThat(listed(selection, liFigures.late())).containsExactly(twoVisits.number());
            assertThat(listed(selection, liFigures.reopened().count())).containsExactly(sentBack.number());
        }

        private Request repair(Site site, String received) {
            return data.repair(site).received(received).acknowledged("08:05").save();
        }
    }

    @Nested
    class Satisfaction {

        @Test
        void indexPerServiceLineAndOverallForQuestionnairesOpenedByThePeriodEndAgainstTheNational() {
            Site site = data.site();
            Site neighbour = data.site();
            long january = data.questionnaire("2026-01-10", site);
            long janRepairs = data.ratingQuestion(january, "REPAIRS");
            long janCleaning = data.ratingQuestion(january, "CLEANING");
            data.response(january, data.house(site)).rate(janRepairs, 5).rate(janCleaning, 3).save();
            data.response(january, data.house(site)).rate(janRepairs, 4).save();
            long spring = data.questionnaire("2026-03-01", site, neighbour);
            long marRepairs = data.ratingQuestion(spring, "REPAIRS");
            long marCleaning = data.ratingQuestion(spring, "CLEANING");
            data.response(spring, data.house(site)).rate(marRepairs, 2).rate(marCleaning, 4).save();
            data.response(spring, data.house(site)).rate(marCleaning, 5).save();
            data.response(spring, data.house(neighbour)).rate(marRepairs, 1).rate(marCleaning, 1).save();
            long april = data.questionnaire("2026-04-05", site);
            data.response(april, data.house(site)).rate(data.ratingQuestion(april, "REPAIRS"), 1).save();

            Dashboard dashboard = queries.dashboard(march("2026-04-10 10:00", site));

            assertThat(dashboard.satisfaction()).extracting(Dashboard.IndexPoint::questionnaireId, Dashboard.IndexPoint::line,
                    p -> p.index().toPlainString(), Dashboard.IndexPoint::ratings)
                    .containsExactly(tuple(january, null, "75.0", 3L), tuple(january, "CLEANING", "50.0", 1L),
                            tuple(january, "REPAIRS", "87.5", 2L), tuple(spring, null, "66.7", 3L),
                            tuple(spring, "CLEANING", "87.5", 2L), tuple(spring, "REPAIRS", "25.0", 1L));
            assertThat(dashboard.nationalIndex()).isEqualByComparingTo("72.3");
        }
    }

    @Nested
    class Filters {

        @Test
        void anotherSitesRequestsNeverCountAndChoosingBothSitesAddsThemUp() {
            Site first = data.site();
            Site second = data.site();
            data.repair(first).received("2026-03-02 09:00").save();
            Request rated = data.repair(first).received("2026-03-03 09:00").resolved("12:00").save();
            data.rating(rated, 4, "2026-03-04 09:00");
            for (int i = 0; i < 3; i++) {
                Request inquiry = data.inquiry(second).received("2026-03-05 09:00").resolved("10:00").save();
                data.callback(inquiry).due("2026-03-06 10:00").done("2026-03-06 09:00", "SATISFIED").save();
            }
            data.complaint(second).received("2026-03-30 09:00").save();
            data.house(first);
            data.house(second);
            data.house(second);

            Dashboard one = queries.dashboard(march("2026-04-05 10:00", first));
            Dashboard both = queries.dashboard(march("2026-04-05 10:00", first, second));

            assertThat(figures(one)).containsExactly(2L, 1L, 0L, 1L, 0L, 1L);
            assertThat(figures(both)).containsExactly(6L, 2L, 3L, 1L, 1L, 3L);
        }

        @Test
        void thePeriodDecidesWhichRequestsCount() {
            Site site = data.site();
            data.repair(site).received("2026-02-14 09:00").save();
            data.repair(site).received("2026-02-28 23:59").save();
            data.repair(site).received("2026-03-01 00:00").save();

            assertThat(queries.dashboard(selection("2026-02-01", "2026-02-28", "2026-04-05 10:00", site)).volume().received().value())
                    .isEqualTo(2);
            assertThat(queries.dashboard(selection("2026-02-15", "2026-03-01", "2026-04-05 10:00", site)).volume().received().value())
                    .isEqualTo(2);
        }

        /** A dashboard's queries run side by side on a pool all dashboards share: more managers than threads. */
        @Test
        void managersOpeningTheDashboardAtOnceEachGetTheWholeDashboard() throws Exception {
            Site site = data.site();
            Technician li = data.technician(site, "李师傅");
            Request repair = data.repair(site).received("2026-03-02 08:00").resolved("2026-03-02 12:00").save();
            data.job(repair, li).dueArrival("2026-03-02 10:00").arrived("2026-03-02 09:50").completed("2026-03-02 11:00").save();
            data.rating(repair, 5, "2026-03-03 09:00");
            data.callback(repair).due("2026-03-03 10:00").done("2026-03-03 09:00", "SATISFIED").save();
            data.complaint(site).received("2026-03-30 09:00").save();
            data.house(site);
            Selection selection = march("2026-04-05 10:00", site);
            Dashboard alone = queries.dashboard(selection);

            ExecutorService managers = Executors.newFixedThreadPool(12);
            try {
                List<Future<Dashboard>> together = managers.invokeAll(
                        Collections.nCopies(12, () -> queries.dashboard(selection)));
                for (Future<Dashboard> dashboard : together) {
                    assertThat(dashboard.get(30, TimeUnit.SECONDS)).isEqualTo(alone);
                }
            } finally {
                managers.shutdownNow();
            }
            assertThat(figures(alone)).containsExactly(2L, 1L, 1L, 1L, 1L, 1L);
            assertThat(alone.technicians()).extracting(Dashboard.TechnicianFigures::staffId).containsExactly(li.staffId());
        }

        /** Received, open at the end, callbacks due, ratings, complaints and households. */
        private List<Long> figures(Dashboard dashboard) {
            return List.of(dashboard.volume().received().value(), dashboard.backlog().total().value(),
                    dashboard.callbacks().due().value(), dashboard.ratings().rated().value(),
                    dashboard.complaints().count().value(), dashboard.complaints().households());
        }
    }

    @Nested
    class DrillLists {

        @Test
        void everyCountOfARichDashboardHasExactlyAsManyRequestsBehindIt() {
            Site site = data.site();
            Selection selection = march("2026-03-20 12:00", site);
            RichSite rich = richSite(site);

            Dashboard dashboard = queries.dashboard(selection);
            Map<String, Dashboard.Count> counts = new LinkedHashMap<>();
            collect("dashboard", dashboard, counts);

            assertThat(counts).hasSizeGreaterThan(70);
            assertThat(counts.values()).filteredOn(c -> c.value() > 0).hasSizeGreaterThan(40);
            SoftAssertions softly = new SoftAssertions();
            counts.forEach((path, count) -> softly.assertThat(
                    drillDown.page(selection, count.drill(), count.filter(), PageRequest.of(0, 500)).getTotalElements())
                    .as(path + " " + count.drill() + " " + count.filter()).isEqualTo(count.value()));
            softly.assertAll();
            assertThat(listed(selection, dashboard.breaches())).containsExactlyInAnyOrderElementsOf(rich.breached());
            assertThat(listed(selection, dashboard.backlog().total())).containsExactlyInAnyOrderElementsOf(rich.open());
        }

        record RichSite(List<String> breached, List<String> open) {
        }

        /** Something for every figure: all kinds, categories and channels, stages, houses, callbacks, ratings, jobs. */
        private RichSite richSite(Site site) {
            DashboardTestData.Building building = data.building(site, "1");
            House h101 = data.house(building, "101");
            House h102 = data.house(building, "102");
            Technician tech = data.technician(site, "赵师傅");
            Request fcr = data.inquiry(site).channel(Channel.WECHAT).received("2026-03-02 09:00").resolvedAtIntake().save();
            Request repairOnTime = data.repair(site).category("PLUMBING_BLOCKED_DRAIN").house(h101)
                    .received("2026-03-02 10:00").acknowledged("10:10").arrived("11:00").resolved("15:00")
                    .promised("11:30", true).save();
            Request repairLate = data.repair(site).category("ELECTRICAL").channel(Channel.PORTAL).house(h101)
                    .repeatOf(repairOnTime).received("2026-03-05 10:00").acknowledged("10:45").arrived("13:00")
                    .resolved("2026-03-09 10:00").promised("12:00", false).followUps(2).escalated("RESOLVE", "2026-03-08 10:30")
                    .save();
            Request repairOpen = data.repair(site).category("ELEVATOR").house(h102).received("2026-03-10 09:00")
                    .dueResolve("2026-03-25 09:00").save();
            Request reopened = data.repair(site).house(h102).repeatOf(repairOpen).received("2026-03-11 09:00")
                    .acknowledged("09:10").reopened(1).dueArrival("2026-03-21 09:00").dueResolve("2026-03-24 09:00")
                    .followUps(1).save();
            Request complaint = data.complaint(site).channel(Channel.WALK_IN).received("2026-03-12 09:00")
                    .acknowledged("10:00").resolved("2026-03-14 09:00").save();
            Request complaintOpen = data.complaint(site).channel(Channel.EMAIL).received("2026-03-19 20:00")
                    .escalated("ACKNOWLEDGE", "2026-03-20 10:00").save();
            data.inquiry(site).channel(Channel.PATROL).received("2026-03-15 09:00").cancelled("09:30").save();
            Request held = data.repair(site).received("2026-03-18 09:00").acknowledged("09:10").onHold("10:00").save();
            Request older = data.inquiry(site).received("2026-02-25 09:00").acknowledged("09:10").save();
            data.callback(repairOnTime).due("2026-03-03 15:00").done("2026-03-03 14:00", "SATISFIED").save();
            data.callback(repairLate).due("2026-03-10 10:00").done("2026-03-11 10:00", "UNSATISFIED").save();
            data.callback(reopened).round(1).due("2026-03-12 10:00").unreachable("2026-03-13 10:00").save();
            data.callback(complaint).due("2026-03-15 09:00").save();
            data.rating(repairOnTime, 5, "2026-03-03 14:00");
            data.rating(repairLate, 2, "2026-03-11 10:00");
            data.rating(fcr, 4, "2026-03-02 09:30");
            data.job(repairOnTime, tech).dueArrival("2026-03-02 12:00").arrived("2026-03-02 11:00").completed("2026-03-02 15:00").save();
            data.job(repairLate, tech).dueArrival("2026-03-05 12:00").arrived("2026-03-05 13:00").completed("2026-03-09 10:00").save();
            data.job(reopened, tech).dueArrival("2026-03-11 12:00").arrived("2026-03-11 11:00").completed("2026-03-11 15:00")
                    .sentBack(1).save();
            return new RichSite(numbers(repairLate, repairOpen, complaint, complaintOpen),
                    numbers(repairOpen, reopened, complaintOpen, held, older));
        }
    }

    /** Every Count in the figures, by where it sits, so that a count added later is walked too. */
    static void collect(String path, Object value, Map<String, Dashboard.Count> counts) {
        if (value instanceof Dashboard.Count count) {
            counts.put(path, count);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(path + "[" + i + "]", list.get(i), counts);
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    collect(path + "." + component.getName(), component.getAccessor().invoke(record), counts);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Nested
    class WhoSeesWhichSites {

        @Test
        void aManagerWithoutAChoiceSeesTheirOwnSitesAndMayNotChooseAnother() {
            Site mine = data.site();
            Site theirs = data.site();
            var manager = Users.manager(mine.id());

            Selection selection = Users.callAs(manager, () -> selections.resolve(new DashboardParams()));

            assertThat(selection.siteIds()).containsExactly(mine.id());
            DashboardParams foreign = new DashboardParams();
            foreign.setSites(List.of(theirs.id()));
            assertThatThrownBy(() -> Users.callAs(manager, () -> selections.resolve(foreign))).isInstanceOf(NotFoundException.class);
            DashboardParams mixed = new DashboardParams();
            mixed.setSites(List.of(mine.id(), theirs.id()));
            assertThatThrownBy(() -> Users.callAs(manager, () -> selections.resolve(mixed))).isInstanceOf(NotFoundException.class);
        }

        @Test
        void anAdministratorMayChooseAnySite() {
            Site one = data.site();
            Site other = data.site();
            DashboardParams chosen = new DashboardParams();
            chosen.setSites(List.of(other.id(), other.id()));

            assertThat(Users.callAs(Users.admin(), () -> selections.resolve(chosen)).siteIds()).containsExactly(other.id());
            assertThat(Users.callAs(Users.admin(), () -> selections.resolve(new DashboardParams())).siteIds())
                    .contains(one.id(), other.id());
        }

        @Test
        void theChoiceIsReadInShanghaiAtTheClocksTime() {
            Site mine = data.site();
            clock.set("2026-03-01T00:30");
            DashboardParams params = new DashboardParams();
            params.setPeriod(Period.Preset.MONTH);

            Selection selection = Users.callAs(Users.manager(mine.id()), () -> selections.resolve(params));

            assertThat(selection.period().firstDay()).isEqualTo(day("2026-02-01"));
            assertThat(selection.period().lastDay()).isEqualTo(day("2026-02-28"));
            assertThat(selection.now()).isEqualTo(at("2026-03-01 00:30"));
            assertThat(selection.zone()).isEqualTo(ZONE);
        }
    }
}
