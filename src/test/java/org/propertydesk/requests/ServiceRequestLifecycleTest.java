package org.propertydesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.propertydesk.requests.RequestExamples.FRONT_DESK;
import static org.propertydesk.requests.RequestExamples.SHANGHAI;
import static org.propertydesk.requests.RequestExamples.TECHNICIAN;
import static org.propertydesk.requests.RequestExamples.WEDNESDAY_10;
import static org.propertydesk.requests.RequestExamples.at;
import static org.propertydesk.requests.RequestExamples.complaint;
import static org.propertydesk.requests.RequestExamples.inquiry;
import static org.propertydesk.requests.RequestExamples.plan;
import static org.propertydesk.requests.RequestExamples.repair;
import static org.propertydesk.requests.RequestExamples.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.propertydesk.requests.RequestEvents.RequestReceived;
import org.propertydesk.requests.RequestEvents.RequestReopened;
import org.propertydesk.requests.RequestEvents.RequestStatusChanged;

/**
 * The request's state machine, without Spring: every legal move with the status, timestamps and timeline it leaves,
 * and every illegal move refused with a message the person can read.
 * Example requests are received on Wednesday 25 March 2026 at 10:00 in Shanghai, with targets of 30 minutes to
 * acknowledge, 2 hours to be on site and 48 hours to resolve (wall clock, at risk at 80 %).
 */
class ServiceRequestLifecycleTest {

    private static final BusinessCalendar AROUND_THE_CLOCK = BusinessCalendar.alwaysOpen(SHANGHAI);

    /** Minutes after the request was received. */
    private static Instant minute(int minutes) {
        return WEDNESDAY_10.plus(Duration.ofMinutes(minutes));
    }

    // The states a request can be in, each reached the legal way.

    static ServiceRequest newRepair() {
        return repair().received();
    }

    static ServiceRequest acknowledgedRepair() {
        ServiceRequest request = newRepair();
        request.acknowledge(FRONT_DESK, minute(5), null);
        return request;
    }

    static ServiceRequest dispatchedRepair() {
        ServiceRequest request = acknowledgedRepair();
        request.dispatch(FRONT_DESK, minute(10), "派给老李");
        return request;
    }

    static ServiceRequest repairOnSite() {
        ServiceRequest request = dispatchedRepair();
        request.arrive(TECHNICIAN, minute(40), null);
        return request;
    }

    static ServiceRequest resolvedRepair() {
        ServiceRequest request = repairOnSite();
        request.resolve(TECHNICIAN, minute(90), "换了存水弯");
        return request;
    }

    static ServiceRequest closedRepair() {
        ServiceRequest request = resolvedRepair();
        request.close(FRONT_DESK, minute(120), null);
        return request;
    }

    static ServiceRequest repairOnHold() {
        ServiceRequest request = dispatchedRepair();
        request.hold(TECHNICIAN, minute(20), "等配件");
        return request;
    }

    static ServiceRequest reopenedRepair() {
        ServiceRequest request = closedRepair();
        request.reopen(FRONT_DESK, minute(200), "又漏了", request.currentPlan());
        return request;
    }

    static ServiceRequest cancelledRepair() {
        ServiceRequest request = newRepair();
        request.cancel(FRONT_DESK, minute(3), "业主自己修好了");
        return request;
    }

    static ServiceRequest newInquiry() {
        return inquiry().received();
    }

    static ServiceRequest acknowledgedInquiry() {
        ServiceRequest request = newInquiry();
        request.acknowledge(FRONT_DESK, minute(5), null);
        return request;
    }

    static ServiceRequest newComplaint() {
        return complaint().received();
    }

    static ServiceRequest acknowledgedComplaint() {
        ServiceRequest request = newComplaint();
        request.acknowledge(FRONT_DESK, minute(30), null);
        return request;
    }

    static ServiceRequest resolvedComplaint() {
        ServiceRequest request = acknowledgedComplaint();
        request.resolve(FRONT_DESK, minute(60), "已协调楼上住户");
        return request;
    }

    static ServiceRequest closedComplaint() {
        ServiceRequest request = resolvedComplaint();
        request.recordCallback(FRONT_DESK, minute(90), "业主满意");
        request.close(FRONT_DESK, minute(91), null);
        return request;
    }

    @Nested
    class Intake {

        @Test
        void aReceivedRequestIsNewOwnedByTheAgentAndTimedAgainstItsPlan() {
            SlaPlan plan = plan(WEDNESDAY_10);
            ServiceRequest request = repair().plan(plan).received();

            assertThat(request.getStatus()).isEqualTo(RequestStatus.NEW);
            assertThat(request.getNumber()).isEqualTo("R-260325-0001");
            assertThat(request.getReceivedAt()).isEqualTo(WEDNESDAY_10);
            assertThat(request.getOwnerUsername()).isEqualTo("frontdesk");
            assertThat(request.getOwnerName()).isEqualTo("前台小王");
            assertThat(request.currentPlan()).isEqualTo(plan);
            assertThat(request.getDueAcknowledgeAt()).isEqualTo(at("2026-03-25T10:30"));
            assertThat(request.getDueArrivalAt()).isEqualTo(at("2026-03-25T12:00"));
            assertThat(request.getDueResolveAt()).isEqualTo(at("2026-03-27T10:00"));
            assertThat(request.getAcknowledgedAt()).isNull();
            assertThat(request.getReopenCount()).isZero();
            assertThat(request.getFollowUps()).isZero();
            assertThat(timeline(request)).containsExactly("received");
        }

        @Test
        void aCareFlagRaiseAPromiseAndARepeatAreOnTheTimelineFromTheStart() {
            ServiceRequest request = repair().priority(Priority.URGENT).raisedFor("ELDERLY_ALONE")
                    .promised(at("2026-03-25T10:30")).repeatOf(7L).received();

            assertThat(timeline(request)).containsExactly("received", "priorityRaised", "promised", "repeatFlagged");
            assertThat(request.getPriorityRaisedReason()).isEqualTo("ELDERLY_ALONE");
            RequestEvent raised = request.getEvents().get(1);
            assertThat(raised.getNote()).isEqualTo("ELDERLY_ALONE");
            assertThat(raised.getActor()).isEqualTo("前台小王");
            assertThat(request.getRepeatOfId()).isEqualTo(7L);
            assertThat(request.getPromisedAt()).isEqualTo(at("2026-03-25T10:30"));
            assertThat(request.getPromiseKept()).isNull();
        }

