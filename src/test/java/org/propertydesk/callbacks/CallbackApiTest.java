package org.propertydesk.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.propertydesk.support.ApiClient.bearer;
import static org.propertydesk.support.ApiClient.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.ApiClient;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Callbacks and ratings through the JSON API: the front desk's queue of its sites, recording calls and what the owner
 * said (with where the request ends up), and staff recording a request's one rating; refusals as problem details.
 */
@ClockedIntegrationTest
class CallbackApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CallbackFlowData data;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    long site;
    PropertyDeskUser desk;
    String deskToken;
    PropertyDeskUser manager;

    @BeforeEach
    void aFrontDeskOnAWednesdayMorning() throws Exception {
        clock.set("2026-03-25T10:00");
        site = data.site();
        data.setting(site, 100, false, 24, 3, 7);
        desk = data.frontDesk(site);
        deskToken = token(desk);
        manager = data.manager(site);
    }

    String token(PropertyDeskUser user) throws Exception {
        return ApiClient.token(mvc, user.getUsername(), "x");
    }

    ResultActions call(String token, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(bearer(token)).header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
    }

    ResultActions attempt(String token, long callback, String body) throws Exception {
        return call(token, post("/api/v1/callbacks/{id}/attempts", callback).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    ResultActions rate(String token, long request, String body) throws Exception {
        return call(token, post("/api/v1/requests/{id}/rating", request).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    static long id(ResultActions result, String path) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), path)).longValue();
    }

    @Test
    void theQueueListsTheDueCallbacksOfTheCallersSitesOnly() throws Exception {
        clock.set("2026-03-25T16:00");
        deskToken = token(desk);
        long complaint = data.resolvedComplaint(site);
        long callback = data.dueCallback(complaint);
        String number = jdbc.sql("select number from service_request where id = ?").params(complaint)
                .query(String.class).single();

        call(deskToken, get("/api/v1/callbacks").param("status", "DUE").param("siteId", String.valueOf(site)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].id").value(callback))
                .andExpect(jsonPath("$.content[0].requestId").value(complaint))
                .andExpect(jsonPath("$.content[0].requestNumber").value(number))
                .andExpect(jsonPath("$.content[0].siteId").value(site))
                .andExpect(jsonPath("$.content[0].dueAt").value("2026-03-30T13:00:00+08:00"))
                .andExpect(jsonPath("$.content[0].status").value("DUE"))
                .andExpect(jsonPath("$.content[0].attempts").value(0))
                .andExpect(jsonPath("$.content[0].failedAttempts").value(0))
                .andExpect(jsonPath("$.content[0].callBackAt").isEmpty())
                .andExpect(jsonPath("$.page.totalElements").value(1));
        call(deskToken, get("/api/v1/callbacks")).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == " + callback + ")]", hasSize(1)));
        call(deskToken, get("/api/v1/callbacks").param("status", "FINISHED").param("siteId", String.valueOf(site)))
                .andExpect(jsonPath("$.content", hasSize(0)));
        call(deskToken, get("/api/v1/callbacks").param("status", "OVERDUE").param("siteId", String.valueOf(site)))
                .andExpect(jsonPath("$.content", hasSize(0)));
        call(deskToken, get("/api/v1/callbacks").param("status", "DONE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));

        long elsewhere = data.site();
        String otherDesk = token(data.frontDesk(elsewhere));
        call(otherDesk, get("/api/v1/callbacks").param("siteId", String.valueOf(site)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(0));
        call(otherDesk, get("/api/v1/callbacks"))
                .andExpect(jsonPath("$.content[?(@.id == " + callback + ")]", hasSize(0)));
        call(otherDesk, get("/api/v1/callbacks/{id}", callback)).andExpect(status().isNotFound());
        attempt(otherDesk, callback, json("outcome", "NO_ANSWER")).andExpect(status().isNotFound());
        call(token(data.dispatcher(site)), get("/api/v1/callbacks")).andExpect(status().isForbidden());
        call(token(manager), get("/api/v1/callbacks/{id}", callback)).andExpect(status().isOk());

        clock.set("2026-03-30T13:01");
        deskToken = token(desk);
        call(deskToken, get("/api/v1/callbacks").param("status", "OVERDUE").param("siteId", String.valueOf(site)))
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].overdue").value(true));
    }

    @Test
    void callsAreRecordedUntilTheOwnerIsReachedAndAnUnhappyOwnerReopensTheRequest() throws Exception {
        long complaint = data.resolvedComplaint(site);
        long callback = data.dueCallback(complaint);

        attempt(deskToken, callback, json("outcome", "NO_ANSWER", "note", "无人接听"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.status").value("DUE"))
                .andExpect(jsonPath("$.failedAttempts").value(1))
                .andExpect(jsonPath("$.requestStatus").value("RESOLVED"))
                .andExpect(jsonPath("$.attempts", hasSize(1)))
                .andExpect(jsonPath("$.attempts[0].outcome").value("NO_ANSWER"))
                .andExpect(jsonPath("$.attempts[0].by").value(desk.displayName()))
                .andExpect(jsonPath("$.attempts[0].at").value("2026-03-25T10:00:00+08:00"))
                .andExpect(jsonPath("$.attempts[0].note").value("无人接听"));

        clock.advanceMinutes(30);
        attempt(deskToken, callback, json("outcome", "CALL_LATER", "callBackAt", "2026-03-25T15:00:00+08:00"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.failedAttempts").value(1))
                .andExpect(jsonPath("$.callBackAt").value("2026-03-25T15:00:00+08:00"));
        call(deskToken, get("/api/v1/callbacks").param("siteId", String.valueOf(site)))
                .andExpect(jsonPath("$.content[0].attempts").value(2))
                .andExpect(jsonPath("$.content[0].callBackAt").value("2026-03-25T15:00:00+08:00"));

        attempt(deskToken, callback, json("outcome", "CALL_LATER", "callBackAt", "2026-03-25T09:00:00+08:00"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("callBackAt"))
                .andExpect(jsonPath("$.errors[0].message").value("Give a future time to call back."));
        attempt(deskToken, callback, json("outcome", "CALL_LATER"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("callBackAt"));
        attempt(deskToken, callback, json("outcome", "REACHED", "solved", true))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("satisfaction"))
                .andExpect(jsonPath("$.errors[0].message").value("Choose how satisfied the owner is."));
        attempt(deskToken, callback, json("outcome", "NO_ANSWER", "satisfaction", "SATISFIED"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("satisfaction"));
        attempt(deskToken, callback, json("outcome", "HUNG_UP"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
        attempt(deskToken, callback, json("note", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
        attempt(deskToken, callback, json("outcome", "REACHED", "satisfaction", "NEUTRAL", "comment", "长".repeat(1001)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        call(deskToken, post("/api/v1/callbacks/{id}/attempts", callback).header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content(json("outcome", "NO_ANSWER")))
                .andExpect(status().isPreconditionFailed());
        assertThat(data.attempts(callback)).as("nothing refused was recorded").containsExactly("NO_ANSWER", "CALL_LATER");

        attempt(deskToken, callback, json("outcome", "REACHED", "solved", true, "satisfaction", "UNSATISFIED",
                "comment", "晚上还是很吵"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.solved").value(true))
                .andExpect(jsonPath("$.satisfaction").value("UNSATISFIED"))
                .andExpect(jsonPath("$.comment").value("晚上还是很吵"))
                .andExpect(jsonPath("$.closedBy").value(desk.displayName()))
                .andExpect(jsonPath("$.callBackAt").isEmpty())
                .andExpect(jsonPath("$.requestStatus").value("REOPENED"))
                .andExpect(jsonPath("$.attempts", hasSize(3)));
        assertThat(data.notifications(manager)).contains("ESCALATION notification.callbackSentBack");

        attempt(deskToken, callback, json("outcome", "NO_ANSWER"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:illegal-transition"))
                .andExpect(jsonPath("$.code").value("callback.error.notDue"))
                .andExpect(jsonPath("$.detail").value("This callback is already Done."));
        call(deskToken, get("/api/v1/callbacks/{id}", callback))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attempts[*].outcome").value(org.hamcrest.Matchers.contains("NO_ANSWER",
                        "CALL_LATER", "REACHED")))
                .andExpect(jsonPath("$.requestKind").value("COMPLAINT"))
                .andExpect(jsonPath("$.resolution.by").isNotEmpty());
    }

    @Test
    void aSatisfiedOwnerClosesTheRequestAndSolvedIsAssumedWhenLeftOut() throws Exception {
        long repair = data.resolvedRepair(site);
        attempt(deskToken, data.dueCallback(repair), json("outcome", "REACHED", "satisfaction", "SATISFIED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.solved").value(true))
                .andExpect(jsonPath("$.requestStatus").value("CLOSED"));
    }

    @Test
    void thirdFailedCallEndsTheCallbackAsUnreachable() throws Exception {
        long callback = data.dueCallback(data.resolvedComplaint(site));
        attempt(deskToken, callback, json("outcome", "NO_ANSWER")).andExpect(status().isOk());
        attempt(deskToken, callback, json("outcome", "WRONG_NUMBER")).andExpect(status().isOk());
        attempt(deskToken, callback, json("outcome", "REFUSED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNREACHABLE"))
                .andExpect(jsonPath("$.failedAttempts").value(3))
                .andExpect(jsonPath("$.requestStatus").value("RESOLVED"));
        call(deskToken, get("/api/v1/callbacks").param("status", "FINISHED").param("siteId", String.valueOf(site)))
                .andExpect(jsonPath("$.content[0].id").value(callback))
                .andExpect(jsonPath("$.content[0].status").value("UNREACHABLE"));
    }

    @Test
    void staffRecordARequestsOneRating() throws Exception {
        long open = data.repair(site);
        rate(deskToken, open, json("overall", 4))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("rating.error.notResolved"));

        long repair = data.resolvedRepair(site);
        rate(deskToken, repair, json("overall", 6, "speed", 0))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("overall",
                        "speed")));
        rate(deskToken, repair, json("speed", 3))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("overall"));
        rate(deskToken, repair, json("overall", 5, "attitude", 9))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attitude"));

        rate(deskToken, repair, json("overall", 5, "speed", 4, "attitude", 5, "quality", 5, "comment", "师傅很专业"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/requests/" + repair + "/rating"))
                .andExpect(jsonPath("$.requestId").value(repair))
                .andExpect(jsonPath("$.overall").value(5))
                .andExpect(jsonPath("$.speed").value(4))
                .andExpect(jsonPath("$.channel").value("STAFF"))
                .andExpect(jsonPath("$.low").value(false))
                .andExpect(jsonPath("$.ratedAt").value("2026-03-25T10:00:00+08:00"));
        assertThat(jdbc.sql("select recorded_by from request_rating where request_id = ?").params(repair)
                .query(String.class).single()).isEqualTo(desk.getUsername());
        rate(deskToken, repair, json("overall", 1))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("rating.error.alreadyRated"))
                .andExpect(jsonPath("$.detail").value("This request has already been rated."));
        call(deskToken, get("/api/v1/requests/{id}/rating", repair))
                .andExpect(status().isOk()).andExpect(jsonPath("$.overall").value(5));
        call(deskToken, get("/api/v1/requests/{id}/rating", data.resolvedRepair(site))).andExpect(status().isNotFound());
        String otherDesk = token(data.frontDesk(data.site()));
        call(otherDesk, get("/api/v1/requests/{id}/rating", repair)).andExpect(status().isNotFound());
        rate(otherDesk, data.resolvedRepair(site), json("overall", 3)).andExpect(status().isNotFound());
    }

    @Test
    void aLowRatingThroughTheApiGetsTheManagersToFollowUp() throws Exception {
        long repair = data.resolvedRepair(site);
        rate(deskToken, repair, json("overall", 2, "comment", "等了三天"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.low").value(true));
        assertThat(data.notifications(manager)).contains("FOLLOW_UP notification.lowRating");
        assertThat(data.timeline(repair)).endsWith("internalNote");
    }

    /**
     * A repair done through work orders: the callback finds the owner unhappy, the request reopens and the finished
     * work order goes back to the technician who did it; when it is finished again, a second callback is due.
     */
    @Test
    void anUnhappyOwnerSendsTheWorkBackToTheTechnicianAndTheNextResolutionIsCalledBackAgain() throws Exception {
        PropertyDeskUser plumber = data.plumber(site);
        String phone = token(plumber);
        String dispatcher = token(data.dispatcher(site));
        long repair = data.repair(site);

        long workOrder = id(call(dispatcher, post("/api/v1/requests/{id}/work-orders", repair)
                .contentType(MediaType.APPLICATION_JSON).content(json("technicianId", plumber.id())))
                .andExpect(status().isCreated()), "$.id");
        for (String step : List.of("accept", "arrive")) {
            call(phone, post("/api/v1/work-orders/{id}/{step}", workOrder, step)).andExpect(status().isOk());
        }
        call(phone, post("/api/v1/work-orders/{id}/complete", workOrder).contentType(MediaType.APPLICATION_JSON)
                .content(json("note", "更换阀门", "ownerAbsent", true))).andExpect(status().isOk());
        assertThat(data.requestStatus(repair)).isEqualTo("RESOLVED");
        assertThat(data.callbacks(repair)).containsExactly("0:DUE");

        attempt(deskToken, data.dueCallback(repair), json("outcome", "REACHED", "solved", false,
                "satisfaction", "UNSATISFIED", "comment", "阀门还在漏"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requestStatus").value("REOPENED"));
        assertThat(jdbc.sql("select status from work_order where id = ?").params(workOrder).query(String.class).single())
                .as("the work order goes back to the plumber").isEqualTo("ASSIGNED");
        assertThat(data.notifications(plumber)).contains("ASSIGNMENT notification.workReopened");

        for (String step : List.of("accept", "arrive")) {
            call(phone, post("/api/v1/work-orders/{id}/{step}", workOrder, step)).andExpect(status().isOk());
        }
        call(phone, post("/api/v1/work-orders/{id}/complete", workOrder).contentType(MediaType.APPLICATION_JSON)
                .content(json("note", "重新更换阀门并试水", "ownerAbsent", true))).andExpect(status().isOk());
        assertThat(data.requestStatus(repair)).isEqualTo("RESOLVED");
        assertThat(data.callbacks(repair)).containsExactly("0:DONE", "1:DUE");
        attempt(deskToken, data.dueCallback(repair), json("outcome", "REACHED", "satisfaction", "SATISFIED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requestStatus").value("CLOSED"));
    }

    @Test
    void theOpenApiDocumentDescribesTheCallbackApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(Users.as(desk)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/callbacks'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/callbacks/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/callbacks/{id}/attempts'].post.responses['409']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/requests/{id}/rating'].post.responses['201']").exists())
                .andExpect(jsonPath("$.components.schemas.NewCallbackAttempt.properties.outcome").exists());
    }
}
