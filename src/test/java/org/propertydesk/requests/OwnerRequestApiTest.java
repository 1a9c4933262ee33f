package org.propertydesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.propertydesk.support.ApiClient.bearer;
import static org.propertydesk.support.ApiClient.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.staff.StaffFixtures;
import org.propertydesk.support.ApiClient;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The requests API with an owner's token: the owner's household's requests and nothing else. Another household's
 * request is "not found" whatever is asked of it, a house that is not theirs cannot be reported on, staff moves and
 * every other API are forbidden, and a tenant who has moved out loses the house's requests.
 */
@WebIntegrationTest
class OwnerRequestApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    OwnerApiData data;
    String tokenA;
    String tokenB;
    String deskToken;

    @BeforeEach
    void twoHouseholdsOnOneSiteAndTheirFrontDesk() throws Exception {
        data = new OwnerApiData(context);
        tokenA = ApiClient.token(mvc, data.usernameA, OwnerApiData.PASSWORD);
        tokenB = ApiClient.token(mvc, data.usernameB, OwnerApiData.PASSWORD);
        String desk = StaffFixtures.uniqueUsername("desk");
        new StaffFixtures(context).account(desk, Set.of(Role.FRONT_DESK, Role.DISPATCHER), List.of(data.site.id()));
        deskToken = ApiClient.token(mvc, desk, StaffFixtures.PASSWORD);
    }

    String repairOf(long houseId) {
        return json("kind", "REPAIR", "categoryCode", "PLUMBING", "houseId", houseId, "description", "卫生间漏水");
    }

    ResultActions create(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/requests").with(bearer(token)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long createdId(String token, String body) throws Exception {
        String response = create(token, body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(response, "$.id")).longValue();
    }

    /** A request the front desk takes in by phone for the house, for nobody in particular. */
    long takenInByPhone(long houseId) throws Exception {
        return createdId(deskToken, json("kind", "REPAIR", "categoryCode", "PLUMBING", "channel", "PHONE",
                "siteCode", data.site.code(), "houseId", houseId, "contactPhone", "13800001111", "description", "楼道漏水"));
    }

    ResultActions act(String token, long id, String action, String body) throws Exception {
        MockHttpServletRequestBuilder call = post("/api/v1/requests/{id}/{action}", id, action).with(bearer(token));
        if (body != null) {
            call.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(call);
    }

    ResultActions list(String token) throws Exception {
        return mvc.perform(get("/api/v1/requests").with(bearer(token)).param("size", "100"));
    }

    @Test
    void anOwnerGetsATokenAndTakesInReadsAndListsARequestForTheirHouse() throws Exception {
        mvc.perform(get("/api/v1/me").with(bearer(tokenA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(data.usernameA))
                .andExpect(jsonPath("$.roles", contains("OWNER")));

        String body = json("kind", "REPAIR", "categoryCode", "PLUMBING", "houseId", data.houseA, "description", "卫生间漏水",
                "channel", "PHONE", "customerId", data.ownerB, "siteCode", "NO_SUCH_SITE", "priority", "URGENT");
        String response = create(tokenA, body)
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.channel").value("PORTAL"))
                .andExpect(jsonPath("$.customerId").value(data.ownerA))
                .andExpect(jsonPath("$.houseId").value(data.houseA))
                .andExpect(jsonPath("$.siteCode").value(data.site.code()))
                .andExpect(jsonPath("$.priority").value("NORMAL"))
                .andExpect(jsonPath("$.contactPhone").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(response, "$.id")).longValue();

        mvc.perform(get("/api/v1/requests/{id}", id).with(bearer(tokenA)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.description").value("卫生间漏水"));
        list(tokenA)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].id", hasItem((int) id)))
                .andExpect(jsonPath("$.content[*].houseId", everyItem(is((int) data.houseA))));
    }

    @Test
    void anOwnersNewRequestNeedsOneOfTheirHousesAndValidInput() throws Exception {
        create(tokenA, json("kind", "REPAIR", "categoryCode", "PLUMBING", "description", "漏水"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("houseId"))
                .andExpect(jsonPath("$.errors[0].message").value("请选择您的一处房屋。"));
        create(tokenA, json("categoryCode", "NO_SUCH", "houseId", data.houseA, "description", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("description")))
                .andExpect(jsonPath("$.errors[*].field", not(hasItem("channel"))))
                .andExpect(jsonPath("$.errors[*].field", not(hasItem("siteCode"))));
        create(tokenA, json("kind", "REPAIR", "categoryCode", "NO_SUCH", "houseId", data.houseA, "description", "漏水"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("categoryCode"));
        assertThat(data.requestsOf(data.houseA)).isZero();
    }

    @Test
    void anotherHouseholdsRequestAndHouseDoNotExistForAnOwner() throws Exception {
        long ofA = createdId(tokenA, repairOf(data.houseA));

        list(tokenB).andExpect(status().isOk()).andExpect(jsonPath("$.content[*].id", not(hasItem((int) ofA))));
        mvc.perform(get("/api/v1/requests/{id}", ofA).with(bearer(tokenB)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:not-found"));
        act(tokenB, ofA, "cancel", json("reason", "不修了")).andExpect(status().isNotFound());
        act(tokenB, ofA, "confirm-fixed", null).andExpect(status().isNotFound());
        act(tokenB, ofA, "not-fixed", json("reason", "还在漏")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/requests/{id}/rating", ofA).with(bearer(tokenB))).andExpect(status().isForbidden());

        create(tokenB, repairOf(data.houseA)).andExpect(status().isNotFound());
        assertThat(data.requestsOf(data.houseA)).isEqualTo(1);
        mvc.perform(get("/api/v1/requests/{id}", ofA).with(bearer(tokenA)))
                .andExpect(jsonPath("$.status").value("NEW"));
    }

    @Test
    void anOwnerReadsTheirHousesRequestsWithoutInternalNotes() throws Exception {
        long id = takenInByPhone(data.houseA);
        data.internalNote(id, "业主脾气急，注意沟通");

        mvc.perform(get("/api/v1/requests/{id}", id).with(bearer(deskToken)))
                .andExpect(jsonPath("$.timeline[*].internal", hasItem(true)));
        mvc.perform(get("/api/v1/requests/{id}", id).with(bearer(tokenA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline").isNotEmpty())
                .andExpect(jsonPath("$.timeline[?(@.internal == true)]", empty()))
                .andExpect(jsonPath("$.timeline[*].note", not(hasItem("业主脾气急，注意沟通"))))
                .andExpect(jsonPath("$.priorityRaisedReason", nullValue()));
        list(tokenA).andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
    }

    @Test
    void anOwnerCancelsBeforeDispatchConfirmsOrRejectsTheFixAndMakesNoStaffMoves() throws Exception {
        long early = createdId(tokenA, repairOf(data.houseA));
        act(tokenA, early, "acknowledge", null)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:forbidden"));
        act(tokenA, early, "explode", null).andExpect(status().isNotFound());
        act(tokenA, early, "cancel", json("note", " ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        act(tokenA, early, "cancel", json("reason", "自己修好了"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));

        long id = createdId(tokenA, repairOf(data.houseA));
        act(deskToken, id, "acknowledge", null).andExpect(status().isOk());
        act(deskToken, id, "dispatch", null).andExpect(status().isOk());
        act(tokenA, id, "cancel", json("reason", "不等了"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("request.error.ownerCancelTooLate"));
        act(tokenA, id, "not-fixed", json("reason", "还在漏"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("request.error.ownerNotResolvedYet"));
        act(deskToken, id, "arrive", null).andExpect(status().isOk());
        act(deskToken, id, "resolve", json("note", "已换密封圈")).andExpect(status().isOk());

        mvc.perform(post("/api/v1/requests/{id}/not-fixed", id).with(bearer(tokenA)).header(HttpHeaders.IF_MATCH, "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content(json("reason", "还在漏")))
                .andExpect(status().isPreconditionFailed());
        act(tokenA, id, "not-fixed", json("reason", "还在漏"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REOPENED"));
        act(tokenA, id, "reopen", json("reason", "还在漏")).andExpect(status().isForbidden());
        act(deskToken, id, "dispatch", null).andExpect(status().isOk());
        act(deskToken, id, "arrive", null).andExpect(status().isOk());
        act(deskToken, id, "resolve", json("note", "整体更换")).andExpect(status().isOk());
        act(tokenA, id, "confirm-fixed", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void staffKeepTheirMovesAndDoNotGetTheOwnersOnes() throws Exception {
        long id = takenInByPhone(data.houseA);
        act(deskToken, id, "confirm-fixed", null).andExpect(status().isNotFound());
        act(deskToken, id, "acknowledge", null).andExpect(status().isOk());
        list(deskToken).andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
    }

    @Test
    void anOwnersTokenOpensNoOtherApi() throws Exception {
        long id = createdId(tokenA, repairOf(data.houseA));
        for (String path : List.of("/api/v1/callbacks", "/api/v1/callbacks/1", "/api/v1/requests/" + id + "/rating",
                "/api/v1/requests/" + id + "/suggestions", "/api/v1/work-orders", "/api/v1/work-orders/1",
                "/api/v1/dashboard", "/api/v1/customers?q=1502", "/api/v1/sites")) {
            mvc.perform(get(path).with(bearer(tokenA)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:forbidden"));
        }
        for (String path : List.of("/api/v1/work-orders/1/accept", "/api/v1/work-orders/1/arrive",
                "/api/v1/work-orders/1/resume")) {
            mvc.perform(post(path).with(bearer(tokenA))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/v1/requests/{id}/rating", id).with(bearer(tokenA)).contentType(MediaType.APPLICATION_JSON)
                        .content(json("overall", 5)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/requests/{id}/work-orders", id).with(bearer(tokenA)).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        // what a client needs to take in a request: the category codes
        mvc.perform(get("/api/v1/categories").with(bearer(tokenA))).andExpect(status().isOk());
    }

    @Test
    void theApiDocumentationIsForStaffOnly() throws Exception {
        PropertyDeskUser owner = (PropertyDeskUser) context.getBean(UserDetailsService.class).loadUserByUsername(data.usernameA);
        mvc.perform(get("/v3/api-docs").with(Users.as(owner))).andExpect(status().isForbidden());
        mvc.perform(get("/swagger-ui/index.html").with(Users.as(owner))).andExpect(status().isForbidden());
        mvc.perform(get("/v3/api-docs").with(bearer(tokenA))).andExpect(status().is3xxRedirection());
    }

    @Test
    void aTenantWhoHasMovedOutNoLongerSeesTheHousesRequests() throws Exception {
        long tenant = data.tenantIn(data.houseA);
        String tenantToken = ApiClient.token(mvc, data.account(tenant), OwnerApiData.PASSWORD);
        long id = createdId(tokenA, repairOf(data.houseA));
        list(tenantToken).andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
        mvc.perform(get("/api/v1/requests/{id}", id).with(bearer(tenantToken))).andExpect(status().isOk());

        data.moveOut(tenant, data.houseA);

        list(tenantToken).andExpect(status().isOk()).andExpect(jsonPath("$.content[*].id", not(hasItem((int) id))));
        mvc.perform(get("/api/v1/requests/{id}", id).with(bearer(tenantToken))).andExpect(status().isNotFound());
        act(tenantToken, id, "cancel", json("reason", "搬走了")).andExpect(status().isNotFound());
        create(tenantToken, repairOf(data.houseA)).andExpect(status().isNotFound());
        list(tokenA).andExpect(jsonPath("$.content[*].id", hasItem((int) id)));
    }
}