        @Test
        void receivingRegistersRequestReceived() {
            ServiceRequest request = repair().priority(Priority.URGENT).received();

            assertThat(request.domainEvents()).containsExactly(
                    new RequestReceived(null, "R-260325-0001", RequestKind.REPAIR, 1L, Priority.URGENT, WEDNESDAY_10));
        }
    }

    @Nested
    class ARepairFromCallToClose {

        @Test
        void acknowledgeIsTheFirstResponseAndMakesTheAgentTheOwner() {
            ServiceRequest request = newRepair();
            request.acknowledge(TECHNICIAN, minute(5), "收到");

            assertThat(request.getStatus()).isEqualTo(RequestStatus.ACKNOWLEDGED);
            assertThat(request.getAcknowledgedAt()).isEqualTo(minute(5));
            assertThat(request.getOwnerUsername()).isEqualTo("tech");
            assertThat(timeline(request)).containsExactly("received", "acknowledged");
            assertThat(request.getEvents().get(1).getNote()).isEqualTo("收到");
        }

        @Test
        void dispatchingANewRequestAcknowledgesItToo() {
            ServiceRequest request = newRepair();
            request.dispatch(FRONT_DESK, minute(4), null);

            assertThat(request.getStatus()).isEqualTo(RequestStatus.DISPATCHED);
            assertThat(request.getAcknowledgedAt()).isEqualTo(minute(4));
            assertThat(request.getDispatchedAt()).isEqualTo(minute(4));
            assertThat(timeline(request)).containsExactly("received", "dispatched");
        }

        @Test
        void theWholeWayThroughEachStepTimedAndOnTheTimeline() {
            ServiceRequest request = closedRepair();

            assertThat(request.getStatus()).isEqualTo(RequestStatus.CLOSED);
            assertThat(request.getAcknowledgedAt()).isEqualTo(minute(5));
            assertThat(request.getDispatchedAt()).isEqualTo(minute(10));
            assertThat(request.getArrivedAt()).isEqualTo(minute(40));
            assertThat(request.getResolvedAt()).isEqualTo(minute(90));
            assertThat(request.getClosedAt()).isEqualTo(minute(120));
            assertThat(timeline(request))
                    .containsExactly("received", "acknowledged", "dispatched", "arrived", "resolved", "closed");
            assertThat(request.getEvents()).extracting(RequestEvent::getAt)
                    .containsExactly(WEDNESDAY_10, minute(5), minute(10), minute(40), minute(90), minute(120));
            assertThat(request.getEvents().get(4).getActor()).isEqualTo("师傅老李");
            assertThat(request.isFirstContactResolution()).isFalse();
        }

        @Test
        void everyStatusChangeIsRegisteredAsAnEvent() {
            ServiceRequest request = closedRepair();

            assertThat(request.domainEvents()).filteredOn(RequestStatusChanged.class::isInstance)
                    .map(RequestStatusChanged.class::cast)
                    .extracting(RequestStatusChanged::from, RequestStatusChanged::to)
                    .containsExactly(
                            tuple(RequestStatus.NEW, RequestStatus.ACKNOWLEDGED),
                            tuple(RequestStatus.ACKNOWLEDGED, RequestStatus.DISPATCHED),
                            tuple(RequestStatus.DISPATCHED, RequestStatus.IN_PROGRESS),
                            tuple(RequestStatus.IN_PROGRESS, RequestStatus.RESOLVED),
                            tuple(RequestStatus.RESOLVED, RequestStatus.CLOSED));
            RequestStatusChanged arrived = (RequestStatusChanged) request.domainEvents().get(3);
            assertThat(arrived.actor()).isEqualTo("tech");
            assertThat(arrived.at()).isEqualTo(minute(40));
            assertThat(arrived.number()).isEqualTo("R-260325-0001");
            assertThat(arrived.kind()).isEqualTo(RequestKind.REPAIR);
            assertThat(arrived.siteId()).isEqualTo(1L);
        }

        @Test
        void publishedEventsAreClearedAfterPublication() {
            ServiceRequest request = dispatchedRepair();
            request.clearDomainEvents();

            assertThat(request.domainEvents()).isEmpty();
        }

        @Test
        void aCallbackOnARepairIsRecordedWithoutChangingItsStatus() {
            ServiceRequest request = resolvedRepair();
            request.recordCallback(FRONT_DESK, minute(100), "业主满意");

            assertThat(request.getStatus()).isEqualTo(RequestStatus.RESOLVED);
            assertThat(request.getCallbackDoneAt()).isEqualTo(minute(100));
            assertThat(timeline(request)).endsWith("resolved", "callbackDone");
        }

        @Test
        void aRepairCanBeClosedWithoutACallback() {
            ServiceRequest request = resolvedRepair();
            request.close(FRONT_DESK, minute(100), null);

            assertThat(request.getStatus()).isEqualTo(RequestStatus.CLOSED);
        }
    }

    @Nested
    class Inquiries {

        @Test
        void anInquiryResolvedAtIntakeIsFirstContactResolution() {
            ServiceRequest request = newInquiry();
            request.resolveAtIntake(FRONT_DESK, minute(2), "已告知停水时间");

            assertThat(request.getStatus()).isEqualTo(RequestStatus.RESOLVED);
            assertThat(request.isFirstContactResolution()).isTrue();
            assertThat(request.getAcknowledgedAt()).isEqualTo(minute(2));
            assertThat(request.getResolvedAt()).isEqualTo(minute(2));
            assertThat(timeline(request)).containsExactly("received", "resolvedAtIntake");
            assertThat(request.getEvents().get(1).getNote()).isEqualTo("已告知停水时间");
        }

