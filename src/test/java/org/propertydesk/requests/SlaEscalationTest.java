package org.propertydesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.requests.RequestExamples.timeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.requests.RequestsTestData.Site;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The escalation job on the real database: a missed target is recorded as a breach and escalated once to the site's
 * dispatchers, an hour later once to its managers, never twice even when two app instances run the job at the same
 * moment, not at all while the clock is stopped or the request is finished, and afresh when a reopened request misses
 * its new targets.
 * <p>
 * The clock stands in June 2025, before every other request test's requests fall due, so the job sees only the requests
 * these tests create. Sites have the default hours (08:00–18:00 every day); an urgent repair received at 10:00 is due
 * to be acknowledged by 10:15 and someone on site by 10:30.
 */
@RequestsIntegrationTest
class SlaEscalationTest {

    @Autowired
    RequestsTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    SlaEscalation escalation;

    @Autowired
    JdbcClient jdbc;

    Site site;
    Site otherSite;
    PropertyDeskUser frontDesk;
    PropertyDeskUser dispatcher;
    PropertyDeskUser secondDispatcher;
    PropertyDeskUser allSitesDispatcher;
    PropertyDeskUser otherSitesDispatcher;
    String inactiveDispatcher;
    String manager;
    String allSitesManager;
    String otherSitesManager;

    @BeforeEach
    void aSiteWithItsDispatchersAndManagers() {
        clock.set("2025-06-04T10:00"); // a Wednesday
        site = data.site();
        otherSite = data.site();
        frontDesk = data.frontDesk(site);
        dispatcher = data.dispatcher(site);
        secondDispatcher = data.dispatcher(site, otherSite);
        allSitesDispatcher = data.dispatcher();
        otherSitesDispatcher = data.dispatcher(otherSite);
        inactiveDispatcher = data.dispatcher(site).getUsername();
        jdbc.sql("update staff set active = false where username = ?").params(inactiveDispatcher).update();
        manager = manager(site);
        allSitesManager = manager();
        otherSitesManager = manager(otherSite);
    }

    @Test
    void aRequestNotAcknowledgedInTimeIsEscalatedOnceToTheSitesActiveDispatchers() {
        ServiceRequest request = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
        clock.set("2025-06-04T10:14");
        escalation.escalateDue();
        assertThat(steps(request)).as("not yet due").isEmpty();
        assertThat(data.reload(request.getId()).getEscalatedAt()).isNull();

        clock.set("2025-06-04T10:16");
        escalation.escalateDue();

        assertThat(steps(request)).containsExactly("ACKNOWLEDGE/1/0");
        ServiceRequest escalated = data.reload(request.getId());
        assertThat(timeline(escalated)).containsExactly("received", "breached", "escalated");
        RequestEvent breached = escalated.getEvents().get(1);
        assertThat(breached.getNote()).isEqualTo("ACKNOWLEDGE");
        assertThat(breached.isInternal()).isTrue();
        assertThat(breached.getAt()).isEqualTo(RequestsTestData.shanghai("2025-06-04T10:16"));
        assertThat(escalated.getEvents().get(2).getNote()).startsWith("L1 → ");
        assertThat(told(escalated.getEvents().get(2)))
                .contains(dispatcher.getUsername(), secondDispatcher.getUsername(), allSitesDispatcher.getUsername())
                .doesNotContain(otherSitesDispatcher.getUsername(), inactiveDispatcher, manager);

        for (String told : List.of(dispatcher.getUsername(), secondDispatcher.getUsername(), allSitesDispatcher.getUsername())) {
            assertThat(escalationsOf(told, request)).as("told %s", told)
                    .containsExactly("notification.escalated.supervisor");
        }
        for (String notTold : List.of(otherSitesDispatcher.getUsername(), inactiveDispatcher, manager, allSitesManager,
                otherSitesManager, frontDesk.getUsername())) {
            assertThat(escalationsOf(notTold, request)).as("not told %s", notTold).isEmpty();
        }
        assertThat(argumentsOf(dispatcher.getUsername(), request))
                .isEqualTo(String.join("\u001f", request.getNumber(), "request.target.ACKNOWLEDGE", "2025-06-04 10:15"));
    }

    @Test
    void runningTheJobAgainDoesNothingMore() {
        ServiceRequest request = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
        clock.set("2025-06-04T10:16");
        escalation.escalateDue();

        clock.set("2025-06-04T10:20");
        escalation.escalateDue();
        escalation.escalateDue();

        assertThat(steps(request)).containsExactly("ACKNOWLEDGE/1/0");
        assertThat(timeline(data.reload(request.getId()))).containsExactly("received", "breached", "escalated");
        assertThat(escalationsOf(dispatcher.getUsername(), request)).hasSize(1);
    }

