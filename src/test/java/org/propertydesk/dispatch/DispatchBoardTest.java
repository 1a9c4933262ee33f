package org.propertydesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.propertydesk.requests.Priority;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.BrowserSession;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.Html;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The dispatcher board and the work-order section of the request page, in English: unassigned work first with the
 * technicians who could take it and why, one-click assignment, and the dispatcher who clicks second told who took it.
 * The clock stands on Wednesday 25 March 2026, 10:00 in Shanghai; the site's plumber is on the day shift.
 */
@ClockedIntegrationTest
class DispatchBoardTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    DispatchTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkOrderService workOrders;

    long site;
    long house;
    PropertyDeskUser dispatcher;
    PropertyDeskUser plumber;
    PropertyDeskUser electrician;

    @BeforeEach
    void aSiteWithAPlumberOnDutyAndAnElectricianOffDuty() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        house = data.house(site);
        dispatcher = data.dispatcher(site);
        plumber = data.technician(Set.of("PLUMBING"), site);
        electrician = data.technician(Set.of("ELECTRICAL"), site);
        data.shift(plumber, "2026-03-25T08:00", "2026-03-25T17:00", false);
    }

    private MvcResult perform(MockHttpServletRequestBuilder request, PropertyDeskUser who) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf()).cookie(ENGLISH)).andReturn();
    }

    private String html(MockHttpServletRequestBuilder request, PropertyDeskUser who) throws Exception {
        MvcResult result = perform(request, who);
        assertThat(result.getResponse().getStatus()).as("status of %s", result.getRequest().getRequestURI()).isEqualTo(200);
        return Html.unescape(result.getResponse().getContentAsString());
    }

    private String followed(MvcResult redirect, PropertyDeskUser who) throws Exception {
        assertThat(redirect.getResponse().getStatus()).as("a redirect").isEqualTo(302);
        return html(get(redirect.getResponse().getRedirectedUrl()).with(BrowserSession.following(redirect)), who);
    }

    private String number(long requestId) {
        return jdbc.sql("select number from service_request where id = ?").params(requestId).query(String.class).single();
    }

    @Nested
    class TheBoard {

        @Test
        void listsUnassignedRepairsFirstWithTheBestCandidateAndWhy() throws Exception {
            long assigned = data.repair(site, house, "PLUMBING", Priority.NORMAL);
            Users.callAs(dispatcher, () -> workOrders.assign(assigned, WorkOrder.Assignee.technician(plumber.id()), 0));
            long waiting = data.repair(site, house, "PLUMBING", Priority.URGENT);

            String board = html(get("/dispatch").param("siteId", String.valueOf(site)), dispatcher);

            assertThat(board.indexOf(number(waiting))).as("unassigned first").isLessThan(board.indexOf(number(assigned)));
            assertThat(board).contains("Assign to " + plumber.displayName())
                    .as("the clicked button names the technician").contains("name=\"technicianId\" value=\"" + plumber.id() + "\"")
                    .contains("Has the skill: Plumbing · On duty now · 1 open job(s)")
                    .contains(plumber.displayName() + "</strong>");
        }

        @Test
        void filtersByPriorityAndShowsOnlyUnassignedOnRequest() throws Exception {
            long urgent = data.repair(site, house, "PLUMBING", Priority.URGENT);
            long normal = data.repair(site, house, "PLUMBING", Priority.NORMAL);
            Users.callAs(dispatcher, () -> workOrders.assign(normal, WorkOrder.Assignee.technician(plumber.id()), 0));

            assertThat(html(get("/dispatch").param("siteId", String.valueOf(site)).param("priority", "URGENT"), dispatcher))
                    .contains(number(urgent)).doesNotContain(number(normal));
            assertThat(html(get("/dispatch").param("siteId", String.valueOf(site)).param("unassigned", "true"), dispatcher))
                    .contains(number(urgent)).doesNotContain(number(normal));
        }

        @Test
        void assignsInOneClickAndSaysSo() throws Exception {
            long request = data.repair(site, house, "PLUMBING", Priority.URGENT);

            MvcResult click = perform(post("/dispatch/requests/{id}/work-orders", request)
                    .param("technicianId", String.valueOf(plumber.id())).param("expectedActive", "0")
                    .param("back", "board"), dispatcher);

            assertThat(click.getResponse().getRedirectedUrl()).isEqualTo("/dispatch");
            assertThat(followed(click, dispatcher)).contains("Work order " + number(request) + "-1 assigned to "
                    + plumber.displayName());
            assertThat(data.requestStatus(request)).isEqualTo("DISPATCHED");
        }

        @Test
        void theDispatcherWhoClicksSecondIsToldWhoTookIt() throws Exception {
            long request = data.repair(site, house, "PLUMBING", Priority.URGENT);
            PropertyDeskUser other = data.dispatcher(site);
            Users.callAs(other, () -> workOrders.assign(request, WorkOrder.Assignee.technician(plumber.id()), 0));

            MvcResult late = perform(post("/dispatch/requests/{id}/work-orders", request)
                    .param("technicianId", String.valueOf(electrician.id())).param("expectedActive", "0")
                    .header("Referer", "http://localhost/dispatch"), dispatcher);

            assertThat(followed(late, dispatcher)).contains("Already taken: " + plumber.displayName()
                    + " was assigned by " + other.displayName());
            assertThat(jdbc.sql("select count(*) from work_order where request_id = ?").params(request)
                    .query(Long.class).single()).isEqualTo(1);
        }

        @Test
        void isForDispatchersManagersAndAdminsOnly() throws Exception {
            assertThat(perform(get("/dispatch"), data.frontDesk(site)).getResponse().getStatus()).isEqualTo(403);
            assertThat(perform(get("/dispatch"), plumber).getResponse().getStatus()).isEqualTo(403);
            assertThat(perform(get("/dispatch"), data.manager(site)).getResponse().getStatus()).isEqualTo(200);
        }

        @Test
        void showsNothingOfSitesTheDispatcherDoesNotServe() throws Exception {
            long otherSite = data.site();
            long elsewhere = data.repair(otherSite, data.house(otherSite), "PLUMBING", Priority.URGENT);

            assertThat(html(get("/dispatch"), dispatcher)).doesNotContain(number(elsewhere));
            assertThat(perform(post("/dispatch/requests/{id}/work-orders", elsewhere)
                    .param("technicianId", String.valueOf(plumber.id())), dispatcher).getResponse().getStatus())
                    .isEqualTo(404);
        }
    }

    @Nested
    class TheRequestPageSection {

        @Test
        void showsRankedSuggestionsWithReasonsToDispatchers() throws Exception {
            long request = data.repair(site, house, "PLUMBING", Priority.URGENT);

            String section = html(get("/dispatch/requests/{id}/work-orders", request), dispatcher);

            assertThat(section.indexOf(plumber.displayName())).isLessThan(section.indexOf(electrician.displayName()));
            assertThat(section).contains("Lacks the skill: Plumbing").contains("Off duty now").contains(">Assign<");
        }

        @Test
        void showsTheFrontDeskTheWorkOrdersButNoAssignButtons() throws Exception {
            long request = data.repair(site, house, "PLUMBING", Priority.URGENT);
            Users.callAs(dispatcher, () -> workOrders.assign(request, WorkOrder.Assignee.technician(plumber.id()), 0));

            String section = html(get("/dispatch/requests/{id}/work-orders", request), data.frontDesk(site));

            assertThat(section).contains(number(request) + "-1").contains("Assigned").contains(plumber.displayName())
                    .doesNotContain("/reassign").doesNotContain(">Assign<");
        }

        @Test
        void reassignsWithAReasonAndCallsOffWithOne() throws Exception {
            long request = data.repair(site, house, "PLUMBING", Priority.URGENT);
            WorkOrder order = Users.callAs(dispatcher,
                    () -> workOrders.assign(request, WorkOrder.Assignee.technician(electrician.id()), 0));

            MvcResult missingReason = perform(post("/dispatch/work-orders/{id}/reassign", order.getId())
                    .param("technicianId", String.valueOf(plumber.id()))
                    .header("Referer", "http://localhost/requests/" + request), dispatcher);
            assertThat(followed(missingReason, dispatcher)).contains("Please give a reason.");

            MvcResult reassigned = perform(post("/dispatch/work-orders/{id}/reassign", order.getId())
                    .param("technicianId", String.valueOf(plumber.id())).param("reason", "需要水工"), dispatcher);
            assertThat(followed(reassigned, dispatcher)).contains("reassigned to " + plumber.displayName());
            assertThat(data.timeline(request)).contains("workReassigned");

            perform(post("/dispatch/work-orders/{id}/cancel", order.getId()).param("reason", "业主自行处理"), dispatcher);
            assertThat(data.requestStatus(request)).isEqualTo("ACKNOWLEDGED");
        }

        @Test
        void isNotFoundForAnotherSitesStaff() throws Exception {
            long request = data.repair(site, house, "PLUMBING", Priority.URGENT);
            long otherSite = data.site();

            assertThat(perform(get("/dispatch/requests/{id}/work-orders", request), data.frontDesk(otherSite))
                    .getResponse().getStatus()).isEqualTo(404);
        }
    }
}