        @Test
        void resolveAtIntakeIsTheOneClickShortcut() {
            ServiceRequest request = newInquiry();
            request.resolveAtIntake(TECHNICIAN, minute(1), null);

            assertThat(request.isFirstContactResolution()).isTrue();
            assertThat(request.getOwnerUsername()).isEqualTo("tech");
            assertThat(request.domainEvents()).last().isEqualTo(new RequestStatusChanged(null, "R-260325-0001",
                    RequestKind.INQUIRY, 1L, RequestStatus.NEW, RequestStatus.RESOLVED, "tech", minute(1)));
        }

        @Test
        void anInquiryAnsweredLaterIsNotFirstContactResolution() {
            ServiceRequest request = acknowledgedInquiry();
            request.resolve(FRONT_DESK, minute(30), null);

            assertThat(request.getStatus()).isEqualTo(RequestStatus.RESOLVED);
            assertThat(request.isFirstContactResolution()).isFalse();
            assertThat(timeline(request)).containsExactly("received", "acknowledged", "resolved");
        }

        @Test
        void anInquiryHasNoArrivalTarget() {
            ServiceRequest request = inquiry().plan(plan(WEDNESDAY_10, Duration.ofHours(2), null, Duration.ofHours(24)))
                    .received();
            request.acknowledge(FRONT_DESK, minute(5), null);

            assertThat(request.pendingTarget()).isEqualTo(SlaTarget.RESOLVE);
        }
    }

    @Nested
    class Complaints {

        @Test
        void aComplaintIsResolvedByTheStaffHandlingItWithoutDispatch() {
            ServiceRequest request = resolvedComplaint();

            assertThat(request.getStatus()).isEqualTo(RequestStatus.RESOLVED);
            assertThat(request.getDispatchedAt()).isNull();
        }

        @Test
        void aComplaintClosesOnlyAfterItsCallback() {
            ServiceRequest request = resolvedComplaint();

            var refused = catchThrowableOfType(IllegalTransitionException.class,
                    () -> request.close(FRONT_DESK, minute(70), null));
            assertThat(refused.messageKey()).isEqualTo("request.error.complaintNeedsCallback");
            assertThat(request.getStatus()).isEqualTo(RequestStatus.RESOLVED);

            request.recordCallback(FRONT_DESK, minute(80), "业主表示满意");
            request.close(FRONT_DESK, minute(81), null);

            assertThat(request.getStatus()).isEqualTo(RequestStatus.CLOSED);
            assertThat(timeline(request)).containsExactly("received", "acknowledged", "resolved", "callbackDone", "closed");
        }

        @Test
        void aReopenedComplaintNeedsANewCallbackBeforeClosingAgain() {
            ServiceRequest request = closedComplaint();
            request.reopen(FRONT_DESK, minute(200), "楼上又吵了", request.currentPlan());
            request.resolve(FRONT_DESK, minute(300), null);

            assertThat(request.getCallbackDoneAt()).isNull();
            assertThatThrownBy(() -> request.close(FRONT_DESK, minute(301), null))
                    .isInstanceOf(IllegalTransitionException.class)
                    .extracting(e -> ((IllegalTransitionException) e).messageKey())
                    .isEqualTo("request.error.complaintNeedsCallback");
        }
    }

    @Nested
    class OnHold {

        @Test
        void holdStopsTheClockWithTheReasonAndRemembersWhereWorkStood() {
            ServiceRequest request = dispatchedRepair();
            request.hold(TECHNICIAN, minute(20), "  等配件  ");

            assertThat(request.getStatus()).isEqualTo(RequestStatus.ON_HOLD);
            assertThat(request.getHeldAt()).isEqualTo(minute(20));
            assertThat(request.getHoldReason()).isEqualTo("等配件");
            assertThat(request.pendingTarget()).isNull();
            assertThat(request.isAtRisk(minute(500))).isFalse();
            assertThat(request.isBreached(minute(500))).as("no target runs while on hold").isFalse();
            assertThat(timeline(request)).endsWith("held");
            assertThat(request.getEvents().get(request.getEvents().size() - 1).getNote()).isEqualTo("等配件");
        }

        @Test
        void resumeGoesBackToTheSameStepAndPushesThePendingTargetsBackByTheTimeOnHold() {
            ServiceRequest request = repairOnHold();
            Instant arrivalDue = request.getDueArrivalAt();
            Instant resolveDue = request.getDueResolveAt();

            request.resume(TECHNICIAN, minute(80), AROUND_THE_CLOCK, "配件到了");

            assertThat(request.getStatus()).isEqualTo(RequestStatus.DISPATCHED);
            assertThat(request.getDueArrivalAt()).isEqualTo(arrivalDue.plus(Duration.ofHours(1)));
            assertThat(request.getDueResolveAt()).isEqualTo(resolveDue.plus(Duration.ofHours(1)));
            assertThat(request.heldSoFar()).isEqualTo(Duration.ofHours(1));
            assertThat(request.getHeldAt()).isNull();
            assertThat(request.getHoldReason()).isNull();
            assertThat(timeline(request)).endsWith("held", "resumed");
        }

        @Test
        void onlyBusinessTimeOnHoldCountsOnABusinessCalendar() {
            ServiceRequest request = repair().receivedAt(at("2026-03-25T16:00"))
                    .plan(plan(at("2026-03-25T16:00"))).received();
            request.acknowledge(FRONT_DESK, at("2026-03-25T16:05"), null);
            request.hold(FRONT_DESK, at("2026-03-25T17:00"), "业主不在家");
            Instant resolveDue = request.getDueResolveAt();

            request.resume(FRONT_DESK, at("2026-03-26T09:00"), BusinessCalendar.standard(SHANGHAI, java.util.Set.of()), null);

            assertThat(request.heldSoFar()).as("17:00-18:00 and 08:00-09:00").isEqualTo(Duration.ofHours(2));
            assertThat(request.getStatus()).isEqualTo(RequestStatus.ACKNOWLEDGED);
            assertThat(request.getDueResolveAt()).isAfter(resolveDue);
        }

