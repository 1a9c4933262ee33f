package org.propertydesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.propertydesk.requests.WorkState;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.support.MutableClock;

/**
 * The work order's state machine, without Spring: every legal step with what it records, every illegal step refused
 * with a message the person can read, what finishing a job requires and charges, and the state a request's work
 * orders add up to. Example work orders are assigned on Wednesday 25 March 2026 at 10:00 in Shanghai, to be on site by
 * 12:00.
 */
class WorkOrderTest {

    static final Instant WEDNESDAY_10 = java.time.LocalDateTime.parse("2026-03-25T10:00").atZone(MutableClock.SHANGHAI)
            .toInstant();
    static final Instant DUE_ARRIVAL = minute(120);
    static final long PLUMBER = 11L;
    static final long OTHER_PLUMBER = 12L;
    static final long TEAM = 7L;

    /** Minutes after the work order was assigned. */
    static Instant minute(int minutes) {
        return WEDNESDAY_10.plus(Duration.ofMinutes(minutes));
    }

    static String text(int length) {
        return "漏".repeat(length);
    }

    // The states a work order can be in, each reached the legal way.

    static WorkOrder assigned() {
        return WorkOrder.assign("R-260325-0001-1", 1L, 2L, WorkOrder.Assignee.technician(PLUMBER), DUE_ARRIVAL, false,
                null, "dispatcher", "调度小张", minute(0));
    }

    static WorkOrder assignedToTeam() {
        return WorkOrder.assign("R-260325-0001-1", 1L, 2L, WorkOrder.Assignee.team(TEAM), DUE_ARRIVAL, false, null,
                "dispatcher", "调度小张", minute(0));
    }

    /** Given automatically, to be accepted within 15 minutes. */
    static WorkOrder assignedAutomatically() {
        return WorkOrder.assign("R-260325-0001-1", 1L, 2L, WorkOrder.Assignee.technician(PLUMBER), DUE_ARRIVAL, true,
                minute(15), "system", "system", minute(0));
    }

    static WorkOrder accepted() {
        WorkOrder order = assigned();
        order.accept(PLUMBER, minute(5));
        return order;
    }

    static WorkOrder onSite() {
        WorkOrder order = accepted();
        order.arrive(minute(40));
        return order;
    }

    static WorkOrder paused() {
        WorkOrder order = onSite();
        order.pause("等配件", minute(120), minute(50));
        return order;
    }

    static WorkOrder completed() {
        WorkOrder order = onSite();
        order.complete(confirmedBy("王先生"), List.of(), minute(90));
        return order;
    }

    static WorkOrder declined() {
        WorkOrder order = assigned();
        order.decline("今天请假", minute(3));
        return order;
    }

    /** Declined at the given minute, e.g. after another job was finished at minute 90. */
    static WorkOrder declinedAt(int minute) {
        WorkOrder order = assigned();
        order.decline("今天请假", minute(minute));
        return order;
    }

    static WorkOrder cancelled() {
        WorkOrder order = assigned();
        order.cancel("业主自己修好了", minute(3));
        return order;
    }

    static WorkOrder expired() {
        WorkOrder order = assignedAutomatically();
        order.expire(minute(15));
        return order;
    }

    /** An automatic assignment that lapsed at the given minute (its deadline is minute 15). */
    static WorkOrder expiredAt(int minute) {
        WorkOrder order = assignedAutomatically();
        order.expire(minute(minute));
        return order;
    }

    /** The owner says it is not fixed. */
    static void reopen(WorkOrder order) {
        order.reopen(order.getDueArrivalAt());
    }

    static WorkOrder.Completion confirmedBy(String confirmer) {
        return new WorkOrder.Completion("换了存水弯", 30, null, null, confirmer, false);
    }

    static WorkOrder.Completion charged(String charge, Boolean paid) {
        return new WorkOrder.Completion("换了存水弯", 30, charge == null ? null : new BigDecimal(charge), paid, "王先生",
                false);
    }

    static Material material(String code, String unitPrice) {
        return new Material(code, "角阀", "Angle valve", "个", "piece", new BigDecimal(unitPrice));
    }

    static WorkOrder.MaterialUse use(Material material, String quantity) {
        return new WorkOrder.MaterialUse(material, material.getNameZh(), material.getUnitZh(),
                quantity == null ? null : new BigDecimal(quantity));
    }

