package org.propertydesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.propertydesk.requests.RequestExamples.timeline;
import static org.propertydesk.requests.RequestsTestData.as;
import static org.propertydesk.requests.RequestsTestData.shanghai;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.propertydesk.records.CareFlag;
import org.propertydesk.requests.RequestsTestData.House;
import org.propertydesk.requests.RequestsTestData.Site;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Intake through the real service on the real database: numbers, due times from the default and site policies and
 * the site's calendar, the care-flag raise, repeat problems, open requests offered instead of duplicates, and the
 * clock stopping on hold. The clock starts on Wednesday 25 March 2026, 10:00 in Shanghai.
 */
@RequestsIntegrationTest
@RecordApplicationEvents
class RequestIntakeTest {

    @Autowired
    RequestsTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    RequestService service;

    @Autowired
    RequestNumbers numbers;

    Site site;
    House house;
    PropertyDeskUser frontDesk;

    @BeforeEach
    void aSiteWithAHouseAndItsFrontDesk() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        house = data.house(site);
        frontDesk = data.frontDesk(site);
    }

    @Nested
    class Numbers {

        @Test
        void areReadableUniqueAndIncreasing() {
            List<String> received = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                received.add(data.receive(frontDesk, data.repair(site)).getNumber());
            }

            assertThat(received).allMatch(n -> n.matches("R-260325-\\d{4}")).doesNotHaveDuplicates();
            assertThat(received).isSorted();
        }

        @Test
        void followTheDayInShanghai() {
            clock.set("2026-03-26T00:30"); // still 25 March in UTC

            assertThat(data.receive(frontDesk, data.repair(site)).getNumber()).startsWith("R-260326-");
        }

        @Test
        void areNeverHandedOutTwiceEvenUnderConcurrentIntake() throws Exception {
            var day = shanghai("2031-07-01T09:00");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<String>>> batches = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    batches.add(pool.submit(() -> {
                        List<String> mine = new ArrayList<>();
                        for (int i = 0; i < 25; i++) {
                            mine.add(numbers.next(day));
                        }
                        return mine;
                    }));
                }
                Set<String> all = new HashSet<>();
                for (Future<List<String>> batch : batches) {
                    all.addAll(batch.get());
                }
                assertThat(all).hasSize(100).allMatch(n -> n.startsWith("R-310701-"));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class DueTimes {

        @Test
        void anUrgentRepairOnWednesdayAt10IsAcknowledgedBy1015AndOnSiteBy1030() {
            ServiceRequest request = data.receive(frontDesk, data.repair(site).in(house).priority(Priority.URGENT));

            assertThat(request.getStatus()).isEqualTo(RequestStatus.NEW);
            assertThat(request.getReceivedAt()).isEqualTo(shanghai("2026-03-25T10:00"));
            assertThat(request.getDueAcknowledgeAt()).isEqualTo(shanghai("2026-03-25T10:15"));
            assertThat(request.getDueArrivalAt()).isEqualTo(shanghai("2026-03-25T10:30"));
            assertThat(request.getDueResolveAt()).isEqualTo(shanghai("2026-03-27T14:00"));
            assertThat(request.getOwnerUsername()).isEqualTo(frontDesk.getUsername());
        }

        @Test
        void withoutAPriorityTheCategoryDefaultApplies() {
            ServiceRequest elevator = data.receive(frontDesk, data.repair(site).category("ELEVATOR"));
            ServiceRequest cleaning = data.receive(frontDesk, data.repair(site).category("CLEANING"));

            assertThat(elevator.getPriority()).isEqualTo(Priority.URGENT);
            assertThat(cleaning.getPriority()).isEqualTo(Priority.LOW);
            assertThat(cleaning.getDueArrivalAt()).as("next working day").isEqualTo(shanghai("2026-03-26T18:00"));
        }

        @Test
        void someoneTrappedInALiftOnSaturdayNightIsAnEmergencyAroundTheClock() {
            clock.set("2026-03-28T23:00");

            ServiceRequest request = data.receive(frontDesk, data.repair(site).category("ELEVATOR_TRAPPED"));

            assertThat(request.getPriority()).isEqualTo(Priority.EMERGENCY);
            assertThat(request.getDueAcknowledgeAt()).isEqualTo(shanghai("2026-03-28T23:05"));
            assertThat(request.getDueArrivalAt()).isEqualTo(shanghai("2026-03-28T23:15"));
            assertThat(request.getDueResolveAt()).isEqualTo(shanghai("2026-03-29T03:00"));
        }

        @Test
        void aComplaintIsAcknowledgedWithinADayAndResolvedWithinThree() {
            ServiceRequest request = data.receive(frontDesk, data.complaint(site));

            assertThat(request.getDueAcknowledgeAt()).isEqualTo(shanghai("2026-03-26T10:00"));
            assertThat(request.getDueArrivalAt()).isNull();
            assertThat(request.getDueResolveAt()).isEqualTo(shanghai("2026-03-28T10:00"));
        }

        @Test
        void theOwnersWindowIsTheArrivalTargetOfANormalRepair() {
            ServiceRequest request = data.receive(frontDesk, data.repair(site).in(house).priority(Priority.NORMAL)
                    .preferredWindow("2026-03-25T14:00", "2026-03-25T16:00"));

            assertThat(request.getDueArrivalAt()).isEqualTo(shanghai("2026-03-25T16:00"));
        }

        @Test
        void aSitesOwnPolicyWinsOverTheCompanyDefault() {
            data.sitePolicy(site, RequestKind.REPAIR, Priority.URGENT, 10, 20, 600, true);
            Site other = data.site();

            ServiceRequest here = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
            ServiceRequest there = data.receive(data.frontDesk(other), data.repair(other).priority(Priority.URGENT));

            assertThat(here.getDueAcknowledgeAt()).isEqualTo(shanghai("2026-03-25T10:10"));
            assertThat(here.getDueArrivalAt()).isEqualTo(shanghai("2026-03-25T10:20"));
            assertThat(here.getDueResolveAt()).as("10 business hours").isEqualTo(shanghai("2026-03-26T10:00"));
            assertThat(there.getDueAcknowledgeAt()).isEqualTo(shanghai("2026-03-25T10:15"));
        }

        @Test
        void theSitesOpeningHoursAndHolidaysDecideWhenTheClockRuns() {
            for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
                data.openingHours(site, day, "09:00", "17:00");
            }
            data.holiday(site, LocalDate.of(2026, 3, 30));
            clock.set("2026-03-27T16:50"); // Friday

            ServiceRequest request = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));

            assertThat(request.getDueAcknowledgeAt()).as("10 minutes on Friday, 5 on Tuesday after the Monday holiday")
                    .isEqualTo(shanghai("2026-03-31T09:05"));
            assertThat(request.getDueArrivalAt()).isEqualTo(shanghai("2026-03-31T09:20"));
        }

        @Test
        void changingThePriorityRecomputesTheDueTimesFromReceipt() {
            ServiceRequest request = data.receive(frontDesk, data.repair(site).priority(Priority.NORMAL));
            assertThat(request.getDueArrivalAt()).isEqualTo(shanghai("2026-03-25T12:00"));
            clock.set("2026-03-25T10:05");

            as(frontDesk, () -> service.changePriority(request.getId(), Priority.URGENT, "漏水严重", null));

            ServiceRequest changed = data.reload(request.getId());
            assertThat(changed.getPriority()).isEqualTo(Priority.URGENT);
            assertThat(changed.getDueAcknowledgeAt()).isEqualTo(shanghai("2026-03-25T10:15"));
            assertThat(changed.getDueArrivalAt()).isEqualTo(shanghai("2026-03-25T10:30"));
            assertThat(timeline(changed)).containsExactly("received", "priorityChanged");
            assertThat(changed.getEvents().get(1).getNote()).isEqualTo("request.priority.NORMAL → request.priority.URGENT: 漏水严重");
        }

        @Test
        void changingTheKindKeepsNumberAndTimelineAndTheTargetsFollowTheNewKind() {
            ServiceRequest request = data.receive(frontDesk, data.inquiry(site).category("PLUMBING").priority(Priority.NORMAL));
            data.act(frontDesk, request.getId(), RequestAction.ACKNOWLEDGE, null);
            assertThat(request.getDueArrivalAt()).isNull();

            as(frontDesk, () -> service.changeKind(request.getId(), RequestKind.REPAIR, "需要上门", null));

            ServiceRequest changed = data.reload(request.getId());
            assertThat(changed.getKind()).isEqualTo(RequestKind.REPAIR);
            assertThat(changed.getNumber()).isEqualTo(request.getNumber());
            assertThat(changed.getDueArrivalAt()).isEqualTo(shanghai("2026-03-25T12:00"));
            assertThat(timeline(changed)).containsExactly("received", "acknowledged", "kindChanged");
        }
    }

    @Nested
    class OnHold {

        @Test
        void theClockStopsOnHoldAndResumingPushesThePendingTargetsBack() {
            ServiceRequest request = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
            long id = request.getId();
            clock.set("2026-03-25T10:05");
            data.act(frontDesk, id, RequestAction.DISPATCH, null);
            clock.set("2026-03-25T10:10");
            data.act(frontDesk, id, RequestAction.HOLD, "业主不在家");
            clock.set("2026-03-25T11:10");

            assertThat(data.reload(id).isBreached(clock.instant())).as("on hold past the arrival target").isFalse();

            data.act(frontDesk, id, RequestAction.RESUME, null);

            ServiceRequest resumed = data.reload(id);
            assertThat(resumed.getStatus()).isEqualTo(RequestStatus.DISPATCHED);
            assertThat(resumed.getDueArrivalAt()).isEqualTo(shanghai("2026-03-25T11:30"));
            assertThat(resumed.getDueResolveAt()).isEqualTo(shanghai("2026-03-27T15:00"));
            assertThat(resumed.isBreached(clock.instant())).isFalse();
            assertThat(timeline(resumed)).containsExactly("received", "dispatched", "held", "resumed");
        }

        @Test
        void onlyBusinessHoursOnHoldPushTheTargetsBack() {
            clock.set("2026-03-25T16:00");
            ServiceRequest request = data.receive(frontDesk, data.repair(site).priority(Priority.NORMAL));
            long id = request.getId();
            data.act(frontDesk, id, RequestAction.ACKNOWLEDGE, null);
            clock.set("2026-03-25T17:00");
            data.act(frontDesk, id, RequestAction.HOLD, "等配件");
            clock.set("2026-03-26T09:00");

            data.act(frontDesk, id, RequestAction.RESUME, null);

            assertThat(data.reload(id).getDueArrivalAt()).as("due 18:00, two business hours on hold")
                    .isEqualTo(shanghai("2026-03-26T10:00"));
        }

        @Test
        void aLateAcknowledgementStaysLateAfterAHold() {
            ServiceRequest request = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
            long id = request.getId();
            clock.set("2026-03-25T10:20"); // acknowledge was due at 10:15
            data.act(frontDesk, id, RequestAction.ACKNOWLEDGE, null);
            clock.set("2026-03-25T10:25");
            data.act(frontDesk, id, RequestAction.HOLD, "等业主确认");
            clock.set("2026-03-25T11:25");
            data.act(frontDesk, id, RequestAction.RESUME, null);

            ServiceRequest resumed = data.reload(id);
            assertThat(resumed.getDueAcknowledgeAt()).as("met before the hold, so not pushed back")
                    .isEqualTo(shanghai("2026-03-25T10:15"));
            assertThat(RequestView.of(resumed, clock.instant()).targets().get(0).state())
                    .isEqualTo(RequestView.TargetState.MET_LATE);
            assertThat(resumed.getDueArrivalAt()).as("still pending, so pushed back by the hour on hold")
                    .isEqualTo(shanghai("2026-03-25T11:30"));
        }

        @Test
        void aPriorityChangeAfterAHoldStillCountsTheTimeOnHold() {
            ServiceRequest request = data.receive(frontDesk, data.repair(site).priority(Priority.NORMAL));
            long id = request.getId();
            data.act(frontDesk, id, RequestAction.DISPATCH, null);
            clock.set("2026-03-25T10:10");
            data.act(frontDesk, id, RequestAction.HOLD, "等配件");
            clock.set("2026-03-25T10:40");
            data.act(frontDesk, id, RequestAction.RESUME, null);

            as(frontDesk, () -> service.changePriority(id, Priority.URGENT, null, null));

            assertThat(data.reload(id).getDueArrivalAt()).isEqualTo(shanghai("2026-03-25T11:00"));
        }
    }

    @Nested
    class CareFlags {

        @Test
        void aCustomerWithACareFlagRaisesThePriorityOneLevelWithTheReason() {
            long elderly = data.ownerOf(house, CareFlag.ELDERLY_ALONE);

            ServiceRequest request = data.receive(frontDesk, data.repair(site).in(house).from(elderly));

            assertThat(request.getPriority()).as("plumbing is normal by default").isEqualTo(Priority.URGENT);
            assertThat(request.getPriorityRaisedReason()).isEqualTo("ELDERLY_ALONE");
            assertThat(request.getDueArrivalAt()).isEqualTo(shanghai("2026-03-25T10:30"));
            ServiceRequest saved = data.reload(request.getId());
            assertThat(timeline(saved)).containsExactly("received", "priorityRaised");
            assertThat(saved.getEvents().get(1).getNote()).isEqualTo("ELDERLY_ALONE");
        }

        @Test
        void anExplicitPriorityIsRaisedToo() {
            long disabled = data.ownerOf(house, CareFlag.DISABILITY, CareFlag.PREGNANCY);

            ServiceRequest request = data.receive(frontDesk, data.repair(site).in(house).from(disabled).priority(Priority.LOW));

            assertThat(request.getPriority()).isEqualTo(Priority.NORMAL);
            assertThat(request.getPriorityRaisedReason()).isIn("DISABILITY", "PREGNANCY");
        }

        @Test
        void anEmergencyCannotGoHigher() {
            long elderly = data.ownerOf(house, CareFlag.ELDERLY_ALONE);

            ServiceRequest request = data.receive(frontDesk, data.repair(site).in(house).from(elderly)
                    .priority(Priority.EMERGENCY));

            assertThat(request.getPriority()).isEqualTo(Priority.EMERGENCY);
            assertThat(request.getPriorityRaisedReason()).isNull();
        }

        @Test
        void aCustomerWithACareFlagIsResolvedWithinSeventyTwoHoursWhateverTheCategorysTarget() {
            long elderly = data.ownerOf(house, CareFlag.ELDERLY_ALONE);
            long owner = data.ownerOf(house);

            ServiceRequest cared = data.receive(frontDesk, data.repair(site).in(house).from(elderly).priority(Priority.LOW));
            ServiceRequest other = data.receive(frontDesk, data.repair(site).in(house).from(owner).priority(Priority.NORMAL));

            assertThat(cared.isSpecialNeeds()).isTrue();
            assertThat(cared.getPriority()).isEqualTo(Priority.NORMAL);
            assertThat(other.isSpecialNeeds()).isFalse();
            assertThat(other.getDueResolveAt()).as("a normal repair's 2 880 business minutes run past 72 hours")
                    .isAfter(shanghai("2026-03-28T10:00"));
            assertThat(cared.getDueResolveAt()).isEqualTo(shanghai("2026-03-28T10:00"));
            assertThat(cared.currentPlan().riskResolve()).as("at risk at 80 % of 72 hours")
                    .isEqualTo(shanghai("2026-03-27T19:36"));
        }

        @Test
        void theSeventyTwoHourCeilingSurvivesAChangeOfPriorityAndAReopening() {
            long elderly = data.ownerOf(house, CareFlag.PREGNANCY);
            ServiceRequest request = data.receive(frontDesk, data.repair(site).in(house).from(elderly));
            long id = request.getId();

            as(frontDesk, () -> service.changePriority(id, Priority.LOW, null, null));
            assertThat(data.reload(id).getDueResolveAt()).isEqualTo(shanghai("2026-03-28T10:00"));

            data.act(frontDesk, id, RequestAction.DISPATCH, null);
            data.act(frontDesk, id, RequestAction.ARRIVE, null);
            data.act(frontDesk, id, RequestAction.RESOLVE, "修好了");
            clock.set("2026-03-26T09:00");
            data.act(frontDesk, id, RequestAction.REOPEN, "又坏了");

            assertThat(data.reload(id).getDueResolveAt()).isEqualTo(shanghai("2026-03-29T09:00"));
        }

        @Test
        void aShorterTargetThanSeventyTwoHoursIsKept() {
            long elderly = data.ownerOf(house, CareFlag.ELDERLY_ALONE);

            ServiceRequest request = data.receive(frontDesk, data.repair(site).in(house).from(elderly)
                    .priority(Priority.EMERGENCY));

            assertThat(request.isSpecialNeeds()).isTrue();
            assertThat(request.getDueResolveAt()).isEqualTo(shanghai("2026-03-25T14:00"));
        }

        @Test
        void withoutACareFlagNothingIsRaised() {
            long owner = data.ownerOf(house);

            ServiceRequest request = data.receive(frontDesk, data.repair(site).in(house).from(owner));

            assertThat(request.getPriority()).isEqualTo(Priority.NORMAL);
            assertThat(request.getPriorityRaisedReason()).isNull();
        }
    }

    @Nested
    class RepeatProblems {

        private ServiceRequest resolvedRepair(String category) {
            ServiceRequest request = data.receive(frontDesk, data.repair(site).in(house).category(category));
            data.act(frontDesk, request.getId(), RequestAction.DISPATCH, null);
            data.act(frontDesk, request.getId(), RequestAction.ARRIVE, null);
            data.act(frontDesk, request.getId(), RequestAction.RESOLVE, "修好了");
            return request;
        }

        @Test
        void aRepairOfTheSameHouseAndCategoryWithin30DaysIsARepeat() {
            ServiceRequest first = resolvedRepair("PLUMBING");
            data.act(frontDesk, first.getId(), RequestAction.CLOSE, null);
            clock.advance(Duration.ofDays(29));

            ServiceRequest again = data.receive(frontDesk, data.repair(site).in(house).category("PLUMBING"));

            assertThat(again.getRepeatOfId()).isEqualTo(first.getId());
            assertThat(timeline(data.reload(again.getId()))).containsExactly("received", "repeatFlagged");
        }

        @Test
        void theLatestResolvedRepairIsTheOneRepeated() {
            resolvedRepair("PLUMBING");
            clock.advance(Duration.ofDays(2));
            ServiceRequest latest = resolvedRepair("PLUMBING");
            clock.advance(Duration.ofDays(2));

            assertThat(data.receive(frontDesk, data.repair(site).in(house).category("PLUMBING")).getRepeatOfId())
                    .isEqualTo(latest.getId());
        }

        @Test
        void notARepeatAfter30DaysInAnotherCategoryOrAnotherHouseOrWhileStillOpen() {
            resolvedRepair("PLUMBING");
            data.receive(frontDesk, data.repair(site).in(house).category("ELECTRICAL"));
            House neighbour = data.house(site);

            assertThat(data.receive(frontDesk, data.repair(site).in(house).category("ELECTRICAL")).getRepeatOfId())
                    .as("another category, and the earlier electrical request is still open").isNull();
            assertThat(data.receive(frontDesk, data.repair(site).in(neighbour).category("PLUMBING")).getRepeatOfId())
                    .as("another house").isNull();
            assertThat(data.receive(frontDesk, data.inquiry(site).in(house).category("PLUMBING")).getRepeatOfId())
                    .as("an inquiry").isNull();

            clock.advance(Duration.ofDays(31));
            assertThat(data.receive(frontDesk, data.repair(site).in(house).category("PLUMBING")).getRepeatOfId())
                    .as("resolved more than 30 days ago").isNull();
        }
    }

    @Nested
    class OpenRequestsOfTheHouse {

        @Test
        void areOfferedAtIntakeSameCategoryFirst() {
            ServiceRequest plumbing = data.receive(frontDesk, data.repair(site).in(house).category("PLUMBING"));
            clock.advanceMinutes(5);
            ServiceRequest electrical = data.receive(frontDesk, data.repair(site).in(house).category("ELECTRICAL"));
            ServiceRequest cancelled = data.receive(frontDesk, data.repair(site).in(house).category("PLUMBING"));
            data.act(frontDesk, cancelled.getId(), RequestAction.CANCEL, "重复登记");
            data.receive(frontDesk, data.repair(site).in(data.house(site)).category("PLUMBING"));

            List<ServiceRequest> offered = as(frontDesk, () -> service.openForHouse(house.id(), "PLUMBING"));

            assertThat(offered).extracting(ServiceRequest::getId).containsExactly(plumbing.getId(), electrical.getId());
            assertThat(as(frontDesk, () -> service.openForHouse(house.id(), "ELECTRICAL")))
                    .extracting(ServiceRequest::getId).containsExactly(electrical.getId(), plumbing.getId());
        }

        @Test
        void areNotOfferedToStaffOfOtherSites() {
            data.receive(frontDesk, data.repair(site).in(house));
            PropertyDeskUser stranger = data.frontDesk(data.site());

            assertThat(as(stranger, () -> service.openForHouse(house.id(), "PLUMBING"))).isEmpty();
        }

        @Test
        void eachCallAddedToAnOpenRequestCountsAsAFollowUp() {
            ServiceRequest request = data.receive(frontDesk, data.repair(site).in(house));

            data.act(frontDesk, request.getId(), RequestAction.FOLLOW_UP, "业主再次来电");
            data.act(frontDesk, request.getId(), RequestAction.FOLLOW_UP, null);

            ServiceRequest followed = data.reload(request.getId());
            assertThat(followed.getFollowUps()).isEqualTo(2);
            assertThat(timeline(followed)).containsExactly("received", "followUp", "followUp");
        }
    }

    @Nested
    class Rules {

        @Test
        void aComplaintCannotCloseBeforeItsCallback() {
            ServiceRequest complaint = data.receive(frontDesk, data.complaint(site));
            long id = complaint.getId();
            data.act(frontDesk, id, RequestAction.ACKNOWLEDGE, null);
            data.act(frontDesk, id, RequestAction.RESOLVE, "已协调");

            var refused = catchThrowableOfType(IllegalTransitionException.class,
                    () -> data.act(frontDesk, id, RequestAction.CLOSE, null));

            assertThat(refused.messageKey()).isEqualTo("request.error.complaintNeedsCallback");
            assertThat(data.reload(id).getStatus()).isEqualTo(RequestStatus.RESOLVED);

            data.act(frontDesk, id, RequestAction.CALLBACK, "业主满意");
            data.act(frontDesk, id, RequestAction.CLOSE, null);

            ServiceRequest closed = data.reload(id);
            assertThat(closed.getStatus()).isEqualTo(RequestStatus.CLOSED);
            assertThat(timeline(closed)).containsExactly("received", "acknowledged", "resolved", "callbackDone", "closed");
        }

        @Test
        void anInquiryAnsweredOnThePhoneIsFirstContactResolution() {
            ServiceRequest inquiry = data.receive(frontDesk, data.inquiry(site));

            as(frontDesk, () -> service.resolveAtIntake(inquiry.getId(), "已告知缴费方式"));

            ServiceRequest resolved = data.reload(inquiry.getId());
            assertThat(resolved.isFirstContactResolution()).isTrue();
            assertThat(resolved.getStatus()).isEqualTo(RequestStatus.RESOLVED);
        }

        @Test
        void anInquiryLeftInTheQueueAndAnsweredLaterIsNotFirstContactResolution() {
            ServiceRequest inquiry = data.receive(frontDesk, data.inquiry(site));

            data.act(frontDesk, inquiry.getId(), RequestAction.RESOLVE, "次日回电告知缴费方式");

            ServiceRequest resolved = data.reload(inquiry.getId());
            assertThat(resolved.isFirstContactResolution()).isFalse();
            assertThat(resolved.getStatus()).isEqualTo(RequestStatus.RESOLVED);
            assertThat(resolved.getAcknowledgedAt()).isNotNull();
        }

        @Test
        void nobodyLogsARequestForASiteTheyDoNotServe() {
            Site other = data.site();

            var refused = catchThrowableOfType(BusinessRuleException.class,
                    () -> data.receive(frontDesk, data.repair(other)));

            assertThat(refused.messageKey()).isEqualTo("request.error.siteNotYours");
            assertThat(data.requestsAt(other)).isZero();
        }

        @Test
        void theHouseMustBelongToTheSite() {
            Site other = data.site();
            House elsewhere = data.house(other);
            PropertyDeskUser both = data.frontDesk(site, other);

            var refused = catchThrowableOfType(BusinessRuleException.class,
                    () -> data.receive(both, data.repair(site).in(elsewhere)));

            assertThat(refused.messageKey()).isEqualTo("request.error.houseOtherSite");
            assertThat(data.requestsAt(site)).isZero();
        }

        @Test
        void anUnknownCategoryOrAnotherSitesCustomerIsRefused() {
            House elsewhere = data.house(data.site());
            long stranger = data.ownerOf(elsewhere);

            assertThat(catchThrowableOfType(BusinessRuleException.class,
                    () -> data.receive(frontDesk, data.repair(site).category("NO_SUCH_CATEGORY"))).messageKey())
                    .isEqualTo("request.error.categoryNotFound");
            assertThat(catchThrowableOfType(BusinessRuleException.class,
                    () -> data.receive(frontDesk, data.repair(site).from(stranger))).messageKey())
                    .isEqualTo("request.error.customerNotFound");
            assertThat(data.requestsAt(site)).isZero();
        }

        @Test
        void receivingAndChangingPublishTheirEventsWithTheNewId(@Autowired ApplicationEvents events) {
            ServiceRequest request = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
            data.act(frontDesk, request.getId(), RequestAction.ACKNOWLEDGE, null);

            assertThat(events.stream(RequestEvents.RequestReceived.class))
                    .containsExactly(new RequestEvents.RequestReceived(request.getId(), request.getNumber(),
                            RequestKind.REPAIR, site.id(), Priority.URGENT, shanghai("2026-03-25T10:00")));
            assertThat(events.stream(RequestEvents.RequestStatusChanged.class))
                    .containsExactly(new RequestEvents.RequestStatusChanged(request.getId(), request.getNumber(),
                            RequestKind.REPAIR, site.id(), RequestStatus.NEW, RequestStatus.ACKNOWLEDGED,
                            frontDesk.getUsername(), shanghai("2026-03-25T10:00")));
        }
    }
}