        @Test
        void holdsAddUp() {
            ServiceRequest request = repairOnHold();
            request.resume(TECHNICIAN, minute(50), AROUND_THE_CLOCK, null);
            request.hold(TECHNICIAN, minute(60), "等业主");
            request.resume(TECHNICIAN, minute(75), AROUND_THE_CLOCK, null);

            assertThat(request.heldSoFar()).isEqualTo(Duration.ofMinutes(45));
        }

        @Test
        void everyWorkingStepCanBePutOnHoldAndResumed() {
            for (Supplier<ServiceRequest> state : List.<Supplier<ServiceRequest>>of(
                    ServiceRequestLifecycleTest::acknowledgedRepair, ServiceRequestLifecycleTest::dispatchedRepair,
                    ServiceRequestLifecycleTest::repairOnSite, ServiceRequestLifecycleTest::reopenedRepair)) {
                ServiceRequest request = state.get();
                RequestStatus before = request.getStatus();
                request.hold(FRONT_DESK, minute(500), "等配件");
                request.resume(FRONT_DESK, minute(510), AROUND_THE_CLOCK, null);

                assertThat(request.getStatus()).isEqualTo(before);
            }
        }

        @Test
        void aTargetAlreadyMetKeepsItsDueTimeSoALateAcknowledgementStaysLate() {
            ServiceRequest request = newRepair();
            request.acknowledge(FRONT_DESK, minute(40), null); // due at minute 30: late
            assertThat(request.isBreached(minute(41))).isTrue();

            request.hold(FRONT_DESK, minute(45), "等业主");
            request.resume(FRONT_DESK, minute(105), AROUND_THE_CLOCK, null);

            assertThat(request.getDueAcknowledgeAt()).as("the acknowledge clock had stopped before the hold")
                    .isEqualTo(minute(30));
            assertThat(request.isBreached(minute(106))).as("time on hold later does not excuse a late acknowledgement")
                    .isTrue();
            assertThat(request.getDueArrivalAt()).as("the pending arrival target is pushed back")
                    .isEqualTo(minute(180));
        }
    }

    @Nested
    class Reopening {

        @Test
        void reopeningClearsTheResolutionCountsAndRegistersRequestReopened() {
            ServiceRequest request = closedRepair();
            request.reopen(FRONT_DESK, minute(200), "又漏了", request.currentPlan());

            assertThat(request.getStatus()).isEqualTo(RequestStatus.REOPENED);
            assertThat(request.getReopenCount()).isEqualTo(1);
            assertThat(request.getResolvedAt()).isNull();
            assertThat(request.getClosedAt()).isNull();
            assertThat(request.getCallbackDoneAt()).isNull();
            assertThat(timeline(request)).endsWith("closed", "reopened");
            assertThat(request.domainEvents()).contains(
                    new RequestReopened(null, "R-260325-0001", 1L, 1, "又漏了", minute(200)));
        }

        @Test
        void eachReopeningCounts() {
            ServiceRequest request = reopenedRepair();
            request.dispatch(FRONT_DESK, minute(210), null);
            request.arrive(TECHNICIAN, minute(240), null);
            request.resolve(TECHNICIAN, minute(260), null);
            request.reopen(FRONT_DESK, minute(300), "还是漏", request.currentPlan());

            assertThat(request.getReopenCount()).isEqualTo(2);
            assertThat(request.domainEvents()).filteredOn(RequestReopened.class::isInstance)
                    .extracting(e -> ((RequestReopened) e).reopenCount()).containsExactly(1, 2);
        }

        @Test
        void aReopenedRepairGoesBackToWorkThroughDispatchAndKeepsItsFirstDispatchTime() {
            ServiceRequest request = reopenedRepair();
            request.dispatch(FRONT_DESK, minute(210), null);

            assertThat(request.getStatus()).isEqualTo(RequestStatus.DISPATCHED);
            assertThat(request.getDispatchedAt()).isEqualTo(minute(10));
        }

        @Test
        void aNewInquiryResolvedLaterIsAcknowledgedAndResolvedButNotFirstContactResolution() {
            ServiceRequest request = newInquiry();
            request.resolve(FRONT_DESK, minute(90), "次日回电答复");

            assertThat(request.getStatus()).isEqualTo(RequestStatus.RESOLVED);
            assertThat(request.isFirstContactResolution()).isFalse();
            assertThat(request.getAcknowledgedAt()).isEqualTo(minute(90));
            assertThat(timeline(request)).containsExactly("received", "resolved");
        }

        @Test
        void aReopenedInquiryCanBeResolvedDirectly() {
            ServiceRequest request = newInquiry();
            request.resolveAtIntake(FRONT_DESK, minute(1), null);
            request.reopen(FRONT_DESK, minute(60), "答复有误", request.currentPlan());
            request.resolve(FRONT_DESK, minute(70), null);

            assertThat(request.getStatus()).isEqualTo(RequestStatus.RESOLVED);
            assertThat(timeline(request)).containsExactly("received", "resolvedAtIntake", "reopened", "resolved");
        }
    }

    @Nested
    class Cancelling {

        @Test
        void anOpenRequestCanBeCancelledWithAReason() {
            ServiceRequest request = cancelledRepair();

            assertThat(request.getStatus()).isEqualTo(RequestStatus.CANCELLED);
            assertThat(request.getCancelledAt()).isEqualTo(minute(3));
            assertThat(request.getCancelReason()).isEqualTo("业主自己修好了");
            assertThat(timeline(request)).containsExactly("received", "cancelled");
            assertThat(request.pendingTarget()).isNull();
        }

        @Test
        void aRequestOnHoldCanBeCancelled() {
            ServiceRequest request = repairOnHold();
            request.cancel(FRONT_DESK, minute(30), "业主不修了");

            assertThat(request.getStatus()).isEqualTo(RequestStatus.CANCELLED);
            assertThat(request.getHeldAt()).isNull();
        }
    }

    @Nested
    class ChangingKindAndPriority {