    static BusinessRuleException refusal(Runnable step) {
        BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class, step::run);
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }

    @Nested
    class TheWayThroughAJob {

        @Test
        void anAssignedWorkOrderWaitsForItsTechnicianAndKeepsTheArrivalTargetItWasGiven() {
            WorkOrder order = assigned();

            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
            assertThat(order.getTechnicianId()).isEqualTo(PLUMBER);
            assertThat(order.getTeamId()).isNull();
            assertThat(order.getDueArrivalAt()).isEqualTo(DUE_ARRIVAL);
            assertThat(order.getAssignedAt()).isEqualTo(minute(0));
            assertThat(order.getAssignedBy()).isEqualTo("dispatcher");
            assertThat(order.getAssignedByName()).isEqualTo("调度小张");
            assertThat(order.isAutoAssigned()).isFalse();
            assertThat(order.getAcceptBy()).as("only automatic assignments have a deadline to accept").isNull();
            assertThat(order.getReopenCount()).isZero();
            assertThat(order.getMaterialsTotal()).isEqualByComparingTo("0");
        }

        @Test
        void aManualAssignmentIgnoresAnAcceptDeadline() {
            WorkOrder order = WorkOrder.assign("R-1-1", 1L, 2L, WorkOrder.Assignee.technician(PLUMBER), DUE_ARRIVAL,
                    false, minute(15), "dispatcher", "调度小张", minute(0));

            assertThat(order.getAcceptBy()).isNull();
        }

        @Test
        void acceptingRecordsWhen() {
            WorkOrder order = accepted();

            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ACCEPTED);
            assertThat(order.getAcceptedAt()).isEqualTo(minute(5));
            assertThat(order.getTechnicianId()).isEqualTo(PLUMBER);
        }

        @Test
        void acceptingAnAutomaticAssignmentEndsItsDeadline() {
            WorkOrder order = assignedAutomatically();
            order.accept(PLUMBER, minute(10));

            assertThat(order.getAcceptBy()).isNull();
            assertThat(order.isAutoAssigned()).isTrue();
        }

        @Test
        void arrivingPutsTheTechnicianOnSite() {
            WorkOrder order = onSite();

            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ON_SITE);
            assertThat(order.getArrivedAt()).isEqualTo(minute(40));
        }

        @Test
        void pausingRecordsTheReasonAndWhenWorkShouldGoOn() {
            WorkOrder order = paused();

            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.PAUSED);
            assertThat(order.getPausedAt()).isEqualTo(minute(50));
            assertThat(order.getPauseReason()).isEqualTo("等配件");
            assertThat(order.getExpectedResumeAt()).isEqualTo(minute(120));
        }

        @Test
        void pausingWithoutKnowingWhenWorkGoesOnIsAllowed() {
            WorkOrder order = onSite();
            order.pause("  等业主回家  ", null, minute(50));

            assertThat(order.getPauseReason()).isEqualTo("等业主回家");
            assertThat(order.getExpectedResumeAt()).isNull();
        }

        @Test
        void anExpectedResumeTimeNotInTheFutureIsRefused() {
            WorkOrder order = onSite();

            assertThat(refusal(() -> order.pause("等配件", minute(50), minute(50))).messageKey())
                    .isEqualTo("workOrder.error.expectedInPast");
            assertThat(refusal(() -> order.pause("等配件", minute(49), minute(50))).messageKey())
                    .isEqualTo("workOrder.error.expectedInPast");
            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ON_SITE);
            assertThat(order.getPauseReason()).isNull();
        }

        @Test
        void resumingClearsThePauseAndKeepsTheArrival() {
            WorkOrder order = paused();
            order.resume(minute(100));

            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ON_SITE);
            assertThat(order.getPausedAt()).isNull();
            assertThat(order.getPauseReason()).isNull();
            assertThat(order.getExpectedResumeAt()).isNull();
            assertThat(order.getArrivedAt()).isEqualTo(minute(40));
        }

        @Test
        void completingRecordsWhatWasDoneAndWhoConfirmedIt() {
            WorkOrder order = onSite();
            order.complete(new WorkOrder.Completion("  换了存水弯  ", 45, null, null, "  王先生 ", false), List.of(),
                    minute(90));

            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.COMPLETED);
            assertThat(order.getCompletedAt()).isEqualTo(minute(90));
            assertThat(order.getWorkDone()).isEqualTo("换了存水弯");
            assertThat(order.getLabourMinutes()).isEqualTo(45);
            assertThat(order.getConfirmedBy()).isEqualTo("王先生");
            assertThat(order.isOwnerAbsent()).isFalse();
            assertThat(order.getCharge()).isNull();
            assertThat(order.getChargePaid()).isNull();
            assertThat(order.getMaterials()).isEmpty();
            assertThat(order.getMaterialsTotal()).isEqualByComparingTo("0");
        }

        @Test
        void decliningRecordsTheReasonFromAssignedOrAccepted() {
            WorkOrder fromAssigned = declined();
            WorkOrder fromAccepted = accepted();
            fromAccepted.decline("  配件不对  ", minute(8));

            assertThat(fromAssigned.getStatus()).isEqualTo(WorkOrderStatus.DECLINED);
            assertThat(fromAssigned.getDeclinedAt()).isEqualTo(minute(3));
            assertThat(fromAssigned.getDeclineReason()).isEqualTo("今天请假");
            assertThat(fromAccepted.getStatus()).isEqualTo(WorkOrderStatus.DECLINED);
            assertThat(fromAccepted.getDeclineReason()).isEqualTo("配件不对");
        }

        @Test
        void decliningAnAutomaticAssignmentEndsItsDeadline() {
            WorkOrder order = assignedAutomatically();
            order.decline("不在附近", minute(5));

            assertThat(order.getAcceptBy()).isNull();
        }

        @Test
        void everyActiveWorkOrderCanBeCancelledWithAReason() {
            for (Supplier<WorkOrder> state : List.<Supplier<WorkOrder>>of(WorkOrderTest::assigned,
                    WorkOrderTest::accepted, WorkOrderTest::onSite, WorkOrderTest::paused)) {
                WorkOrder order = state.get();
                WorkOrderStatus before = order.getStatus();
                order.cancel("业主取消", minute(200));

                assertThat(order.getStatus()).as("cancelled from " + before).isEqualTo(WorkOrderStatus.CANCELLED);
                assertThat(order.getCancelledAt()).isEqualTo(minute(200));
                assertThat(order.getCancelReason()).isEqualTo("业主取消");
            }
        }

        @Test
        void onlyAssignedAcceptedOnSiteAndPausedAreActive() {
            assertThat(EnumSet.allOf(WorkOrderStatus.class).stream().filter(WorkOrderStatus::isActive))
                    .containsExactlyInAnyOrder(WorkOrderStatus.ASSIGNED, WorkOrderStatus.ACCEPTED,
                            WorkOrderStatus.ON_SITE, WorkOrderStatus.PAUSED);
        }
    }

    @Nested
    class IllegalSteps {

        enum Step {
            ACCEPT(w -> w.accept(PLUMBER, minute(300))),
            DECLINE(w -> w.decline("没空", minute(300))),
            ARRIVE(w -> w.arrive(minute(300))),
            PAUSE(w -> w.pause("等配件", null, minute(300))),
            RESUME(w -> w.resume(minute(300))),
            COMPLETE(w -> w.complete(confirmedBy("王先生"), List.of(), minute(300))),
            REOPEN(WorkOrderTest::reopen),
            REASSIGN(w -> w.reassign(WorkOrder.Assignee.technician(OTHER_PLUMBER), "换人", "dispatcher", "调度小张",
                    minute(300))),
            CANCEL(w -> w.cancel("不需要了", minute(300))),
            EXPIRE(w -> w.expire(minute(300)));

            final Consumer<WorkOrder> step;

            Step(Consumer<WorkOrder> step) {
                this.step = step;
            }

            String key() {
                return "workOrder.step." + name().toLowerCase();
            }
        }

        /** What each state allows; EXPIRE is legal only for an automatic assignment, covered on its own below. */
        static final Map<WorkOrderStatus, Set<Step>> LEGAL = Map.of(
                WorkOrderStatus.ASSIGNED, EnumSet.of(Step.ACCEPT, Step.DECLINE, Step.REASSIGN, Step.CANCEL),
                WorkOrderStatus.ACCEPTED, EnumSet.of(Step.DECLINE, Step.ARRIVE, Step.REASSIGN, Step.CANCEL),
                WorkOrderStatus.ON_SITE, EnumSet.of(Step.PAUSE, Step.COMPLETE, Step.CANCEL),
                WorkOrderStatus.PAUSED, EnumSet.of(Step.RESUME, Step.REASSIGN, Step.CANCEL),
                WorkOrderStatus.COMPLETED, EnumSet.of(Step.REOPEN),
                WorkOrderStatus.DECLINED, EnumSet.noneOf(Step.class),
                WorkOrderStatus.CANCELLED, EnumSet.noneOf(Step.class),
                WorkOrderStatus.EXPIRED, EnumSet.noneOf(Step.class));

        static final List<Supplier<WorkOrder>> STATES = List.of(WorkOrderTest::assigned, WorkOrderTest::accepted,
                WorkOrderTest::onSite, WorkOrderTest::paused, WorkOrderTest::completed, WorkOrderTest::declined,
                WorkOrderTest::cancelled, WorkOrderTest::expired);

        record Attempt(Supplier<WorkOrder> state, WorkOrderStatus status, Step step) {

            @Override
            public String toString() {
                return step.name().toLowerCase() + " when " + status;
            }
        }

        static Stream<Attempt> refused() {
            List<Attempt> attempts = new ArrayList<>();
            for (Supplier<WorkOrder> state : STATES) {
                WorkOrderStatus status = state.get().getStatus();
                for (Step step : Step.values()) {
                    if (!LEGAL.get(status).contains(step)) {
                        attempts.add(new Attempt(state, status, step));
                    }
                }
            }
            return attempts.stream();
        }

        static Stream<Attempt> allowed() {
            List<Attempt> attempts = new ArrayList<>();
            for (Supplier<WorkOrder> state : STATES) {
                WorkOrderStatus status = state.get().getStatus();
                LEGAL.get(status).forEach(step -> attempts.add(new Attempt(state, status, step)));
            }
            return attempts.stream();
        }

        @Test
        void everyStatusIsCovered() {
            assertThat(STATES.stream().map(s -> s.get().getStatus()))
                    .containsExactlyInAnyOrder(WorkOrderStatus.values());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("refused")
        void isRefusedNamingTheStepAndTheStatusAndChangesNothing(Attempt attempt) {
            WorkOrder order = attempt.state().get();
            Long technician = order.getTechnicianId();
            Instant acceptedAt = order.getAcceptedAt();
            Instant arrivedAt = order.getArrivedAt();
            Instant completedAt = order.getCompletedAt();
            int reopened = order.getReopenCount();

            BusinessRuleException refused = refusal(() -> attempt.step().step.accept(order));

            assertThat(refused.messageKey()).isEqualTo("workOrder.error.illegalStep");
            assertThat(refused.arguments()).containsExactly(attempt.step().key(),
                    "workOrder.status." + attempt.status());
            assertThat(order.getStatus()).isEqualTo(attempt.status());
            assertThat(order.getTechnicianId()).isEqualTo(technician);
            assertThat(order.getAcceptedAt()).isEqualTo(acceptedAt);
            assertThat(order.getArrivedAt()).isEqualTo(arrivedAt);
            assertThat(order.getCompletedAt()).isEqualTo(completedAt);
            assertThat(order.getReopenCount()).isEqualTo(reopened);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("allowed")
        void isAllowed(Attempt attempt) {
            WorkOrder order = attempt.state().get();

            attempt.step().step.accept(order);

            assertThat(order.getStatus()).isEqualTo(switch (attempt.step()) {
                case ACCEPT -> WorkOrderStatus.ACCEPTED;
                case DECLINE -> WorkOrderStatus.DECLINED;
                case ARRIVE, RESUME -> WorkOrderStatus.ON_SITE;
                case PAUSE -> WorkOrderStatus.PAUSED;
                case COMPLETE -> WorkOrderStatus.COMPLETED;
                case REOPEN, REASSIGN -> WorkOrderStatus.ASSIGNED;
                case CANCEL -> WorkOrderStatus.CANCELLED;
                case EXPIRE -> WorkOrderStatus.EXPIRED;
            });
        }
    }

    @Nested
    class ReasonsAreRequired {

        record Reasoned(String name, Supplier<WorkOrder> state, java.util.function.BiConsumer<WorkOrder, String> step) {

            @Override
            public String toString() {
                return name;
            }
        }

        static Stream<Reasoned> steps() {
            return Stream.of(
                    new Reasoned("decline", WorkOrderTest::assigned, (w, r) -> w.decline(r, minute(3))),
                    new Reasoned("pause", WorkOrderTest::onSite, (w, r) -> w.pause(r, null, minute(50))),
                    new Reasoned("reassign", WorkOrderTest::accepted,
                            (w, r) -> w.reassign(WorkOrder.Assignee.technician(OTHER_PLUMBER), r, "dispatcher",
                                    "调度小张", minute(20))),
                    new Reasoned("cancel", WorkOrderTest::assigned, (w, r) -> w.cancel(r, minute(3))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("steps")
        void aMissingOrBlankReasonIsRefused(Reasoned reasoned) {
            for (String missing : new String[] {null, "", "   "}) {
                WorkOrder order = reasoned.state().get();
                WorkOrderStatus before = order.getStatus();

                assertThat(refusal(() -> reasoned.step().accept(order, missing)).messageKey())
                        .as("reason <%s>", missing).isEqualTo("workOrder.error.reasonRequired");
                assertThat(order.getStatus()).isEqualTo(before);
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("steps")
        void aReasonLongerThan500CharactersIsRefusedAnd500AreAccepted(Reasoned reasoned) {
            WorkOrder tooLong = reasoned.state().get();
            BusinessRuleException refused = refusal(() -> reasoned.step().accept(tooLong, text(501)));
            assertThat(refused.messageKey()).isEqualTo("workOrder.error.textTooLong");
            assertThat(refused.arguments()).containsExactly(500);

            WorkOrder longest = reasoned.state().get();
            WorkOrderStatus before = longest.getStatus();
            reasoned.step().accept(longest, "  " + text(500) + "  ");
            assertThat(longest.getStatus()).isNotEqualTo(before);
        }
    }

    @Nested
    class FinishingAJob {

        @Test
        void whatWasDoneIsRequired() {
            for (String missing : new String[] {null, "", "  "}) {
                WorkOrder order = onSite();
                assertThat(refusal(() -> order.complete(new WorkOrder.Completion(missing, 30, null, null, "王先生", false),
                        List.of(), minute(90))).messageKey()).isEqualTo("workOrder.error.workDoneRequired");
                assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ON_SITE);
            }
        }

        @Test
        void whatWasDoneIsAtMost2000Characters() {
            WorkOrder tooLong = onSite();
            assertThat(refusal(() -> tooLong.complete(new WorkOrder.Completion(text(2001), 30, null, null, "王先生", false),
                    List.of(), minute(90))).messageKey()).isEqualTo("workOrder.error.textTooLong");

            WorkOrder longest = onSite();
            longest.complete(new WorkOrder.Completion(text(2000), 30, null, null, "王先生", false), List.of(), minute(90));
            assertThat(longest.getWorkDone()).hasSize(2000);
        }

        @ParameterizedTest(name = "{0} minutes")
        @ValueSource(ints = {-1, 1441, Integer.MAX_VALUE, Integer.MIN_VALUE})
        void labourOutsideZeroToADayIsRefused(int minutes) {
            WorkOrder order = onSite();

            BusinessRuleException refused = refusal(() -> order.complete(
                    new WorkOrder.Completion("换了存水弯", minutes, null, null, "王先生", false), List.of(), minute(90)));

            assertThat(refused.messageKey()).isEqualTo("workOrder.error.labourMinutes");
            assertThat(refused.arguments()).containsExactly(1440);
            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ON_SITE);
        }

        @ParameterizedTest(name = "{0} minutes")
        @ValueSource(ints = {0, 1, 1440})
        void labourFromZeroToADayIsRecorded(int minutes) {
            WorkOrder order = onSite();
            order.complete(new WorkOrder.Completion("换了存水弯", minutes, null, null, "王先生", false), List.of(), minute(90));

            assertThat(order.getLabourMinutes()).isEqualTo(minutes);
        }

        @Test
        void labourMayBeLeftOut() {
            WorkOrder order = onSite();
            order.complete(new WorkOrder.Completion("换了存水弯", null, null, null, "王先生", false), List.of(), minute(90));

            assertThat(order.getLabourMinutes()).isNull();
        }

        @ParameterizedTest(name = "charge {0}")
        @ValueSource(strings = {"-0.01", "-5", "12.345", "0.001", "100000000.00"})
        void aNegativeChargeMoreThanTwoDecimalsOrTooLargeAChargeIsRefused(String charge) {
            WorkOrder order = onSite();

            assertThat(refusal(() -> order.complete(charged(charge, true), List.of(), minute(90))).messageKey())
                    .isEqualTo("workOrder.error.charge");
            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ON_SITE);
        }

        @Test
        void aChargeIsKeptInYuanAndFen() {
            WorkOrder whole = onSite();
            whole.complete(charged("50", false), List.of(), minute(90));
            WorkOrder largest = onSite();
            largest.complete(charged("99999999.99", true), List.of(), minute(90));

            assertThat(whole.getCharge()).isEqualTo(new BigDecimal("50.00"));
            assertThat(whole.getChargePaid()).isFalse();
            assertThat(largest.getCharge()).isEqualTo(new BigDecimal("99999999.99"));
            assertThat(largest.getChargePaid()).isTrue();
        }

        @Test
        void aChargeNeedsToSayWhetherItWasPaid() {
            WorkOrder order = onSite();

            assertThat(refusal(() -> order.complete(charged("80.00", null), List.of(), minute(90))).messageKey())
                    .isEqualTo("workOrder.error.paidUnknown");
            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ON_SITE);
        }

        @Test
        void noChargeOrAZeroChargeRecordsNoChargeAndNoPayment() {
            WorkOrder none = onSite();
            none.complete(charged(null, true), List.of(), minute(90));
            WorkOrder zero = onSite();
            zero.complete(charged("0.00", null), List.of(), minute(90));

            assertThat(none.getCharge()).isNull();
            assertThat(none.getChargePaid()).as("paid means nothing without a charge").isNull();
            assertThat(zero.getCharge()).isNull();
            assertThat(zero.getChargePaid()).isNull();
        }

        @Test
        void theOwnersConfirmationOrTheirAbsenceIsRequired() {
            for (String nobody : new String[] {null, "", "  "}) {
                WorkOrder order = onSite();
                assertThat(refusal(() -> order.complete(new WorkOrder.Completion("换了存水弯", 30, null, null, nobody, false),
                        List.of(), minute(90))).messageKey()).isEqualTo("workOrder.error.confirmationRequired");
                assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ON_SITE);
            }
        }

        @Test
        void anAbsentOwnerIsRecordedAsSuch() {
            WorkOrder order = onSite();
            order.complete(new WorkOrder.Completion("换了存水弯", 30, null, null, " ", true), List.of(), minute(90));

            assertThat(order.getConfirmedBy()).isNull();
            assertThat(order.isOwnerAbsent()).isTrue();
        }

        @Test
        void aNamedConfirmerMeansTheOwnerWasThereWhateverTheBoxSaid() {
            WorkOrder order = onSite();
            order.complete(new WorkOrder.Completion("换了存水弯", 30, null, null, "王先生", true), List.of(), minute(90));

            assertThat(order.getConfirmedBy()).isEqualTo("王先生");
            assertThat(order.isOwnerAbsent()).isFalse();
        }

        @Test
        void theConfirmersNameIsAtMost100Characters() {
            WorkOrder tooLong = onSite();
            BusinessRuleException refused = refusal(() -> tooLong.complete(confirmedBy(text(101)), List.of(), minute(90)));
            assertThat(refused.messageKey()).isEqualTo("workOrder.error.textTooLong");
            assertThat(refused.arguments()).containsExactly(100);

            WorkOrder longest = onSite();
            longest.complete(confirmedBy(text(100)), List.of(), minute(90));
            assertThat(longest.getConfirmedBy()).hasSize(100);
        }
    }

    @Nested
    class MaterialsFromThePriceList {

        @Test
        void eachLineIsUnitPriceTimesQuantityAndTheTotalIsTheirSum() {
            Material valve = material("VALVE", "12.50");
            Material tape = material("TAPE", "3.20");
            WorkOrder order = onSite();

            order.complete(confirmedBy("王先生"), List.of(use(valve, "2"), use(tape, "1")), minute(90));

            assertThat(order.getMaterials()).extracting(WorkOrderMaterial::getCode, WorkOrderMaterial::getUnitPrice,
                    WorkOrderMaterial::getQuantity, WorkOrderMaterial::getAmount)
                    .containsExactly(
                            org.assertj.core.api.Assertions.tuple("VALVE", new BigDecimal("12.50"), new BigDecimal("2.00"),
                                    new BigDecimal("25.00")),
                            org.assertj.core.api.Assertions.tuple("TAPE", new BigDecimal("3.20"), new BigDecimal("1.00"),
                                    new BigDecimal("3.20")));
            assertThat(order.getMaterialsTotal()).isEqualTo(new BigDecimal("28.20"));
        }

        @Test
        void theAmountIsRoundedToTheFenHalfUp() {
            Material valve = material("VALVE", "12.50");
            Material pipe = material("PIPE", "0.99");
            WorkOrder order = onSite();

            order.complete(confirmedBy("王先生"), List.of(use(valve, "0.35"), use(pipe, "0.5")), minute(90));

            assertThat(order.getMaterials()).extracting(WorkOrderMaterial::getAmount)
                    .containsExactly(new BigDecimal("4.38"), new BigDecimal("0.50"));
            assertThat(order.getMaterialsTotal()).isEqualTo(new BigDecimal("4.88"));
        }

        @Test
        void theLineKeepsTheNameUnitAndPriceOfTheDaySoALaterPriceChangeDoesNotAlterIt() {
            Material valve = material("VALVE", "12.50");
            WorkOrder order = onSite();
            order.complete(confirmedBy("王先生"), List.of(use(valve, "2")), minute(90));

            valve.update("新款角阀", "New valve", "只", "each", new BigDecimal("20.00"), true);

            WorkOrderMaterial line = order.getMaterials().get(0);
            assertThat(line.getName()).isEqualTo("角阀");
            assertThat(line.getUnit()).isEqualTo("个");
            assertThat(line.getUnitPrice()).isEqualTo(new BigDecimal("12.50"));
            assertThat(line.getAmount()).isEqualTo(new BigDecimal("25.00"));
            assertThat(order.getMaterialsTotal()).isEqualTo(new BigDecimal("25.00"));
        }

        @ParameterizedTest(name = "quantity {0}")
        @ValueSource(strings = {"0", "-1", "100000", "250000.5"})
        void aQuantityThatIsNotPositiveOrAbsurdlyLargeIsRefusedNamingTheMaterial(String quantity) {
            WorkOrder order = onSite();

            BusinessRuleException refused = refusal(() -> order.complete(confirmedBy("王先生"),
                    List.of(use(material("VALVE", "12.50"), quantity)), minute(90)));

            assertThat(refused.messageKey()).isEqualTo("workOrder.error.quantity");
            assertThat(refused.arguments()).containsExactly("VALVE");
            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ON_SITE);
            assertThat(order.getMaterials()).isEmpty();
        }

        @Test
        void aMissingQuantityIsRefused() {
            WorkOrder order = onSite();

            assertThat(refusal(() -> order.complete(confirmedBy("王先生"), List.of(use(material("VALVE", "12.50"), null)),
                    minute(90))).messageKey()).isEqualTo("workOrder.error.quantity");
        }

        /**
         * Quantities are kept to two decimals; one that rounds to nothing would be saved as 0.00, which the database
         * refuses (quantity > 0) with an error page instead of a message.
         */
        @ParameterizedTest(name = "quantity {0}")
        @ValueSource(strings = {"0.001", "0.004"})
        void aQuantityThatRoundsToNothingIsRefused(String quantity) {
            WorkOrder order = onSite();

            BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class,
                    () -> order.complete(confirmedBy("王先生"), List.of(use(material("VALVE", "12.50"), quantity)),
                            minute(90)));

            assertThat(refused).as("refused, not recorded as %s",
                    order.getMaterials().isEmpty() ? "-" : order.getMaterials().get(0).getQuantity()).isNotNull();
            assertThat(refused.messageKey()).isEqualTo("workOrder.error.quantity");
        }

        @Test
        void aRefusedCompletionRecordsNoMaterials() {
            WorkOrder order = onSite();

            refusal(() -> order.complete(new WorkOrder.Completion("换了存水弯", 30, null, null, null, false),
                    List.of(use(material("VALVE", "12.50"), "2")), minute(90)));

            assertThat(order.getMaterials()).isEmpty();
            assertThat(order.getMaterialsTotal()).isEqualByComparingTo("0");
            assertThat(order.getCompletedAt()).isNull();
        }
    }

    @Nested
    class Reopening {

        @Test
        void aReopenedJobGoesBackToTheSameTechnicianCountedAndToBeAcceptedAgain() {
            WorkOrder order = completed();

            reopen(order);

            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
            assertThat(order.getTechnicianId()).isEqualTo(PLUMBER);
            assertThat(order.getReopenCount()).isOne();
            assertThat(order.getAcceptedAt()).isNull();
            assertThat(order.getArrivedAt()).isNull();
            assertThat(order.getCompletedAt()).isNull();
        }

        @Test
        void everyReopeningIsCounted() {
            WorkOrder order = completed();
            reopen(order);
            order.accept(PLUMBER, minute(300));
            order.arrive(minute(320));
            order.complete(confirmedBy("王先生"), List.of(), minute(340));

            reopen(order);

            assertThat(order.getReopenCount()).isEqualTo(2);
            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
        }

        @Test
        void completingAgainReplacesTheMaterialsOfTheFirstVisit() {
            WorkOrder order = onSite();
            order.complete(confirmedBy("王先生"), List.of(use(material("VALVE", "12.50"), "2")), minute(90));
            reopen(order);
            order.accept(PLUMBER, minute(300));
            order.arrive(minute(320));

            order.complete(confirmedBy("王先生"), List.of(use(material("TAPE", "3.20"), "1")), minute(340));

            assertThat(order.getMaterials()).extracting(WorkOrderMaterial::getCode).containsExactly("TAPE");
            assertThat(order.getMaterialsTotal()).isEqualTo(new BigDecimal("3.20"));
        }
    }

    @Nested
    class Reassigning {

        @Test
        void theNewTechnicianHasToAcceptAgain() {
            WorkOrder order = accepted();

            order.reassign(WorkOrder.Assignee.technician(OTHER_PLUMBER), "  老李请假  ", "lead", "主管老陈", minute(20));

            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
            assertThat(order.getTechnicianId()).isEqualTo(OTHER_PLUMBER);
            assertThat(order.getAcceptedAt()).isNull();
            assertThat(order.getAssignedAt()).isEqualTo(minute(20));
            assertThat(order.getAssignedBy()).isEqualTo("lead");
            assertThat(order.getAssignedByName()).isEqualTo("主管老陈");
        }

        @Test
        void aReassignedAutomaticAssignmentIsNoLongerAutomaticNorDueToExpire() {
            WorkOrder order = assignedAutomatically();

            order.reassign(WorkOrder.Assignee.technician(OTHER_PLUMBER), "换人", "dispatcher", "调度小张", minute(5));

            assertThat(order.isAutoAssigned()).isFalse();
            assertThat(order.getAcceptBy()).isNull();
            assertThat(refusal(() -> order.expire(minute(60))).messageKey()).isEqualTo("workOrder.error.illegalStep");
        }

        @Test
        void aPausedJobHandedOnKeepsItsArrivalButNotThePause() {
            WorkOrder order = paused();

            order.reassign(WorkOrder.Assignee.technician(OTHER_PLUMBER), "老李病了", "dispatcher", "调度小张", minute(60));

            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
            assertThat(order.getArrivedAt()).isEqualTo(minute(40));
            assertThat(order.getPausedAt()).isNull();
            assertThat(order.getPauseReason()).isNull();
            assertThat(order.getExpectedResumeAt()).isNull();
        }

        @Test
        void toATeamLeavesNoTechnicianUntilAMemberAccepts() {
            WorkOrder order = accepted();

            order.reassign(WorkOrder.Assignee.team(TEAM), "交给班组", "dispatcher", "调度小张", minute(20));

            assertThat(order.getTechnicianId()).isNull();
            assertThat(order.getTeamId()).isEqualTo(TEAM);
        }
    }

    @Nested
    class AutomaticAssignmentsNotAcceptedInTime {

        @Test
        void expireOnceTheDeadlineIsReached() {
            WorkOrder atDeadline = assignedAutomatically();
            atDeadline.expire(minute(15));
            WorkOrder after = assignedAutomatically();
            after.expire(minute(40));

            assertThat(atDeadline.getStatus()).isEqualTo(WorkOrderStatus.EXPIRED);
            assertThat(atDeadline.getAcceptBy()).isNull();
            assertThat(atDeadline.getCancelledAt()).isEqualTo(minute(15));
            assertThat(after.getStatus()).isEqualTo(WorkOrderStatus.EXPIRED);
        }

        @Test
        void doNotExpireBeforeTheDeadline() {
            WorkOrder order = assignedAutomatically();

            BusinessRuleException refused = refusal(() -> order.expire(minute(14)));

            assertThat(refused.messageKey()).isEqualTo("workOrder.error.illegalStep");
            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
            assertThat(order.getAcceptBy()).isEqualTo(minute(15));
        }

        @Test
        void aManualAssignmentNeverExpires() {
            WorkOrder order = assigned();

            assertThat(refusal(() -> order.expire(minute(10_000))).messageKey()).isEqualTo("workOrder.error.illegalStep");
            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
        }

        @Test
        void anAcceptedAutomaticAssignmentNeverExpires() {
            WorkOrder order = assignedAutomatically();
            order.accept(PLUMBER, minute(10));

            assertThat(refusal(() -> order.expire(minute(60))).messageKey()).isEqualTo("workOrder.error.illegalStep");
            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ACCEPTED);
        }
    }

    @Nested
    class WhoWorksIt {

        @Test
        void aTechniciansWorkOrderIsTheirsAlone() {
            WorkOrder order = assigned();

            assertThat(order.isFor(PLUMBER, null)).isTrue();
            assertThat(order.isFor(PLUMBER, TEAM)).isTrue();
            assertThat(order.isFor(OTHER_PLUMBER, null)).isFalse();
            assertThat(order.isFor(OTHER_PLUMBER, TEAM)).as("a team mate of no team order").isFalse();
        }

        @Test
        void aTeamsWorkOrderIsEveryMembersUntilOneAcceptsIt() {
            WorkOrder order = assignedToTeam();

            assertThat(order.isFor(PLUMBER, TEAM)).isTrue();
            assertThat(order.isFor(OTHER_PLUMBER, TEAM)).isTrue();
            assertThat(order.isFor(OTHER_PLUMBER, TEAM + 1)).isFalse();
            assertThat(order.isFor(OTHER_PLUMBER, null)).isFalse();

            order.accept(PLUMBER, minute(5));

            assertThat(order.getTechnicianId()).as("the one who accepts becomes its technician").isEqualTo(PLUMBER);
            assertThat(order.isFor(PLUMBER, TEAM)).isTrue();
            assertThat(order.isFor(OTHER_PLUMBER, TEAM)).isFalse();
        }
    }

    @Nested
    class ArrivalAgainstTheTarget {

        @Test
        void isUnknownUntilTheTechnicianArrives() {
            assertThat(assigned().arrivedOnTime()).isNull();
            assertThat(accepted().arrivedOnTime()).isNull();
        }

        @Test
        void isOnTimeUpToAndIncludingTheDueMinute() {
            WorkOrder early = accepted();
            early.arrive(minute(40));
            WorkOrder justInTime = accepted();
            justInTime.arrive(DUE_ARRIVAL);

            assertThat(early.arrivedOnTime()).isTrue();
            assertThat(justInTime.arrivedOnTime()).isTrue();
        }

        @Test
        void isLateAfterTheDueTime() {
            WorkOrder order = accepted();
            order.arrive(DUE_ARRIVAL.plusSeconds(1));

            assertThat(order.arrivedOnTime()).isFalse();
        }

        @Test
        void isUnknownForWorkWithoutAnArrivalTarget() {
            WorkOrder order = WorkOrder.assign("R-1-1", 1L, 2L, WorkOrder.Assignee.technician(PLUMBER), null, false,
                    null, "dispatcher", "调度小张", minute(0));
            order.accept(PLUMBER, minute(5));
            order.arrive(minute(500));

            assertThat(order.arrivedOnTime()).isNull();
        }
    }

    @Nested
    class WhatARequestsWorkOrdersAddUpTo {

        static WorkState of(WorkOrder... orders) {
            return WorkOrderService.stateOf(List.of(orders));
        }

        @Test
        void noWorkOrdersIsWaiting() {
            assertThat(of()).isEqualTo(WorkState.WAITING);
        }

        @Test
        void assignedOrAcceptedIsSomeoneComing() {
            assertThat(of(assigned())).isEqualTo(WorkState.ASSIGNED);
            assertThat(of(accepted())).isEqualTo(WorkState.ASSIGNED);
        }

        @Test
        void someoneOnSiteWinsOverEverythingElse() {
            assertThat(of(paused(), assigned(), onSite(), completed())).isEqualTo(WorkState.ON_SITE);
            assertThat(of(completed(), onSite())).isEqualTo(WorkState.ON_SITE);
        }

        @Test
        void someoneComingWinsOverPausedWork() {
            assertThat(of(paused(), accepted())).isEqualTo(WorkState.ASSIGNED);
        }

        @Test
        void pausedWorkWithTheRestDoneIsPaused() {
            assertThat(of(paused())).isEqualTo(WorkState.PAUSED);
            assertThat(of(completed(), paused())).isEqualTo(WorkState.PAUSED);
        }

        @Test
        void allWorkDoneIsDoneWhateverWasCancelledOrDeclinedBefore() {
            assertThat(of(completed())).isEqualTo(WorkState.DONE);
            assertThat(of(completed(), completed())).isEqualTo(WorkState.DONE);
            assertThat(of(completed(), cancelled())).as("the dispatcher called the rest off").isEqualTo(WorkState.DONE);
            assertThat(of(declined(), completed())).as("a replacement finished the job").isEqualTo(WorkState.DONE);
            assertThat(of(expired(), completed())).as("a replacement finished the job").isEqualTo(WorkState.DONE);
        }

        @Test
        void workThatEndedUndoneIsWaitingForSomeone() {
            assertThat(of(declined())).isEqualTo(WorkState.WAITING);
            assertThat(of(cancelled())).isEqualTo(WorkState.WAITING);
            assertThat(of(expired())).isEqualTo(WorkState.WAITING);
            assertThat(of(declined(), expired(), cancelled())).isEqualTo(WorkState.WAITING);
        }

        /**
         * The plumber finished, then the painter the dispatcher added declined: the painting is still to be done, so
         * the request goes back to the board rather than being resolved by a refusal.
         */
        @Test
        void workDeclinedOrExpiredAfterTheRestWasDoneIsStillWaitingForSomeone() {
            assertThat(of(completed(), declinedAt(95))).as("painter declined after the plumber finished")
                    .isEqualTo(WorkState.WAITING);
            assertThat(of(completed(), expiredAt(95))).as("painter never accepted after the plumber finished")
                    .isEqualTo(WorkState.WAITING);
        }

        /** A helper who declined while the main job was still under way does not keep the finished job open. */
        @Test
        void aDeclineBeforeTheWorkWasDoneDoesNotHoldItUp() {
            assertThat(of(completed(), declinedAt(30))).isEqualTo(WorkState.DONE);
        }
    }
}