    @Test
    void anHourAfterTheBreachTheManagersAreToldOnce() {
        ServiceRequest request = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
        clock.set("2025-06-04T10:16");
        escalation.escalateDue();
        clock.set("2025-06-04T11:14");
        escalation.escalateDue();
        assertThat(escalationsOf(manager, request)).as("59 minutes after the due time").isEmpty();

        clock.set("2025-06-04T11:15");
        escalation.escalateDue();
        clock.advance(Duration.ofMinutes(30));
        escalation.escalateDue();

        assertThat(steps(request)).containsExactly("ACKNOWLEDGE/1/0", "ACKNOWLEDGE/2/0");
        ServiceRequest escalated = data.reload(request.getId());
        assertThat(timeline(escalated)).containsExactly("received", "breached", "escalated", "escalated");
        assertThat(escalated.getEvents().get(3).getNote()).startsWith("L2 → ");
        assertThat(escalated.getEscalatedAt()).as("the first escalation, which the dashboard counts")
                .isEqualTo(RequestsTestData.shanghai("2025-06-04T10:16"));
        assertThat(told(escalated.getEvents().get(3))).contains(manager, allSitesManager)
                .doesNotContain(otherSitesManager, dispatcher.getUsername());
        assertThat(escalationsOf(manager, request)).containsExactly("notification.escalated.manager");
        assertThat(escalationsOf(allSitesManager, request)).containsExactly("notification.escalated.manager");
        assertThat(escalationsOf(otherSitesManager, request)).isEmpty();
        assertThat(escalationsOf(dispatcher.getUsername(), request)).as("the dispatchers were told at the breach only")
                .containsExactly("notification.escalated.supervisor");
    }

    @Test
    void aRequestFoundLateGoesToDispatchersAndManagersInOneRun() {
        ServiceRequest request = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
        clock.set("2025-06-04T12:00");

        escalation.escalateDue();

        assertThat(steps(request)).containsExactly("ACKNOWLEDGE/1/0", "ACKNOWLEDGE/2/0");
        assertThat(escalationsOf(dispatcher.getUsername(), request)).hasSize(1);
        assertThat(escalationsOf(manager, request)).hasSize(1);
    }

    @Test
    void anAcknowledgedRepairIsEscalatedOnItsNextTargetTheArrival() {
        ServiceRequest request = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
        clock.set("2025-06-04T10:05");
        data.act(frontDesk, request.getId(), RequestAction.ACKNOWLEDGE, null);
        clock.set("2025-06-04T10:31");

        escalation.escalateDue();

        assertThat(steps(request)).containsExactly("ARRIVAL/1/0");
        assertThat(data.reload(request.getId()).getEvents()).filteredOn(e -> e.getType().equals("breached"))
                .extracting(RequestEvent::getNote).containsExactly("ARRIVAL");
    }