        @Test
        void anInquiryThatTurnsOutToBeARepairKeepsNumberAndTimelineAndGetsRepairTargets() {
            ServiceRequest request = acknowledgedInquiry();
            SlaPlan repairPlan = plan(WEDNESDAY_10, Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(24));

            request.changeKind(RequestKind.REPAIR, repairPlan, FRONT_DESK, minute(8), "其实是水管坏了");

            assertThat(request.getKind()).isEqualTo(RequestKind.REPAIR);
            assertThat(request.getNumber()).isEqualTo("R-260325-0001");
            assertThat(request.getStatus()).isEqualTo(RequestStatus.ACKNOWLEDGED);
            assertThat(request.currentPlan()).isEqualTo(repairPlan);
            assertThat(request.pendingTarget()).isEqualTo(SlaTarget.ARRIVAL);
            assertThat(timeline(request)).containsExactly("received", "acknowledged", "kindChanged");
            assertThat(request.getEvents().get(2).getNote()).isEqualTo("request.kind.INQUIRY → request.kind.REPAIR: 其实是水管坏了");
        }

        @Test
        void anUnhappyOwnerTurnsARepairIntoAComplaint() {
            ServiceRequest request = dispatchedRepair();
            SlaPlan complaintPlan = plan(WEDNESDAY_10, Duration.ofHours(24), null, Duration.ofDays(3));

            request.changeKind(RequestKind.COMPLAINT, complaintPlan, FRONT_DESK, minute(30), null);

            assertThat(request.getKind()).isEqualTo(RequestKind.COMPLAINT);
            assertThat(request.getDueArrivalAt()).isNull();
            assertThat(request.getDueResolveAt()).isEqualTo(at("2026-03-28T10:00"));
            assertThat(request.getEvents().get(request.getEvents().size() - 1).getNote()).isEqualTo("request.kind.REPAIR → request.kind.COMPLAINT");
        }

        @Test
        void theSameKindChangesNothing() {
            ServiceRequest request = acknowledgedRepair();
            SlaPlan before = request.currentPlan();

            request.changeKind(RequestKind.REPAIR, plan(minute(60)), FRONT_DESK, minute(8), null);

            assertThat(request.currentPlan()).isEqualTo(before);
            assertThat(timeline(request)).containsExactly("received", "acknowledged");
        }

        @Test
        void aPriorityChangeAppliesTheNewPlanAndIsAnInternalTimelineEntry() {
            ServiceRequest request = acknowledgedRepair();
            SlaPlan urgent = plan(WEDNESDAY_10, Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(24));

            request.changePriority(Priority.URGENT, urgent, FRONT_DESK, minute(6), "业主家里有老人");

            assertThat(request.getPriority()).isEqualTo(Priority.URGENT);
            assertThat(request.getDueArrivalAt()).isEqualTo(at("2026-03-25T10:30"));
            RequestEvent changed = request.getEvents().get(request.getEvents().size() - 1);
            assertThat(changed.getType()).isEqualTo("priorityChanged");
            assertThat(changed.getNote()).isEqualTo("request.priority.NORMAL → request.priority.URGENT: 业主家里有老人");
            assertThat(changed.isInternal()).isTrue();
        }
    }

    @Nested
    class Promises {

        @Test
        void aPromiseIsKeptWhenSomeoneArrivesByThePromisedTime() {
            ServiceRequest request = repair().promised(minute(30)).received();
            request.dispatch(FRONT_DESK, minute(5), null);
            request.arrive(TECHNICIAN, minute(30), null);

            assertThat(request.getPromiseKept()).isTrue();
        }

        @Test
        void aPromiseIsBrokenWhenTheTechnicianComesLater() {
            ServiceRequest request = repair().promised(minute(30)).received();
            request.dispatch(FRONT_DESK, minute(5), null);
            request.arrive(TECHNICIAN, minute(120), null);

            assertThat(request.getPromiseKept()).isFalse();
        }

        @Test
        void thePromiseIsMeasuredAtTheFirstArrivalOnly() {
            ServiceRequest request = repair().promised(minute(30)).received();
            request.dispatch(FRONT_DESK, minute(5), null);
            request.arrive(TECHNICIAN, minute(25), null);
            request.resolve(TECHNICIAN, minute(60), null);
            request.reopen(FRONT_DESK, minute(100), "又坏了", request.currentPlan());
            request.dispatch(FRONT_DESK, minute(101), null);
            request.arrive(TECHNICIAN, minute(300), null);

            assertThat(request.getArrivedAt()).as("a reopened repair times its new visit").isEqualTo(minute(300));
            assertThat(request.getPromiseKept()).as("the promise was about the first visit").isTrue();
        }

        @Test
        void withoutAPromiseThereIsNothingToKeep() {
            ServiceRequest request = repairOnSite();

            assertThat(request.getPromiseKept()).isNull();
        }

        @Test
        void aPromiseMadeAfterIntakeIsRecordedAndMeasured() {
            ServiceRequest request = dispatchedRepair();
            request.promise(minute(45), FRONT_DESK, minute(12));
            request.arrive(TECHNICIAN, minute(50), null);

            assertThat(request.getPromisedAt()).isEqualTo(minute(45));
            assertThat(request.getPromiseKept()).isFalse();
            assertThat(timeline(request)).containsSubsequence("promised", "arrived");
        }
    }

    @Nested
    class FollowUpsAndNotes {

        @Test
        void eachCallAboutAnOpenRequestCountsAsAFollowUp() {
            ServiceRequest request = acknowledgedRepair();
            request.followUp(FRONT_DESK, minute(30), "业主来电催促");
            request.followUp(FRONT_DESK, minute(60), null);

            assertThat(request.getFollowUps()).isEqualTo(2);
            assertThat(timeline(request)).endsWith("followUp", "followUp");
            assertThat(request.getStatus()).isEqualTo(RequestStatus.ACKNOWLEDGED);
        }

