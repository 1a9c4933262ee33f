package org.propertydesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.propertydesk.dispatch.DispatchTestData.shanghai;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.propertydesk.requests.IllegalTransitionException;
import org.propertydesk.requests.Priority;
import org.propertydesk.requests.RequestIntake;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dispatch against the real database: who is suggested for a job and why, each work-order step and the state, times
 * and timeline it gives the request, two dispatchers at once, who may work a job, automatic dispatch and its timeout,
 * cancelling and reopening, and charges from the price list. Every test has its own site, people and requests; the
 * site's repairs are timed around the clock (acknowledge 30 min, on site 2 h, resolved 24 h), so due times are exact.
 * Requests come in on Wednesday 25 March 2026 at 10:00 in Shanghai.
 */
@ClockedIntegrationTest
class DispatchFlowTest {

    @Autowired
    DispatchTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    WorkOrderService service;

    @Autowired
    WorkOrderRepository workOrders;

    @Autowired
    Suggestions suggestions;

    @Autowired
    AutoDispatch autoDispatch;

    @Autowired
    RequestWork requests;

    @Autowired
    RequestIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    long site;
    long house;
    PropertyDeskUser dispatcher;
    PropertyDeskUser frontDesk;
    PropertyDeskUser plumber;

    @BeforeEach
    void aSiteWithADispatcherAndAPlumberOnDuty() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        house = data.house(site);
        aroundTheClockRepairs(site);
        dispatcher = data.dispatcher(site);
        frontDesk = data.frontDesk(site);
        plumber = data.technician(Set.of("PLUMBING"), site);
        data.shift(plumber, "2026-03-25T08:00", "2026-03-25T18:00", false);
    }

    // The site's own targets for normal repairs: on the wall clock, so that pausing moves them by exactly the pause.
    private void aroundTheClockRepairs(long siteId) {
        jdbc.sql("""
                insert into sla_policy (site_id, kind, priority, response_minutes, arrival_minutes, resolution_minutes,
                                        business_hours)
                values (?, 'REPAIR', 'NORMAL', 30, 120, 1440, false)
                """).params(siteId).update();
    }

    // Requests and steps

    private long repair() {
        return data.repair(site, house, "PLUMBING", Priority.NORMAL);
    }

    private static <T> T as(PropertyDeskUser user, Supplier<T> work) {
        return Users.callAs(user, work);
    }

    /** Assigns as the site's dispatcher, who has seen the work orders there are. */
    private WorkOrder assign(long request, PropertyDeskUser technician) {
        int active = (int) workOrders.findByRequestIdOrderById(request).stream().filter(w -> w.getStatus().isActive())
                .count();
        return as(dispatcher, () -> service.assign(request, WorkOrder.Assignee.technician(technician.id()), active));
    }

    private WorkOrder accept(PropertyDeskUser technician, WorkOrder order) {
        return as(technician, () -> service.accept(order.getId()));
    }

    private WorkOrder arrive(PropertyDeskUser technician, WorkOrder order) {
        return as(technician, () -> service.arrive(order.getId()));
    }

    private WorkOrder complete(PropertyDeskUser technician, WorkOrder order) {
        return complete(technician, order, "换了角阀", List.of());
    }

    private WorkOrder complete(PropertyDeskUser technician, WorkOrder order, String workDone,
            List<WorkOrderService.MaterialLine> materials) {
        return as(technician, () -> service.complete(order.getId(),
                new WorkOrder.Completion(workDone, 40, null, null, "王先生", false), materials, Locale.SIMPLIFIED_CHINESE));
    }

    /** Assigned, accepted and on site at the given time. */
    private WorkOrder onSite(long request, PropertyDeskUser technician, String at) {
        WorkOrder order = accept(technician, assign(request, technician));
        clock.set(at);
        return arrive(technician, order);
    }

    // What the database says

    private WorkOrder reload(WorkOrder order) {
        return workOrders.findById(order.getId()).orElseThrow();
    }

    private String status(long request) {
        return data.requestStatus(request);
    }

    private Instant time(long request, String column) {
        Timestamp value = jdbc.sql("select " + column + " from service_request where id = ?").params(request)
                .query(Timestamp.class).list().get(0);
        return value == null ? null : value.toInstant();
    }

    private int workOrderCount(long request) {
        return jdbc.sql("select work_orders from service_request where id = ?").params(request).query(Integer.class)
                .single();
    }

    private List<String> timeline(long request) {
        return data.timeline(request);
    }

    private long notifications(PropertyDeskUser recipient, String messageKey, String link) {
        return jdbc.sql("select count(*) from notification where recipient = ? and message_key = ? and link = ?")
                .params(recipient.getUsername(), messageKey, link).query(Long.class).single();
    }

    /** The dispatcher board's "not yet assigned" list for the site. */
    private List<Long> unassignedOnTheBoard() {
        return requests.board(new RequestWork.BoardFilter(site, null, null, true), SiteScope.of(List.of(site)),
                PageRequest.of(0, 100)).map(RequestWork.Job::id).getContent();
    }

    private List<Suggestions.Suggestion> ranked(long request, PropertyDeskUser... among) {
        Set<Long> ids = new java.util.HashSet<>();
        for (PropertyDeskUser user : among) {
            ids.add(user.id());
        }
        return suggestions.rank(requests.find(request).orElseThrow()).stream().filter(s -> ids.contains(s.staffId()))
                .toList();
    }

    private static List<String> reasonKeys(Suggestions.Suggestion suggestion) {
        return suggestion.reasons().stream().map(Suggestions.Reason::key).toList();
    }

    @Nested
    class Suggesting {

        @Test
        void skillComesFirstThenDuty() {
            PropertyDeskUser offDutyPlumber = data.technician(Set.of("PLUMBING"), site);
            PropertyDeskUser electrician = data.technician(Set.of("ELECTRICAL"), site);
            data.shift(electrician, "2026-03-25T08:00", "2026-03-25T18:00", false);

            List<Suggestions.Suggestion> ranked = ranked(repair(), electrician, offDutyPlumber, plumber);

            assertThat(ranked).extracting(Suggestions.Suggestion::staffId, Suggestions.Suggestion::skillMatch,
                    Suggestions.Suggestion::onDuty)
                    .containsExactly(tuple(plumber.id(), true, true), tuple(offDutyPlumber.id(), true, false),
                            tuple(electrician.id(), false, true));
            assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
            assertThat(ranked.get(1).score()).isGreaterThan(ranked.get(2).score());
        }

        @Test
        void theReasonsNameEveryFactorAndAddUpToTheScore() {
            Suggestions.Suggestion suggestion = ranked(repair(), plumber).get(0);

            assertThat(suggestion.reasons()).extracting(Suggestions.Reason::key, Suggestions.Reason::points)
                    .containsExactly(
                            tuple("dispatch.reason.skill", Suggestions.SKILL),
                            tuple("dispatch.reason.onDuty", Suggestions.ON_DUTY),
                            tuple("dispatch.reason.load", 0),
                            tuple("dispatch.reason.noHistory", Suggestions.NO_HISTORY));
            assertThat(suggestion.reasons().get(0).arguments()).containsExactly("skill.PLUMBING");
            assertThat(suggestion.reasons().get(2).arguments()).containsExactly(0L);
            assertThat(suggestion.score()).isEqualTo(suggestion.reasons().stream().mapToInt(Suggestions.Reason::points).sum());
            assertThat(suggestion.name()).isEqualTo(plumber.displayName());
        }

        @Test
        void theMissingSkillAndBeingOffDutyAreReasonsToo() {
            PropertyDeskUser electrician = data.technician(Set.of("ELECTRICAL"), site);

            Suggestions.Suggestion suggestion = ranked(repair(), electrician).get(0);

            assertThat(reasonKeys(suggestion)).containsExactly("dispatch.reason.noSkill", "dispatch.reason.offDuty",
                    "dispatch.reason.load", "dispatch.reason.noHistory");
            assertThat(suggestion.reasons().get(0).points()).isEqualTo(Suggestions.NO_SKILL);
        }

        @Test
        void amongPlumbersOnDutyTheOneWithLessOpenWorkComesFirst() {
            PropertyDeskUser busy = data.technician(Set.of("PLUMBING"), site);
            data.shift(busy, "2026-03-25T08:00", "2026-03-25T18:00", false);
            assign(repair(), busy);

            List<Suggestions.Suggestion> ranked = ranked(repair(), busy, plumber);

            assertThat(ranked).extracting(Suggestions.Suggestion::staffId).containsExactly(plumber.id(), busy.id());
            assertThat(ranked.get(1).openJobs()).isOne();
            assertThat(ranked.get(1).score()).isEqualTo(ranked.get(0).score() + Suggestions.PER_OPEN_JOB);
            assertThat(ranked.get(1).reasons()).filteredOn(r -> r.key().equals("dispatch.reason.load"))
                    .singleElement().satisfies(r -> {
                        assertThat(r.arguments()).containsExactly(1L);
                        assertThat(r.points()).isEqualTo(Suggestions.PER_OPEN_JOB);
                    });
        }

        @Test
        void finishedWorkIsNoLongerLoad() {
            WorkOrder order = onSite(repair(), plumber, "2026-03-25T10:30");
            complete(plumber, order);

            assertThat(ranked(repair(), plumber).get(0).openJobs()).isZero();
        }

        @Test
        void emergencyDutyLiftsAnUrgentJobOnly() {
            PropertyDeskUser onCall = data.technician(Set.of("PLUMBING"), site);
            data.shift(onCall, "2026-03-25T00:00", "2026-03-26T00:00", true);

            List<Suggestions.Suggestion> urgent = ranked(data.repair(site, house, "PLUMBING", Priority.URGENT), plumber,
                    onCall);
            List<Suggestions.Suggestion> normal = ranked(repair(), plumber, onCall);

            assertThat(urgent).extracting(Suggestions.Suggestion::staffId).containsExactly(onCall.id(), plumber.id());
            assertThat(urgent.get(0).emergencyDuty()).isTrue();
            assertThat(urgent.get(0).score()).isEqualTo(urgent.get(1).score() + Suggestions.EMERGENCY_DUTY_URGENT);
            assertThat(urgent.get(0).reasons()).extracting(Suggestions.Reason::key, Suggestions.Reason::points)
                    .contains(tuple("dispatch.reason.emergencyDuty", Suggestions.ON_DUTY + Suggestions.EMERGENCY_DUTY_URGENT));
            assertThat(normal).extracting(Suggestions.Suggestion::score).as("no boost for a normal job")
                    .containsExactly(normal.get(0).score(), normal.get(0).score());
            assertThat(normal).filteredOn(s -> s.staffId() == onCall.id()).singleElement()
                    .satisfies(s -> assertThat(reasonKeys(s)).contains("dispatch.reason.emergencyDutyNow"));
        }

        @Test
        void aRecordOfArrivingOnTimeCounts() {
            PropertyDeskUser punctual = data.technician(Set.of("PLUMBING"), site);
            PropertyDeskUser late = data.technician(Set.of("PLUMBING"), site);
            data.shift(punctual, "2026-03-25T08:00", "2026-03-25T18:00", false);
            data.shift(late, "2026-03-25T08:00", "2026-03-25T18:00", false);
            WorkOrder first = accept(punctual, assign(repair(), punctual));
            WorkOrder second = accept(late, assign(repair(), late));
            clock.set("2026-03-25T10:30");
            complete(punctual, arrive(punctual, first));
            clock.set("2026-03-25T12:30");
            complete(late, arrive(late, second));

            List<Suggestions.Suggestion> ranked = ranked(repair(), late, plumber, punctual);

            assertThat(ranked).extracting(Suggestions.Suggestion::staffId, Suggestions.Suggestion::onTimePercent)
                    .containsExactly(tuple(punctual.id(), 100), tuple(plumber.id(), null), tuple(late.id(), 0));
            assertThat(ranked.get(0).reasons()).extracting(Suggestions.Reason::key, Suggestions.Reason::points)
                    .contains(tuple("dispatch.reason.onTime", Suggestions.ON_TIME_MAX));
            assertThat(ranked.get(0).reasons()).filteredOn(r -> r.key().equals("dispatch.reason.onTime"))
                    .singleElement().satisfies(r -> assertThat(r.arguments()).containsExactly(100, 1L));
            assertThat(ranked.get(2).reasons()).extracting(Suggestions.Reason::key, Suggestions.Reason::points)
                    .contains(tuple("dispatch.reason.onTime", 0));
        }

        @Test
        void techniciansWhoDoNotServeTheSiteAreNotSuggested() {
            long otherSite = data.site();
            PropertyDeskUser elsewhere = data.technician(Set.of("PLUMBING"), otherSite);
            data.shift(elsewhere, "2026-03-25T08:00", "2026-03-25T18:00", false);

            List<Long> suggested = suggestions.rank(requests.find(repair()).orElseThrow()).stream()
                    .map(Suggestions.Suggestion::staffId).toList();

            assertThat(suggested).contains(plumber.id()).doesNotContain(elsewhere.id());
        }
    }

    @Nested
    class EachStepMovesTheRequest {

        @Test
        void assigningDispatchesTheRequestAndTellsTheTechnician() {
            long request = repair();
            clock.set("2026-03-25T10:05");

            WorkOrder order = assign(request, plumber);

            assertThat(status(request)).isEqualTo("DISPATCHED");
            assertThat(workOrderCount(request)).isOne();
            assertThat(time(request, "acknowledged_at")).isEqualTo(shanghai("2026-03-25T10:05"));
            assertThat(time(request, "dispatched_at")).isEqualTo(shanghai("2026-03-25T10:05"));
            assertThat(timeline(request)).containsExactly("received", "workAssigned");
            WorkOrder saved = reload(order);
            assertThat(saved.getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
            assertThat(saved.getTechnicianId()).isEqualTo(plumber.id());
            assertThat(saved.getNumber()).isEqualTo(requests.find(request).orElseThrow().number() + "-1");
            assertThat(saved.getDueArrivalAt()).isEqualTo(shanghai("2026-03-25T12:00"))
                    .isEqualTo(time(request, "due_arrival_at"));
            assertThat(saved.getAssignedByName()).isEqualTo(dispatcher.displayName());
            assertThat(saved.isAutoAssigned()).isFalse();
            assertThat(notifications(plumber, "notification.workAssigned", "/work/" + order.getId())).isOne();
        }

        @Test
        void acceptingKeepsTheRequestDispatched() {
            long request = repair();
            WorkOrder order = assign(request, plumber);
            clock.set("2026-03-25T10:10");

            accept(plumber, order);

            assertThat(reload(order).getStatus()).isEqualTo(WorkOrderStatus.ACCEPTED);
            assertThat(reload(order).getAcceptedAt()).isEqualTo(shanghai("2026-03-25T10:10"));
            assertThat(status(request)).isEqualTo("DISPATCHED");
            assertThat(timeline(request)).containsExactly("received", "workAssigned", "workAccepted");
        }

        @Test
        void arrivingPutsTheRequestInProgressAndMeetsTheArrivalTargetInTime() {
            long request = repair();

            WorkOrder order = onSite(request, plumber, "2026-03-25T10:40");

            assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ON_SITE);
            assertThat(order.arrivedOnTime()).isTrue();
            assertThat(status(request)).isEqualTo("IN_PROGRESS");
            assertThat(time(request, "arrived_at")).isEqualTo(shanghai("2026-03-25T10:40"))
                    .isBefore(time(request, "due_arrival_at"));
            assertThat(timeline(request)).containsExactly("received", "workAssigned", "workAccepted", "workArrived");
        }

        @Test
        void arrivingAfterTheDueTimeIsLate() {
            long request = repair();

            WorkOrder order = onSite(request, plumber, "2026-03-25T12:30");

            assertThat(order.arrivedOnTime()).isFalse();
            assertThat(time(request, "arrived_at")).isEqualTo(shanghai("2026-03-25T12:30"))
                    .isAfter(time(request, "due_arrival_at"));
        }

        @Test
        void pausingPutsTheRequestOnHoldAndResumingPushesTheResolutionTargetBackByThePause() {
            long request = repair();
            WorkOrder order = onSite(request, plumber, "2026-03-25T10:40");
            assertThat(time(request, "due_resolve_at")).isEqualTo(shanghai("2026-03-26T10:00"));
            clock.set("2026-03-25T10:50");

            WorkOrder paused = as(plumber, () -> service.pause(order.getId(), "等配件", shanghai("2026-03-25T11:30")));

            assertThat(paused.getStatus()).isEqualTo(WorkOrderStatus.PAUSED);
            assertThat(status(request)).isEqualTo("ON_HOLD");
            assertThat(time(request, "held_at")).isEqualTo(shanghai("2026-03-25T10:50"));

            clock.set("2026-03-25T11:35");
            WorkOrder resumed = as(plumber, () -> service.resume(order.getId()));

            assertThat(resumed.getStatus()).isEqualTo(WorkOrderStatus.ON_SITE);
            assertThat(status(request)).isEqualTo("IN_PROGRESS");
            assertThat(time(request, "due_resolve_at")).as("45 minutes on hold")
                    .isEqualTo(shanghai("2026-03-26T10:45"));
            assertThat(time(request, "due_arrival_at")).as("the arrival target was met before the pause")
                    .isEqualTo(shanghai("2026-03-25T12:00"));
            assertThat(jdbc.sql("select held_seconds from service_request where id = ?").params(request)
                    .query(Long.class).single()).isEqualTo(45 * 60L);
            assertThat(timeline(request)).endsWith("workArrived", "workPaused", "workResumed");
        }

        @Test
        void completingTheOnlyWorkOrderResolvesTheRequestWithEveryStepOnTheTimeline() {
            long request = repair();
            WorkOrder order = onSite(request, plumber, "2026-03-25T10:40");
            clock.set("2026-03-25T10:50");
            as(plumber, () -> service.pause(order.getId(), "等配件", null));
            clock.set("2026-03-25T11:20");
            as(plumber, () -> service.resume(order.getId()));
            clock.set("2026-03-25T11:45");

            WorkOrder done = complete(plumber, order);

            assertThat(done.getStatus()).isEqualTo(WorkOrderStatus.COMPLETED);
            assertThat(status(request)).isEqualTo("RESOLVED");
            assertThat(time(request, "resolved_at")).isEqualTo(shanghai("2026-03-25T11:45"));
            assertThat(timeline(request)).containsExactly("received", "workAssigned", "workAccepted", "workArrived",
                    "workPaused", "workResumed", "workCompleted");
            assertThat(jdbc.sql("select at from request_event where request_id = ? order by at, id").params(request)
                    .query(Timestamp.class).list()).extracting(Timestamp::toInstant)
                    .containsExactly(shanghai("2026-03-25T10:00"), shanghai("2026-03-25T10:00"),
                            shanghai("2026-03-25T10:00"), shanghai("2026-03-25T10:40"), shanghai("2026-03-25T10:50"),
                            shanghai("2026-03-25T11:20"), shanghai("2026-03-25T11:45"));
            assertThat(jdbc.sql("select actor from request_event where request_id = ? and type = 'workCompleted'")
                    .params(request).query(String.class).single()).isEqualTo(plumber.displayName());
        }

        @Test
        void withAPlumberAndAPainterTheRequestIsResolvedOnlyWhenBothAreDone() {
            PropertyDeskUser painter = data.technician(Set.of("PAINTING"), site);
            long request = repair();
            WorkOrder plumbing = onSite(request, plumber, "2026-03-25T10:30");
            WorkOrder painting = accept(painter, assign(request, painter));
            clock.set("2026-03-25T11:00");
            arrive(painter, painting);

            assertThat(time(request, "arrived_at")).as("the first time anyone was on site")
                    .isEqualTo(shanghai("2026-03-25T10:30"));
            assertThat(workOrderCount(request)).isEqualTo(2);
            assertThat(reload(painting).getNumber()).endsWith("-2");

            clock.set("2026-03-25T11:30");
            complete(plumber, plumbing);
            assertThat(status(request)).as("the painter is still at work").isEqualTo("IN_PROGRESS");
            assertThat(time(request, "resolved_at")).isNull();

            clock.set("2026-03-25T15:00");
            complete(painter, painting);
            assertThat(status(request)).isEqualTo("RESOLVED");
            assertThat(time(request, "resolved_at")).isEqualTo(shanghai("2026-03-25T15:00"));
        }

        @Test
        void oneTechnicianPausedWhileAnotherWorksDoesNotStopTheClock() {
            PropertyDeskUser painter = data.technician(Set.of("PAINTING"), site);
            long request = repair();
            WorkOrder plumbing = onSite(request, plumber, "2026-03-25T10:30");
            WorkOrder painting = accept(painter, assign(request, painter));
            arrive(painter, painting);

            clock.set("2026-03-25T10:45");
            as(plumber, () -> service.pause(plumbing.getId(), "等配件", null));

            assertThat(status(request)).isEqualTo("IN_PROGRESS");

            clock.set("2026-03-25T11:00");
            complete(painter, painting);
            assertThat(status(request)).as("all work left is paused").isEqualTo("ON_HOLD");
        }

        @Test
        void decliningSendsTheRequestBackToTheBoardAndTellsTheDispatchers() {
            PropertyDeskUser otherDispatcher = data.dispatcher(site);
            long request = repair();
            WorkOrder order = accept(plumber, assign(request, plumber));
            clock.set("2026-03-25T10:15");

            WorkOrder declined = as(plumber, () -> service.decline(order.getId(), "  配件不对  "));

            assertThat(declined.getStatus()).isEqualTo(WorkOrderStatus.DECLINED);
            assertThat(declined.getDeclineReason()).isEqualTo("配件不对");
            assertThat(status(request)).isEqualTo("ACKNOWLEDGED");
            assertThat(timeline(request)).endsWith("workDeclined");
            assertThat(unassignedOnTheBoard()).contains(request);
            assertThat(notifications(dispatcher, "notification.workDeclined", "/requests/" + request)).isOne();
            assertThat(notifications(otherDispatcher, "notification.workDeclined", "/requests/" + request)).isOne();
        }

        @Test
        void anotherTechnicianCanBeAssignedAfterADecline() {
            PropertyDeskUser second = data.technician(Set.of("PLUMBING"), site);
            long request = repair();
            WorkOrder first = assign(request, plumber);
            as(plumber, () -> service.decline(first.getId(), "今天请假"));

            WorkOrder replacement = assign(request, second);

            assertThat(replacement.getNumber()).endsWith("-2");
            assertThat(status(request)).isEqualTo("DISPATCHED");
            assertThat(workOrderCount(request)).isEqualTo(2);
        }

        @Test
        void assigningARequestHeldByHandEndsTheHoldAndTheTimeOnHoldPushesTheTargetsBack() {
            long request = repair();
            Users.runAs(frontDesk, () -> intake.act(request, "acknowledge", null));
            Users.runAs(frontDesk, () -> intake.act(request, "hold", "业主出差，周五回来"));
            clock.set("2026-03-25T11:00");

            assign(request, plumber);

            assertThat(status(request)).isEqualTo("DISPATCHED");
            assertThat(time(request, "due_arrival_at")).as("an hour on hold").isEqualTo(shanghai("2026-03-25T13:00"));
            assertThat(time(request, "due_resolve_at")).isEqualTo(shanghai("2026-03-26T11:00"));
            assertThat(timeline(request)).containsExactly("received", "acknowledged", "held", "workAssigned");
        }

        @Test
        void theRequestCannotBeMovedByHandOnceItHasWorkOrders() {
            long request = repair();
            assign(request, plumber);

            for (String[] move : new String[][] {{"arrive", null}, {"hold", "等配件"}, {"resolve", "修好了"},
                    {"dispatch", null}}) {
                assertThatThrownBy(() -> Users.runAs(frontDesk, () -> intake.act(request, move[0], move[1])))
                        .as(move[0]).isInstanceOf(IllegalTransitionException.class)
                        .extracting(e -> ((BusinessRuleException) e).messageKey())
                        .isEqualTo("request.error.followsWorkOrders");
            }
            assertThat(status(request)).isEqualTo("DISPATCHED");
        }

        @Test
        void aPausedJobHandedToAnotherTechnicianEndsTheHold() {
            PropertyDeskUser relief = data.technician(Set.of("PLUMBING"), site);
            long request = repair();
            WorkOrder order = onSite(request, plumber, "2026-03-25T10:30");
            clock.set("2026-03-25T10:40");
            as(plumber, () -> service.pause(order.getId(), "老李胳膊受伤", null));
            clock.set("2026-03-25T11:00");

            WorkOrder handedOn = as(dispatcher, () -> service.reassign(order.getId(),
                    WorkOrder.Assignee.technician(relief.id()), "老李受伤", null));

            assertThat(handedOn.getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
            assertThat(handedOn.getTechnicianId()).isEqualTo(relief.id());
            assertThat(status(request)).isEqualTo("IN_PROGRESS");
            assertThat(time(request, "due_resolve_at")).as("20 minutes on hold").isEqualTo(shanghai("2026-03-26T10:20"));
            assertThat(timeline(request)).endsWith("workPaused", "workReassigned");
            assertThatThrownBy(() -> as(plumber, () -> service.resume(order.getId())))
                    .isInstanceOf(NotFoundException.class);
            accept(relief, order);
            clock.set("2026-03-25T11:30");
            arrive(relief, order);
            assertThat(time(request, "arrived_at")).as("the first arrival stands").isEqualTo(shanghai("2026-03-25T10:30"));
        }

        @Test
        void aStaleVersionIsRefusedWhenCancellingAWorkOrder() {
            long request = repair();
            WorkOrder order = assign(request, plumber);
            long seen = order.getVersion();
            accept(plumber, order);

            assertThatThrownBy(() -> as(dispatcher, () -> service.cancel(order.getId(), "不需要了", seen)))
                    .isInstanceOf(BusinessRuleException.class)
                    .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("error.concurrentChange");
            assertThat(reload(order).getStatus()).isEqualTo(WorkOrderStatus.ACCEPTED);
        }

        // Edge cases found in review: these specify what should happen; see the report for the fixes.

        /**
         * The plumber has finished and the painter the dispatcher added declines: the painting still has to be done,
         * so the request must go back to the board, not be resolved by the painter's refusal.
         */
        @Test
        void aDeclineAfterTheOtherWorkIsDoneDoesNotResolveTheRequest() {
            PropertyDeskUser painter = data.technician(Set.of("PAINTING"), site);
            long request = repair();
            WorkOrder plumbing = onSite(request, plumber, "2026-03-25T10:30");
            WorkOrder painting = assign(request, painter);
            clock.set("2026-03-25T11:00");
            complete(plumber, plumbing);
            assertThat(status(request)).isEqualTo("IN_PROGRESS");

            as(painter, () -> service.decline(painting.getId(), "不做油漆活"));

            assertThat(status(request)).isNotEqualTo("RESOLVED");
            assertThat(time(request, "resolved_at")).isNull();
            assertThat(unassignedOnTheBoard()).as("back on the board for another painter").contains(request);
        }

        /**
         * Someone was on site, paused, the job was handed to a colleague who declines: nobody is on the job any
         * more, so the board must show the request as waiting for a technician, not as in hand.
         */
        @Test
        void aDeclineAfterSomeoneWasOnSiteStillPutsTheRequestBackOnTheBoard() {
            PropertyDeskUser relief = data.technician(Set.of("PLUMBING"), site);
            long request = repair();
            WorkOrder order = onSite(request, plumber, "2026-03-25T10:30");
            as(plumber, () -> service.pause(order.getId(), "老李胳膊受伤", null));
            as(dispatcher, () -> service.reassign(order.getId(), WorkOrder.Assignee.technician(relief.id()), "老李受伤",
                    null));

            as(relief, () -> service.decline(order.getId(), "我在别的小区"));

            assertThat(workOrders.findByRequestIdOrderById(request)).noneMatch(w -> w.getStatus().isActive());
            assertThat(unassignedOnTheBoard()).contains(request);
        }

        /** A pause reason may be 500 characters; the request's hold reason must take it (with who and which job). */
        @Test
        void theLongestPauseReasonPutsTheRequestOnHold() {
            long request = repair();
            WorkOrder order = onSite(request, plumber, "2026-03-25T10:30");

            as(plumber, () -> service.pause(order.getId(), "等".repeat(500), null));

            assertThat(status(request)).isEqualTo("ON_HOLD");
            assertThat(reload(order).getPauseReason()).hasSize(500);
        }

        /** What was done may be 2000 characters; the timeline entry naming the technician must take it. */
        @Test
        void theLongestDescriptionOfTheWorkDoneResolvesTheRequest() {
            long request = repair();
            WorkOrder order = onSite(request, plumber, "2026-03-25T10:30");

            complete(plumber, order, "修".repeat(2000), List.of());

            assertThat(status(request)).isEqualTo("RESOLVED");
            assertThat(reload(order).getWorkDone()).hasSize(2000);
        }
    }

    @Nested
    class TwoDispatchersAtOnce {

        @Test
        void oneAssignsTheRequestAndTheOtherIsToldWhoTookIt() throws Exception {
            PropertyDeskUser otherDispatcher = data.dispatcher(site);
            PropertyDeskUser otherPlumber = data.technician(Set.of("PLUMBING"), site);
            long request = repair();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<Object> outcomes = new ArrayList<>();
            try (Connection someoneElse = dataSource.getConnection()) {
                // Hold the request while both dispatchers click, so that both are under way before either finishes.
                someoneElse.setAutoCommit(false);
                lockRow(someoneElse, request);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Object> first = threads.submit(() -> attempt(dispatcher, plumber, request, together));
                Future<Object> second = threads.submit(() -> attempt(otherDispatcher, otherPlumber, request, together));
                await(() -> waitingForARequestLock() >= 2 || first.isDone() || second.isDone());
                someoneElse.commit();
                outcomes.add(first.get(30, TimeUnit.SECONDS));
                outcomes.add(second.get(30, TimeUnit.SECONDS));
            } finally {
                threads.shutdownNow();
            }

            assertThat(outcomes).filteredOn(WorkOrder.class::isInstance).as("one wins").hasSize(1);
            assertThat(outcomes).filteredOn(WorkOrderService.AlreadyAssignedException.class::isInstance)
                    .as("the other is told").hasSize(1);
            WorkOrder won = (WorkOrder) outcomes.stream().filter(WorkOrder.class::isInstance).findFirst().orElseThrow();
            WorkOrderService.AlreadyAssignedException told = (WorkOrderService.AlreadyAssignedException) outcomes.stream()
                    .filter(WorkOrderService.AlreadyAssignedException.class::isInstance).findFirst().orElseThrow();
            boolean firstWon = won.getTechnicianId() == plumber.id();
            assertThat(told.messageKey()).isEqualTo("dispatch.error.alreadyTaken");
            assertThat(told.arguments()).containsExactly(
                    (firstWon ? plumber : otherPlumber).displayName(),
                    (firstWon ? dispatcher : otherDispatcher).displayName());
            assertThat(workOrders.findByRequestIdOrderById(request)).singleElement()
                    .satisfies(w -> assertThat(w.getTechnicianId()).isEqualTo(won.getTechnicianId()));
            assertThat(workOrderCount(request)).isOne();
            assertThat(timeline(request)).containsExactly("received", "workAssigned");
        }

        @Test
        void aDispatcherWhoSawTheFirstWorkOrderMayAddASecond() {
            PropertyDeskUser painter = data.technician(Set.of("PAINTING"), site);
            long request = repair();
            assign(request, plumber);

            WorkOrder second = as(dispatcher, () -> service.assign(request, WorkOrder.Assignee.technician(painter.id()), 1));

            assertThat(second.getTechnicianId()).isEqualTo(painter.id());
            assertThat(workOrderCount(request)).isEqualTo(2);
        }

        @Test
        void theSameTechnicianIsNotGivenTheSameRequestTwice() {
            long request = repair();
            assign(request, plumber);

            assertThatThrownBy(() -> as(dispatcher, () -> service.assign(request,
                    WorkOrder.Assignee.technician(plumber.id()), 1)))
                    .isInstanceOf(BusinessRuleException.class)
                    .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("dispatch.error.alreadyOnIt");
            assertThat(workOrderCount(request)).isOne();
        }

        private Object attempt(PropertyDeskUser who, PropertyDeskUser technician, long request, CyclicBarrier together)
                throws Exception {
            together.await(10, TimeUnit.SECONDS);
            try {
                return Users.callAs(who, () -> service.assign(request, WorkOrder.Assignee.technician(technician.id()), 0));
            } catch (RuntimeException refused) {
                return refused;
            }
        }

        private long waitingForARequestLock() {
            return jdbc.sql("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock' and query ilike '%from service_request%'
                    """).query(Long.class).single();
        }

        private static void lockRow(Connection connection, long request) throws Exception {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select id from service_request where id = ? for update")) {
                statement.setLong(1, request);
                try (ResultSet ignored = statement.executeQuery()) {
                    // the row lock is what matters
                }
            }
        }

        private static void await(BooleanSupplier condition) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
        }
    }

    @Nested
    class WhoMayWorkAJob {

        @Test
        void aTechnicianCannotSeeOrMoveAnotherTechniciansWorkOrder() {
            PropertyDeskUser colleague = data.technician(Set.of("PLUMBING"), site);
            long request = repair();
            WorkOrder order = assign(request, plumber);

            assertThatThrownBy(() -> accept(colleague, order)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(colleague, () -> service.decline(order.getId(), "不是我的")))
                    .isInstanceOf(NotFoundException.class);
            assertThat(as(colleague, () -> service.findMine(order.getId()))).isEmpty();
            assertThat(as(plumber, () -> service.findMine(order.getId()))).isPresent();

            accept(plumber, order);
            assertThatThrownBy(() -> arrive(colleague, order)).isInstanceOf(NotFoundException.class);
            assertThat(reload(order).getStatus()).isEqualTo(WorkOrderStatus.ACCEPTED);
            assertThat(timeline(request)).containsExactly("received", "workAssigned", "workAccepted");
        }

        @Test
        void aTeamMemberTakesTheTeamsWorkOrderAndAnotherTeamCannot() {
            PropertyDeskUser first = data.technician(Set.of("PLUMBING"), site);
            PropertyDeskUser mate = data.technician(Set.of("PLUMBING"), site);
            PropertyDeskUser outsider = data.technician(Set.of("PLUMBING"), site);
            long team = data.team("水电班", site, first, mate);
            data.team("保洁班", site, outsider);
            long request = repair();
            WorkOrder order = as(dispatcher, () -> service.assign(request, WorkOrder.Assignee.team(team), 0));
            assertThat(order.getTechnicianId()).isNull();
            assertThat(notifications(first, "notification.workAssigned", "/work/" + order.getId())).isOne();
            assertThat(notifications(mate, "notification.workAssigned", "/work/" + order.getId())).isOne();

            assertThatThrownBy(() -> accept(outsider, order)).isInstanceOf(NotFoundException.class);
            assertThat(as(mate, () -> service.findMine(order.getId()))).isPresent();

            WorkOrder taken = accept(first, order);

            assertThat(taken.getTechnicianId()).isEqualTo(first.id());
            assertThat(taken.getTeamId()).isEqualTo(team);
            assertThat(status(request)).isEqualTo("DISPATCHED");
            assertThatThrownBy(() -> arrive(mate, order)).as("no longer the team's to take")
                    .isInstanceOf(NotFoundException.class);
            arrive(first, order);
            assertThat(status(request)).isEqualTo("IN_PROGRESS");
        }

        @Test
        void aDispatcherOfAnotherSiteCannotAssign() {
            long otherSite = data.site();
            PropertyDeskUser stranger = data.dispatcher(otherSite);
            long request = repair();

            assertThatThrownBy(() -> as(stranger, () -> service.assign(request,
                    WorkOrder.Assignee.technician(plumber.id()), 0))).isInstanceOf(NotFoundException.class);
            assertThat(workOrderCount(request)).isZero();
        }

        @Test
        void aTechnicianWhoDoesNotServeTheSiteCannotBeAssigned() {
            PropertyDeskUser elsewhere = data.technician(Set.of("PLUMBING"), data.site());
            long request = repair();

            assertThatThrownBy(() -> assign(request, elsewhere)).isInstanceOf(BusinessRuleException.class)
                    .extracting(e -> ((BusinessRuleException) e).messageKey())
                    .isEqualTo("dispatch.error.technicianNotServing");
            assertThat(status(request)).isEqualTo("NEW");
        }
    }

    @Nested
    class AutomaticDispatch {

        @Test
        void aNewRepairGoesToTheBestPlumberOnDutyWhoHasAWhileToAccept() {
            data.autoDispatch(site, "PLUMBING", 15);

            long request = repair();

            assertThat(workOrders.findByRequestIdOrderById(request)).singleElement().satisfies(order -> {
                assertThat(order.getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
                assertThat(order.isAutoAssigned()).isTrue();
                assertThat(order.getTechnicianId()).isEqualTo(plumber.id());
                assertThat(order.getAcceptBy()).isEqualTo(shanghai("2026-03-25T10:15"));
                assertThat(order.getAssignedBy()).isEqualTo("system");
            });
            assertThat(status(request)).isEqualTo("DISPATCHED");
            assertThat(timeline(request)).containsExactly("received", "workAssigned");
        }

        @Test
        void aRuleForTheParentCategoryCoversItsChildren() {
            data.autoDispatch(site, "PLUMBING", 15);

            long request = data.repair(site, house, "PLUMBING_BLOCKED_DRAIN", Priority.NORMAL);

            assertThat(workOrders.findByRequestIdOrderById(request)).singleElement()
                    .satisfies(order -> assertThat(order.getTechnicianId()).isEqualTo(plumber.id()));
        }

        @Test
        void notAcceptedInTimeItGoesBackToTheBoardAndTheDispatchersAreTold() {
            data.autoDispatch(site, "PLUMBING", 15);
            long request = repair();
            WorkOrder order = workOrders.findByRequestIdOrderById(request).get(0);

            clock.set("2026-03-25T10:14");
            autoDispatch.expireUnaccepted();
            assertThat(reload(order).getStatus()).as("still within the time to accept").isEqualTo(WorkOrderStatus.ASSIGNED);

            clock.set("2026-03-25T10:16");
            autoDispatch.expireUnaccepted();

            assertThat(reload(order).getStatus()).isEqualTo(WorkOrderStatus.EXPIRED);
            assertThat(status(request)).isEqualTo("ACKNOWLEDGED");
            assertThat(timeline(request)).containsExactly("received", "workAssigned", "workExpired");
            assertThat(unassignedOnTheBoard()).contains(request);
            assertThat(notifications(dispatcher, "notification.autoDispatchExpired", "/requests/" + request)).isOne();
        }

        @Test
        void acceptedInTimeItDoesNotExpire() {
            data.autoDispatch(site, "PLUMBING", 15);
            long request = repair();
            WorkOrder order = workOrders.findByRequestIdOrderById(request).get(0);
            clock.set("2026-03-25T10:10");
            accept(plumber, order);

            clock.set("2026-03-25T11:00");
            autoDispatch.expireUnaccepted();

            assertThat(reload(order).getStatus()).isEqualTo(WorkOrderStatus.ACCEPTED);
            assertThat(status(request)).isEqualTo("DISPATCHED");
        }

        @Test
        void withoutARuleNothingIsAssigned() {
            long request = repair();

            assertThat(workOrders.findByRequestIdOrderById(request)).isEmpty();
            assertThat(status(request)).isEqualTo("NEW");
        }

        @Test
        void aRuleForAnotherCategoryDoesNotApply() {
            data.autoDispatch(site, "ELECTRICAL", 15);

            assertThat(workOrders.findByRequestIdOrderById(repair())).isEmpty();
        }

        @Test
        void withNobodySuitableOnDutyNothingIsAssigned() {
            long quiet = data.site();
            aroundTheClockRepairs(quiet);
            PropertyDeskUser offDuty = data.technician(Set.of("PLUMBING"), quiet);
            PropertyDeskUser electrician = data.technician(Set.of("ELECTRICAL"), quiet);
            data.shift(electrician, "2026-03-25T08:00", "2026-03-25T18:00", false);
            data.shift(offDuty, "2026-03-25T18:00", "2026-03-26T08:00", false);
            data.autoDispatch(quiet, "PLUMBING", 15);

            long request = data.repair(quiet, data.house(quiet), "PLUMBING", Priority.NORMAL);

            assertThat(workOrders.findByRequestIdOrderById(request)).isEmpty();
            assertThat(status(request)).isEqualTo("NEW");
        }
    }

    @Nested
    class CancellingAndReopening {

        @Test
        void cancellingTheRequestCallsOffItsActiveWorkOrders() {
            PropertyDeskUser painter = data.technician(Set.of("PAINTING"), site);
            PropertyDeskUser electrician = data.technician(Set.of("ELECTRICAL"), site);
            long request = repair();
            WorkOrder declined = assign(request, electrician);
            as(electrician, () -> service.decline(declined.getId(), "不是电路问题"));
            WorkOrder plumbing = onSite(request, plumber, "2026-03-25T10:30");
            WorkOrder painting = assign(request, painter);
            clock.set("2026-03-25T10:45");

            Users.runAs(frontDesk, () -> intake.act(request, "cancel", "业主取消"));

            assertThat(status(request)).isEqualTo("CANCELLED");
            for (WorkOrder order : List.of(plumbing, painting)) {
                WorkOrder saved = reload(order);
                assertThat(saved.getStatus()).isEqualTo(WorkOrderStatus.CANCELLED);
                assertThat(saved.getCancelledAt()).isEqualTo(shanghai("2026-03-25T10:45"));
            }
            assertThat(reload(declined).getStatus()).as("already over").isEqualTo(WorkOrderStatus.DECLINED);
            assertThat(notifications(plumber, "notification.workCalledOff", "/work/" + plumbing.getId())).isOne();
            assertThat(notifications(painter, "notification.workCalledOff", "/work/" + painting.getId())).isOne();
        }

        @Test
        void reopeningSendsTheLastFinishedJobBackToTheSameTechnician() {
            long request = repair();
            WorkOrder order = onSite(request, plumber, "2026-03-25T10:30");
            complete(plumber, order);
            assertThat(status(request)).isEqualTo("RESOLVED");
            clock.set("2026-03-25T14:00");

            Users.runAs(frontDesk, () -> intake.act(request, "reopen", "还在漏"));

            WorkOrder reopened = reload(order);
            assertThat(reopened.getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
            assertThat(reopened.getReopenCount()).isOne();
            assertThat(reopened.getTechnicianId()).isEqualTo(plumber.id());
            assertThat(notifications(plumber, "notification.workReopened", "/work/" + order.getId()))
                    .as("told once").isOne();

            accept(plumber, order);
            clock.set("2026-03-25T14:30");
            arrive(plumber, order);
            assertThat(status(request)).isEqualTo("IN_PROGRESS");
            assertThat(time(request, "arrived_at")).as("the new visit is timed afresh")
                    .isEqualTo(shanghai("2026-03-25T14:30"));
            clock.set("2026-03-25T15:00");
            complete(plumber, order);
            assertThat(status(request)).isEqualTo("RESOLVED");
            assertThat(timeline(request)).containsSubsequence("workCompleted", "reopened", "workAccepted", "workArrived",
                    "workCompleted");
        }

        @Test
        void reopeningSendsBackOnlyTheJobFinishedLast() {
            PropertyDeskUser painter = data.technician(Set.of("PAINTING"), site);
            long request = repair();
            WorkOrder plumbing = onSite(request, plumber, "2026-03-25T10:30");
            WorkOrder painting = accept(painter, assign(request, painter));
            arrive(painter, painting);
            clock.set("2026-03-25T11:00");
            complete(plumber, plumbing);
            clock.set("2026-03-25T12:00");
            complete(painter, painting);

            Users.runAs(frontDesk, () -> intake.act(request, "reopen", "墙面又起皮"));

            assertThat(reload(plumbing).getStatus()).isEqualTo(WorkOrderStatus.COMPLETED);
            assertThat(reload(painting).getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
            assertThat(reload(painting).getReopenCount()).isOne();
        }

        /**
         * The painter declined after the plumbing was done, the dispatcher resolved the request by hand, and the owner
         * reopened it: the plumber's job goes back to them, so the request is in hand again, off the unassigned list,
         * and its work moves follow the work order once more.
         */
        @Test
        void reopeningAfterAHandResolutionPutsTheJobBackInHand() {
            PropertyDeskUser painter = data.technician(Set.of("PAINTING"), site);
            long request = repair();
            WorkOrder plumbing = onSite(request, plumber, "2026-03-25T10:30");
            WorkOrder painting = assign(request, painter);
            clock.set("2026-03-25T11:00");
            complete(plumber, plumbing);
            clock.set("2026-03-25T11:30");
            as(painter, () -> service.decline(painting.getId(), "不做油漆活"));
            assertThat(status(request)).as("the painting still needs someone").isEqualTo("ACKNOWLEDGED");
            Users.runAs(frontDesk, () -> intake.act(request, "resolve", "业主不需要刷漆了"));

            Users.runAs(frontDesk, () -> intake.act(request, "reopen", "还在漏"));

            assertThat(reload(plumbing).getStatus()).isEqualTo(WorkOrderStatus.ASSIGNED);
            assertThat(unassignedOnTheBoard()).doesNotContain(request);
            assertThatThrownBy(() -> Users.runAs(frontDesk, () -> intake.act(request, "resolve", "再次手工解决")))
                    .hasMessageContaining("request.error.followsWorkOrders");
        }

        /**
         * A reopened repair's arrival is timed afresh from the reopening (14:00 + 2 h); the technician going back is
         * measured against that, not against the first visit's target of 12:00.
         */
        @Test
        void theReopenedJobIsTimedAgainstTheNewArrivalTarget() {
            long request = repair();
            WorkOrder order = onSite(request, plumber, "2026-03-25T10:30");
            complete(plumber, order);
            clock.set("2026-03-25T14:00");
            Users.runAs(frontDesk, () -> intake.act(request, "reopen", "还在漏"));
            assertThat(time(request, "due_arrival_at")).isEqualTo(shanghai("2026-03-25T16:00"));

            accept(plumber, order);
            clock.set("2026-03-25T14:30");
            WorkOrder back = arrive(plumber, order);

            assertThat(back.getDueArrivalAt()).isEqualTo(shanghai("2026-03-25T16:00"));
            assertThat(back.arrivedOnTime()).as("on site 90 minutes before the new target").isTrue();
        }
    }

    @Nested
    class Charges {

        @Test
        void materialsArePricedFromTheListLineByLineAndInTotal() {
            String valve = data.material("角阀", "12.50");
            String tape = data.material("生料带", "3.20");
            long request = repair();
            WorkOrder order = onSite(request, plumber, "2026-03-25T10:30");

            complete(plumber, order, "换了两个角阀", List.of(new WorkOrderService.MaterialLine(valve, new BigDecimal("2")),
                    new WorkOrderService.MaterialLine(" " + tape.toLowerCase(Locale.ROOT) + " ", BigDecimal.ONE)));

            assertThat(jdbc.sql("""
                    select code, name, unit_price, quantity, amount from work_order_material
                    where work_order_id = ? order by id
                    """).params(order.getId()).query((rs, n) -> tuple(rs.getString(1), rs.getString(2),
                    rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5))).list())
                    .containsExactly(
                            tuple(valve, "角阀", new BigDecimal("12.50"), new BigDecimal("2.00"), new BigDecimal("25.00")),
                            tuple(tape, "生料带", new BigDecimal("3.20"), new BigDecimal("1.00"), new BigDecimal("3.20")));
            assertThat(reload(order).getMaterialsTotal()).isEqualTo(new BigDecimal("28.20"));
        }

        @Test
        void aLaterPriceChangeDoesNotAlterWhatWasCharged() {
            String valve = data.material("角阀", "12.50");
            long request = repair();
            WorkOrder order = onSite(request, plumber, "2026-03-25T10:30");
            complete(plumber, order, "换了角阀", List.of(new WorkOrderService.MaterialLine(valve, new BigDecimal("2"))));

            jdbc.sql("update material set unit_price = 20.00 where code = ?").params(valve).update();

            assertThat(jdbc.sql("select amount from work_order_material where work_order_id = ?").params(order.getId())
                    .query(BigDecimal.class).single()).isEqualTo(new BigDecimal("25.00"));
            assertThat(reload(order).getMaterialsTotal()).isEqualTo(new BigDecimal("25.00"));
        }

        @Test
        void aMaterialNotOnTheListIsRefusedAndNothingIsCompleted() {
            long request = repair();
            WorkOrder order = onSite(request, plumber, "2026-03-25T10:30");

            assertThatThrownBy(() -> complete(plumber, order, "换了角阀",
                    List.of(new WorkOrderService.MaterialLine("NO-SUCH-PART", BigDecimal.ONE))))
                    .isInstanceOf(BusinessRuleException.class)
                    .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("workOrder.error.unknownMaterial");
            assertThat(reload(order).getStatus()).isEqualTo(WorkOrderStatus.ON_SITE);
            assertThat(status(request)).isEqualTo("IN_PROGRESS");
        }

        @Test
        void aPaidSpecialServiceIsRecordedWithItsCharge() {
            long request = repair();
            WorkOrder order = onSite(request, plumber, "2026-03-25T10:30");

            as(plumber, () -> service.complete(order.getId(),
                    new WorkOrder.Completion("室内换龙头", 30, new BigDecimal("80"), true, null, true), List.of(),
                    Locale.SIMPLIFIED_CHINESE));

            WorkOrder saved = reload(order);
            assertThat(saved.getCharge()).isEqualTo(new BigDecimal("80.00"));
            assertThat(saved.getChargePaid()).isTrue();
            assertThat(saved.isOwnerAbsent()).isTrue();
            assertThat(saved.getConfirmedBy()).isNull();
        }
    }
}
