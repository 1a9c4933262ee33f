package org.propertydesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.records.CareFlag;
import org.propertydesk.requests.RequestQueue.Queue;
import org.propertydesk.requests.RequestsTestData.House;
import org.propertydesk.requests.RequestsTestData.Site;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The front desk's queues with a clock moved by hand: a request shows up at risk at 80 % of its time and breached
 * once its due time has passed, in the lists, the counters and on the page. The clock starts on Wednesday
 * 25 March 2026, 10:00 in Shanghai; every test works on a site of its own.
 */
@RequestsIntegrationTest
class RequestQueueTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    RequestsTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    RequestQueue queue;

    @Autowired
    MockMvc mvc;

    Site site;
    House house;
    PropertyDeskUser frontDesk;

    @BeforeEach
    void aSiteOfItsOwn() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        house = data.house(site);
        frontDesk = data.frontDesk(site);
    }

    private List<Long> idsIn(Queue q) {
        return idsIn(q, frontDesk);
    }

    private List<Long> idsIn(Queue q, PropertyDeskUser viewer) {
        return queue.list(new RequestQueue.Filter(q, site.id(), null), viewer.siteScope(), viewer.getUsername(),
                clock.instant(), PageRequest.of(0, 50)).map(ServiceRequest::getId).getContent();
    }

    private Map<Queue, Long> counts() {
        return queue.counts(site.id(), frontDesk.siteScope(), frontDesk.getUsername(), clock.instant());
    }

    @Test
    void aCareFlaggedRequestIsAtRiskAt80PercentAndBreachedAfterItsDueTime() throws Exception {
        long elderly = data.ownerOf(house, CareFlag.ELDERLY_ALONE);
        ServiceRequest request = data.receive(frontDesk, data.repair(site).in(house).from(elderly));
        long id = request.getId();
        assertThat(request.getPriority()).isEqualTo(Priority.URGENT); // acknowledge due 10:15, at risk from 10:12

        clock.set("2026-03-25T10:11");
        assertThat(idsIn(Queue.AT_RISK)).doesNotContain(id);
        assertThat(idsIn(Queue.NEW)).contains(id);
        assertThat(counts()).containsEntry(Queue.AT_RISK, 0L).containsEntry(Queue.BREACHED, 0L).containsEntry(Queue.NEW, 1L);

        clock.set("2026-03-25T10:12");
        assertThat(idsIn(Queue.AT_RISK)).containsExactly(id);
        assertThat(counts()).containsEntry(Queue.AT_RISK, 1L).containsEntry(Queue.BREACHED, 0L);
        assertThat(rowOf(page("AT_RISK"), request.getNumber())).contains("At risk").doesNotContain("Breached");

        clock.set("2026-03-25T10:15");
        assertThat(idsIn(Queue.AT_RISK)).as("still at risk at the due minute").containsExactly(id);
        assertThat(idsIn(Queue.BREACHED)).isEmpty();

        clock.set("2026-03-25T10:16");
        assertThat(idsIn(Queue.AT_RISK)).isEmpty();
        assertThat(idsIn(Queue.BREACHED)).containsExactly(id);
        assertThat(counts()).containsEntry(Queue.AT_RISK, 0L).containsEntry(Queue.BREACHED, 1L);
        assertThat(rowOf(page("BREACHED"), request.getNumber())).contains("Breached");
        assertThat(page("AT_RISK")).doesNotContain(request.getNumber());
    }

    @Test
    void onceAcknowledgedTheArrivalTargetIsWhatCounts() {
        ServiceRequest request = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
        long id = request.getId();
        clock.set("2026-03-25T10:05");
        data.act(frontDesk, id, RequestAction.DISPATCH, null); // on site due 10:30, at risk from 10:24

        clock.set("2026-03-25T10:23");
        assertThat(idsIn(Queue.AT_RISK)).isEmpty();
        clock.set("2026-03-25T10:24");
        assertThat(idsIn(Queue.AT_RISK)).containsExactly(id);
        clock.set("2026-03-25T10:31");
        assertThat(idsIn(Queue.BREACHED)).containsExactly(id);

        data.act(frontDesk, id, RequestAction.ARRIVE, null);
        assertThat(idsIn(Queue.BREACHED)).as("now timed against resolution, due on Friday").isEmpty();
    }

    @Test
    void aRequestOnHoldIsNeitherAtRiskNorBreached() {
        ServiceRequest request = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
        long id = request.getId();
        data.act(frontDesk, id, RequestAction.DISPATCH, null);
        data.act(frontDesk, id, RequestAction.HOLD, "等业主回家");

        clock.set("2026-03-25T12:00");

        assertThat(idsIn(Queue.ON_HOLD)).containsExactly(id);
        assertThat(idsIn(Queue.BREACHED)).isEmpty();
        assertThat(idsIn(Queue.AT_RISK)).isEmpty();
        assertThat(counts()).containsEntry(Queue.ON_HOLD, 1L).containsEntry(Queue.BREACHED, 0L);
    }

    @Test
    void queuesAreSortedByTheNextDueTime() {
        ServiceRequest normal = data.receive(frontDesk, data.repair(site).priority(Priority.NORMAL));   // ack 10:30
        ServiceRequest emergency = data.receive(frontDesk, data.repair(site).priority(Priority.EMERGENCY)); // ack 10:05
        ServiceRequest urgent = data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));   // ack 10:15

        assertThat(idsIn(Queue.OPEN)).containsExactly(emergency.getId(), urgent.getId(), normal.getId());
        assertThat(idsIn(Queue.NEW)).containsExactly(emergency.getId(), urgent.getId(), normal.getId());
    }

    @Test
    void mineOpenAndDoneQueues() {
        PropertyDeskUser colleague = data.frontDesk(site);
        ServiceRequest mine = data.receive(frontDesk, data.repair(site));
        ServiceRequest theirs = data.receive(colleague, data.repair(site));
        ServiceRequest done = data.receive(frontDesk, data.inquiry(site));
        data.act(frontDesk, done.getId(), RequestAction.RESOLVE, "已答复");

        assertThat(idsIn(Queue.MINE)).containsExactly(mine.getId());
        assertThat(idsIn(Queue.MINE, colleague)).containsExactly(theirs.getId());
        assertThat(idsIn(Queue.OPEN)).containsExactlyInAnyOrder(mine.getId(), theirs.getId());
        assertThat(idsIn(Queue.CLOSED)).containsExactly(done.getId());
        assertThat(counts()).containsEntry(Queue.MINE, 1L).containsEntry(Queue.OPEN, 2L).containsEntry(Queue.NEW, 2L);
    }

    @Test
    void staffOfAnotherSiteSeeNoneOfIt() {
        data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
        clock.set("2026-03-25T12:00");
        PropertyDeskUser stranger = data.frontDesk(data.site());

        assertThat(idsIn(Queue.OPEN, stranger)).isEmpty();
        assertThat(idsIn(Queue.BREACHED, stranger)).isEmpty();
        assertThat(queue.counts(site.id(), stranger.siteScope(), stranger.getUsername(), clock.instant()))
                .containsEntry(Queue.OPEN, 0L).containsEntry(Queue.BREACHED, 0L);
    }

    @Test
    void theCountersRefreshAsAFragment() throws Exception {
        data.receive(frontDesk, data.repair(site).priority(Priority.URGENT));
        clock.set("2026-03-25T10:16");

        String tabs = mvc.perform(get("/requests/counts").param("siteId", String.valueOf(site.id()))
                        .with(user(frontDesk)).cookie(ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(tabs).contains("id=\"queue-tabs\"").contains("Breached").doesNotContain("<html");
        assertThat(tabs).containsPattern("text-bg-danger\">1<");
    }

    /** The table row that shows the request with this number. */
    private static String rowOf(String html, String number) {
        int at = html.indexOf(">" + number + "<");
        assertThat(at).as("request %s is listed", number).isPositive();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    private String page(String q) throws Exception {
        return mvc.perform(get("/requests").param("q", q).param("siteId", String.valueOf(site.id()))
                        .with(user(frontDesk)).cookie(ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