        @Test
        void notesAreInternalOrVisibleToTheOwner() {
            ServiceRequest request = acknowledgedRepair();
            request.addNote(FRONT_DESK, minute(6), "业主脾气急", true);
            request.addNote(FRONT_DESK, minute(7), "师傅下午到", false);

            List<RequestEvent> events = request.getEvents();
            assertThat(events.get(2).getType()).isEqualTo("internalNote");
            assertThat(events.get(2).isInternal()).isTrue();
            assertThat(events.get(3).getType()).isEqualTo("note");
            assertThat(events.get(3).isInternal()).isFalse();
            assertThat(events.get(3).getNote()).isEqualTo("师傅下午到");
        }

        @Test
        void aNoteCanBeAddedEvenAfterClosing() {
            ServiceRequest request = closedRepair();
            request.addNote(FRONT_DESK, minute(500), "补记：材料费 35 元", true);

            assertThat(timeline(request)).endsWith("internalNote");
        }
    }

    @Nested
    class TargetsAtRiskAndBreached {

        @Test
        void theNextTargetIsAcknowledgeThenArrivalThenResolution() {
            assertThat(newRepair().pendingTarget()).isEqualTo(SlaTarget.ACKNOWLEDGE);
            assertThat(dispatchedRepair().pendingTarget()).isEqualTo(SlaTarget.ARRIVAL);
            assertThat(repairOnSite().pendingTarget()).isEqualTo(SlaTarget.RESOLVE);
            assertThat(resolvedRepair().pendingTarget()).isNull();
            assertThat(repairOnHold().pendingTarget()).isNull();
        }

        @Test
        void atRiskFrom80PercentUntilTheDueTimeThenBreached() {
            ServiceRequest request = newRepair(); // acknowledge due 10:30, at risk from 10:24

            assertThat(request.isAtRisk(at("2026-03-25T10:23:59"))).isFalse();
            assertThat(request.isAtRisk(at("2026-03-25T10:24"))).isTrue();
            assertThat(request.isAtRisk(at("2026-03-25T10:30"))).isTrue();
            assertThat(request.isBreached(at("2026-03-25T10:30"))).isFalse();
            assertThat(request.isBreached(at("2026-03-25T10:30:01"))).isTrue();
            assertThat(request.isAtRisk(at("2026-03-25T10:30:01"))).as("breached, no longer merely at risk").isFalse();
        }

        @Test
        void aTargetMetLateStaysBreached() {
            ServiceRequest request = newRepair();
            request.dispatch(FRONT_DESK, minute(45), null);

            assertThat(request.isBreached(minute(46))).isTrue();
            assertThat(request.metAt(SlaTarget.ACKNOWLEDGE)).isEqualTo(minute(45));
        }

        @Test
        void aRequestHandledInTimeIsNeitherAtRiskNorBreached() {
            ServiceRequest request = closedRepair();

            assertThat(request.isAtRisk(minute(10_000))).isFalse();
            assertThat(request.isBreached(minute(10_000))).isFalse();
        }
    }

    @Nested
    class WhatThePageShows {

        private List<RequestView.TargetState> states(ServiceRequest request, Instant now) {
            return RequestView.of(request, now).targets().stream().map(RequestView.TargetLine::state).toList();
        }

        @Test
        void eachTargetWithItsState() {
            ServiceRequest request = newRepair();

            assertThat(states(request, minute(10))).containsExactly(RequestView.TargetState.PENDING,
                    RequestView.TargetState.PENDING, RequestView.TargetState.PENDING);
            assertThat(states(request, minute(25))).first().isEqualTo(RequestView.TargetState.AT_RISK);
            assertThat(RequestView.of(request, minute(25)).atRisk()).isTrue();
            assertThat(states(request, minute(31))).first().isEqualTo(RequestView.TargetState.BREACHED);
            assertThat(RequestView.of(request, minute(31)).breached()).isTrue();
        }

        @Test
        void targetsMetInTimeOrLate() {
            ServiceRequest request = newRepair();
            request.dispatch(FRONT_DESK, minute(45), null);
            request.arrive(TECHNICIAN, minute(60), null);

            assertThat(states(request, minute(61))).containsExactly(RequestView.TargetState.MET_LATE,
                    RequestView.TargetState.MET, RequestView.TargetState.PENDING);
        }

        @Test
        void targetsArePausedOnHold() {
            ServiceRequest request = repairOnHold();

            RequestView view = RequestView.of(request, minute(600));
            assertThat(view.targets()).extracting(RequestView.TargetLine::state).containsExactly(
                    RequestView.TargetState.MET, RequestView.TargetState.PAUSED, RequestView.TargetState.PAUSED);
            assertThat(view.atRisk()).isFalse();
            assertThat(view.breached()).isFalse();
        }

        @Test
        void anInquiryShowsNoArrivalTarget() {
            assertThat(RequestView.of(newInquiry(), minute(1)).targets()).extracting(RequestView.TargetLine::target)
                    .containsExactly(SlaTarget.ACKNOWLEDGE, SlaTarget.RESOLVE);
        }
    }

    @Nested
    class IllegalMoves {

        record Move(String name, Supplier<ServiceRequest> state, Consumer<ServiceRequest> move, String messageKey,
                String action) {

            @Override
            public String toString() {
                return name;
            }
        }

        static Move refused(String name, Supplier<ServiceRequest> state, Consumer<ServiceRequest> move, String action) {
            return new Move(name, state, move, "request.error.illegalMove", action);
        }

        static Move refusedWith(String name, Supplier<ServiceRequest> state, Consumer<ServiceRequest> move,
                String messageKey) {
            return new Move(name, state, move, messageKey, null);
        }