    @Test
    void twoInstancesRunningTheJobAtTheSameMomentEscalateEachStepOnce() throws Exception {
        List<ServiceRequest> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(data.receive(frontDesk, data.repair(site).priority(Priority.URGENT)));
        }
        clock.set("2025-06-04T11:30"); // past the manager delay too: both levels are due for every request
        long stepsBefore = allSteps();

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        int taken;
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(instances.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return escalation.escalateDue();
                }));
            }
            taken = runs.get(0).get(30, TimeUnit.SECONDS) + runs.get(1).get(30, TimeUnit.SECONDS);
        } finally {
            instances.shutdownNow();
        }

        assertThat(taken).as("steps reported by both instances together = steps recorded").isEqualTo(allSteps() - stepsBefore);
        for (ServiceRequest request : requests) {
            assertThat(steps(request)).containsExactly("ACKNOWLEDGE/1/0", "ACKNOWLEDGE/2/0");
            assertThat(timeline(data.reload(request.getId()))).containsExactly("received", "breached", "escalated", "escalated");
            assertThat(escalationsOf(dispatcher.getUsername(), request)).containsExactly("notification.escalated.supervisor");
            assertThat(escalationsOf(allSitesDispatcher.getUsername(), request)).hasSize(1);
            assertThat(escalationsOf(manager, request)).containsExactly("notification.escalated.manager");
            assertThat(escalationsOf(allSitesManager, request)).hasSize(1);
        }
    }

    @Test
    void aRequestOnHoldResolvedOrCancelledIsNotEscalated() {
        ServiceRequest onHold = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
        ServiceRequest resolved = data.receive(frontDesk, data.inquiry(site).priority(Priority.URGENT));
        ServiceRequest cancelled = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
        clock.set("2025-06-04T10:05");
        data.act(frontDesk, onHold.getId(), RequestAction.ACKNOWLEDGE, null);
        data.act(frontDesk, onHold.getId(), RequestAction.HOLD, "等业主在家");
        data.act(frontDesk, resolved.getId(), RequestAction.RESOLVE, "已电话答复");
        data.act(frontDesk, cancelled.getId(), RequestAction.CANCEL, "业主自行修好");

        clock.set("2025-06-06T10:00"); // two days later: every target of all three would be long past
        escalation.escalateDue();

        for (ServiceRequest request : List.of(onHold, resolved, cancelled)) {
            assertThat(steps(request)).as("steps of %s", request.getNumber()).isEmpty();
            assertThat(timeline(data.reload(request.getId()))).doesNotContain("breached", "escalated");
            assertThat(escalationsOf(dispatcher.getUsername(), request)).isEmpty();
        }
    }

    @Test
    void aReopenedRequestThatMissesItsNewTargetIsEscalatedAgain() {
        ServiceRequest request = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
        clock.set("2025-06-04T10:05");
        data.act(frontDesk, request.getId(), RequestAction.ACKNOWLEDGE, null);
        data.act(frontDesk, request.getId(), RequestAction.DISPATCH, null);
        clock.set("2025-06-04T10:31");
        escalation.escalateDue();
        assertThat(steps(request)).containsExactly("ARRIVAL/1/0");
        clock.set("2025-06-04T10:40");
        data.act(frontDesk, request.getId(), RequestAction.ARRIVE, null);
        clock.set("2025-06-04T10:50");
        data.act(frontDesk, request.getId(), RequestAction.RESOLVE, "换了阀门");

        clock.set("2025-06-04T11:00");
        ServiceRequest reopened = data.act(frontDesk, request.getId(), RequestAction.REOPEN, "又漏水了");
        assertThat(reopened.getDueArrivalAt()).as("a fresh arrival target").isEqualTo(RequestsTestData.shanghai("2025-06-04T11:30"));
        clock.set("2025-06-04T11:29");
        escalation.escalateDue();
        assertThat(steps(request)).as("the first round's breach does not count again").containsExactly("ARRIVAL/1/0");

        clock.set("2025-06-04T11:31");
        escalation.escalateDue();
        escalation.escalateDue();

        assertThat(steps(request)).containsExactly("ARRIVAL/1/0", "ARRIVAL/1/1");
        assertThat(data.reload(request.getId()).getEvents()).filteredOn(e -> e.getType().equals("breached"))
                .extracting(RequestEvent::getNote).containsExactly("ARRIVAL", "ARRIVAL");
        assertThat(escalationsOf(dispatcher.getUsername(), request)).hasSize(2);
        assertThat(escalationsOf(manager, request)).as("neither round is an hour late yet").isEmpty();
    }

    // Helpers

    /** The escalation steps taken for the request, as target/level/round in the order taken. */
    private List<String> steps(ServiceRequest request) {
        return jdbc.sql("select target || '/' || level || '/' || round from sla_escalation where request_id = ? order by round, level, id")
                .params(request.getId()).query(String.class).list();
    }

    /** The people an "escalated" timeline line says were told ("L1 → a, b"). */
    private static List<String> told(RequestEvent escalated) {
        return List.of(escalated.getNote().substring(escalated.getNote().indexOf('→') + 1).strip().split(", "));
    }

    private long allSteps() {
        return jdbc.sql("select count(*) from sla_escalation").query(Long.class).single();
    }

    /** The message keys of the escalation notifications the person got about this request. */
    private List<String> escalationsOf(String username, ServiceRequest request) {
        return jdbc.sql("select message_key from notification where recipient = ? and kind = 'ESCALATION' and link = ? order by id")
                .params(username, "/requests/" + request.getId()).query(String.class).list();
    }

    private String argumentsOf(String username, ServiceRequest request) {
        return jdbc.sql("select arguments from notification where recipient = ? and link = ? order by id limit 1")
                .params(username, "/requests/" + request.getId()).query(String.class).single();
    }

    /** A manager's account serving these sites (all sites when none are given); returns the username. */
    private String manager(Site... sites) {
        String username = "manager-esc-" + RequestsTestData.unique().toLowerCase();
        long id = jdbc.sql("""
                insert into staff (username, display_name, password_hash, active, all_sites,
                                   created_at, created_by, updated_at, updated_by)
                values (?, ?, '{noop}x', true, ?, now(), 'test', now(), 'test') returning id
                """).params(username, "经理" + username, sites.length == 0).query(Long.class).single();
        jdbc.sql("insert into staff_role (staff_id, role) values (?, ?)").params(id, Role.MANAGER.name()).update();
        for (Site s : sites) {
            jdbc.sql("insert into staff_site (staff_id, site_id) values (?, ?)").params(id, s.id()).update();
        }
        return username;
    }
}