        static Stream<Move> moves() {
            Instant later = minute(1000);
            return Stream.of(
                    refused("arrive before dispatch (new)", ServiceRequestLifecycleTest::newRepair,
                            r -> r.arrive(TECHNICIAN, later, null), "arrive"),
                    refused("arrive before dispatch (acknowledged)", ServiceRequestLifecycleTest::acknowledgedRepair,
                            r -> r.arrive(TECHNICIAN, later, null), "arrive"),
                    refused("arrive twice", ServiceRequestLifecycleTest::repairOnSite,
                            r -> r.arrive(TECHNICIAN, later, null), "arrive"),
                    refused("acknowledge twice", ServiceRequestLifecycleTest::acknowledgedRepair,
                            r -> r.acknowledge(FRONT_DESK, later, null), "acknowledge"),
                    refused("acknowledge a dispatched request", ServiceRequestLifecycleTest::dispatchedRepair,
                            r -> r.acknowledge(FRONT_DESK, later, null), "acknowledge"),
                    refused("dispatch while on site", ServiceRequestLifecycleTest::repairOnSite,
                            r -> r.dispatch(FRONT_DESK, later, null), "dispatch"),
                    refused("dispatch a resolved request", ServiceRequestLifecycleTest::resolvedRepair,
                            r -> r.dispatch(FRONT_DESK, later, null), "dispatch"),
                    refused("dispatch while on hold", ServiceRequestLifecycleTest::repairOnHold,
                            r -> r.dispatch(FRONT_DESK, later, null), "dispatch"),
                    refused("resolve a repair before anyone is on site (acknowledged)",
                            ServiceRequestLifecycleTest::acknowledgedRepair, r -> r.resolve(TECHNICIAN, later, null),
                            "resolveRepair"),
                    refused("resolve a repair before anyone is on site (dispatched)",
                            ServiceRequestLifecycleTest::dispatchedRepair, r -> r.resolve(TECHNICIAN, later, null),
                            "resolveRepair"),
                    refused("resolve a new repair", ServiceRequestLifecycleTest::newRepair,
                            r -> r.resolve(TECHNICIAN, later, null), "resolveRepair"),
                    refused("resolve a new complaint without acknowledging it",
                            ServiceRequestLifecycleTest::newComplaint, r -> r.resolve(FRONT_DESK, later, null),
                            "resolve"),
                    refused("resolve a request on hold", ServiceRequestLifecycleTest::repairOnHold,
                            r -> r.resolve(TECHNICIAN, later, null), "resolveRepair"),
                    refused("resolve twice", ServiceRequestLifecycleTest::resolvedComplaint,
                            r -> r.resolve(FRONT_DESK, later, null), "resolve"),
                    refusedWith("close a complaint before its callback", ServiceRequestLifecycleTest::resolvedComplaint,
                            r -> r.close(FRONT_DESK, later, null), "request.error.complaintNeedsCallback"),
                    refused("close a request still being worked on", ServiceRequestLifecycleTest::repairOnSite,
                            r -> r.close(FRONT_DESK, later, null), "close"),
                    refused("close a new request", ServiceRequestLifecycleTest::newInquiry,
                            r -> r.close(FRONT_DESK, later, null), "close"),
                    refused("close twice", ServiceRequestLifecycleTest::closedRepair,
                            r -> r.close(FRONT_DESK, later, null), "close"),
                    refused("callback before the request is resolved", ServiceRequestLifecycleTest::acknowledgedComplaint,
                            r -> r.recordCallback(FRONT_DESK, later, null), "callback"),
                    refused("callback on a closed request", ServiceRequestLifecycleTest::closedComplaint,
                            r -> r.recordCallback(FRONT_DESK, later, null), "callback"),
                    refused("resume when not on hold", ServiceRequestLifecycleTest::dispatchedRepair,
                            r -> r.resume(FRONT_DESK, later, AROUND_THE_CLOCK, null), "resume"),
                    refused("resume a new request", ServiceRequestLifecycleTest::newRepair,
                            r -> r.resume(FRONT_DESK, later, AROUND_THE_CLOCK, null), "resume"),
                    refused("hold a new request before anyone took it", ServiceRequestLifecycleTest::newRepair,
                            r -> r.hold(FRONT_DESK, later, "等配件"), "hold"),
                    refused("hold a request already on hold", ServiceRequestLifecycleTest::repairOnHold,
                            r -> r.hold(FRONT_DESK, later, "等配件"), "hold"),
                    refused("hold a resolved request", ServiceRequestLifecycleTest::resolvedRepair,
                            r -> r.hold(FRONT_DESK, later, "等配件"), "hold"),
                    refusedWith("hold without a reason", ServiceRequestLifecycleTest::dispatchedRepair,
                            r -> r.hold(FRONT_DESK, later, null), "request.error.reasonRequired"),
                    refusedWith("hold with a blank reason", ServiceRequestLifecycleTest::dispatchedRepair,
                            r -> r.hold(FRONT_DESK, later, "   "), "request.error.reasonRequired"),
                    refused("reopen an open request", ServiceRequestLifecycleTest::repairOnSite,
                            r -> r.reopen(FRONT_DESK, later, "又坏了", r.currentPlan()), "reopen"),
                    refused("reopen a reopened request", ServiceRequestLifecycleTest::reopenedRepair,
                            r -> r.reopen(FRONT_DESK, later, "又坏了", r.currentPlan()), "reopen"),
                    refused("reopen a cancelled request", ServiceRequestLifecycleTest::cancelledRepair,
                            r -> r.reopen(FRONT_DESK, later, "又坏了", r.currentPlan()), "reopen"),
                    refusedWith("reopen without a reason", ServiceRequestLifecycleTest::closedRepair,
                            r -> r.reopen(FRONT_DESK, later, "", r.currentPlan()), "request.error.reasonRequired"),
                    refused("cancel a closed request", ServiceRequestLifecycleTest::closedRepair,
                            r -> r.cancel(FRONT_DESK, later, "不修了"), "cancel"),
                    refused("cancel a resolved request", ServiceRequestLifecycleTest::resolvedRepair,
                            r -> r.cancel(FRONT_DESK, later, "不修了"), "cancel"),
                    refused("cancel twice", ServiceRequestLifecycleTest::cancelledRepair,
                            r -> r.cancel(FRONT_DESK, later, "不修了"), "cancel"),
                    refusedWith("cancel without a reason", ServiceRequestLifecycleTest::acknowledgedRepair,
                            r -> r.cancel(FRONT_DESK, later, null), "request.error.reasonRequired"),
                    refusedWith("resolve at intake an inquiry already acknowledged",
                            ServiceRequestLifecycleTest::acknowledgedInquiry, r -> r.resolveAtIntake(FRONT_DESK, later, null),
                            "request.error.resolveAtIntake"),
                    refusedWith("resolve a repair at intake", ServiceRequestLifecycleTest::newRepair,
                            r -> r.resolveAtIntake(FRONT_DESK, later, null), "request.error.resolveAtIntake"),
                    refused("change the kind of a closed request", ServiceRequestLifecycleTest::closedRepair,
                            r -> r.changeKind(RequestKind.COMPLAINT, plan(WEDNESDAY_10), FRONT_DESK, later, null),
                            "changeKind"),
                    refused("change the priority of a cancelled request", ServiceRequestLifecycleTest::cancelledRepair,
                            r -> r.changePriority(Priority.URGENT, plan(WEDNESDAY_10), FRONT_DESK, later, null),
                            "changePriority"),
                    refused("promise a time after someone arrived", ServiceRequestLifecycleTest::repairOnSite,
                            r -> r.promise(later, FRONT_DESK, later), "promise"),
                    refused("promise a time on a closed request", ServiceRequestLifecycleTest::closedRepair,
                            r -> r.promise(later, FRONT_DESK, later), "promise"),
                    refused("follow up a closed request", ServiceRequestLifecycleTest::closedRepair,
                            r -> r.followUp(FRONT_DESK, later, null), "followUp"),
                    refusedWith("add an empty note", ServiceRequestLifecycleTest::acknowledgedRepair,
                            r -> r.addNote(FRONT_DESK, later, " ", false), "request.error.noteRequired"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("moves")
        void isRefusedWithAClearMessageAndChangesNothing(Move move) {
            ServiceRequest request = move.state().get();
            RequestStatus status = request.getStatus();
            int events = request.getEvents().size();
            int domainEvents = request.domainEvents().size();
            SlaPlan plan = request.currentPlan();

            IllegalTransitionException refused = catchThrowableOfType(IllegalTransitionException.class,
                    () -> move.move().accept(request));

            assertThat(refused).as("refused").isNotNull();
            assertThat(refused.messageKey()).isEqualTo(move.messageKey());
            if (move.action() != null) {
                assertThat(refused.arguments()).containsExactly("request.action." + move.action(),
                        "request.status." + status);
            }
            assertThat(request.getStatus()).isEqualTo(status);
            assertThat(request.getEvents()).hasSize(events);
            assertThat(request.domainEvents()).hasSize(domainEvents);
            assertThat(request.currentPlan()).isEqualTo(plan);
        }
    }

    @Nested
    class OfferedActions {

        record State(String name, Supplier<ServiceRequest> request) {

            @Override
            public String toString() {
                return name;
            }
        }

        static Stream<State> states() {
            return Stream.of(new State("new repair", ServiceRequestLifecycleTest::newRepair),
                    new State("acknowledged repair", ServiceRequestLifecycleTest::acknowledgedRepair),
                    new State("dispatched repair", ServiceRequestLifecycleTest::dispatchedRepair),
                    new State("repair on site", ServiceRequestLifecycleTest::repairOnSite),
                    new State("repair on hold", ServiceRequestLifecycleTest::repairOnHold),
                    new State("resolved repair", ServiceRequestLifecycleTest::resolvedRepair),
                    new State("closed repair", ServiceRequestLifecycleTest::closedRepair),
                    new State("reopened repair", ServiceRequestLifecycleTest::reopenedRepair),
                    new State("cancelled repair", ServiceRequestLifecycleTest::cancelledRepair),
                    new State("new inquiry", ServiceRequestLifecycleTest::newInquiry),
                    new State("acknowledged inquiry", ServiceRequestLifecycleTest::acknowledgedInquiry),
                    new State("new complaint", ServiceRequestLifecycleTest::newComplaint),
                    new State("acknowledged complaint", ServiceRequestLifecycleTest::acknowledgedComplaint),
                    new State("resolved complaint", ServiceRequestLifecycleTest::resolvedComplaint),
                    new State("closed complaint", ServiceRequestLifecycleTest::closedComplaint));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("states")
        void everyButtonThePageOffersIsAMoveTheRequestAccepts(State state) {
            for (RequestAction action : RequestView.actionsFor(state.request().get())) {
                ServiceRequest request = state.request().get();
                Instant later = minute(1000);
                switch (action) {
                    case ACKNOWLEDGE -> request.acknowledge(FRONT_DESK, later, null);
                    case DISPATCH -> request.dispatch(FRONT_DESK, later, null);
                    case ARRIVE -> request.arrive(TECHNICIAN, later, null);
                    case HOLD -> request.hold(FRONT_DESK, later, "等配件");
                    case RESUME -> request.resume(FRONT_DESK, later, AROUND_THE_CLOCK, null);
                    case RESOLVE -> request.resolve(FRONT_DESK, later, null);
                    case CLOSE -> request.close(FRONT_DESK, later, null);
                    case REOPEN -> request.reopen(FRONT_DESK, later, "又坏了", request.currentPlan());
                    case CANCEL -> request.cancel(FRONT_DESK, later, "不需要了");
                    case CALLBACK -> request.recordCallback(FRONT_DESK, later, null);
                    case FOLLOW_UP -> request.followUp(FRONT_DESK, later, null);
                }
            }
        }

        @Test
        void aResolvedComplaintOffersTheCallbackButNotClosing() {
            assertThat(RequestView.actionsFor(resolvedComplaint()))
                    .contains(RequestAction.CALLBACK, RequestAction.REOPEN).doesNotContain(RequestAction.CLOSE);
        }

        @Test
        void aRepairNotYetOnSiteIsNotOfferedResolve() {
            assertThat(RequestView.actionsFor(dispatchedRepair())).doesNotContain(RequestAction.RESOLVE);
        }

        @Test
        void aRepairReachesItsTechnicianThroughAWorkOrderNotByHand() {
            assertThat(RequestView.actionsFor(dispatchedRepair()))
                    .doesNotContain(RequestAction.DISPATCH, RequestAction.ARRIVE).contains(RequestAction.HOLD);
        }
    }
}
