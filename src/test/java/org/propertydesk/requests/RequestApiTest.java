package org.propertydesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.propertydesk.support.ApiClient.bearer;
import static org.propertydesk.support.ApiClient.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.records.RecordsFixtures;
import org.propertydesk.records.RecordsFixtures.SiteRef;
import org.propertydesk.shared.security.Role;
import org.propertydesk.staff.StaffFixtures;
import org.propertydesk.support.ApiClient;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Service requests through the JSON API, as a call-centre system uses it: take one in, read it, list the queue, and
 * move it through its flow, with the pages' roles and site rule, and every refusal a problem detail.
 */
@WebIntegrationTest
class RequestApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    RecordsFixtures fixtures;
    StaffFixtures staff;
    SiteRef mine;
    SiteRef other;
    long house;
    long customer;
    long otherHouse;
    String deskToken;
    String managerToken;

    @BeforeEach
    void twoSitesAFrontDeskAgentOfOneAndAManagerOfAll() throws Exception {
        fixtures = new RecordsFixtures(context);
        staff = new StaffFixtures(context);
        mine = fixtures.site();
        other = fixtures.site();
        house = fixtures.house(mine.id(), "3", "2", "1502");
        customer = fixtures.customerIn(house, "报修业主");
        otherHouse = fixtures.house(other.id(), "1", "1", "0101");
        deskToken = token(Set.of(Role.FRONT_DESK), List.of(mine.id()));
        managerToken = token(Set.of(Role.MANAGER), List.of());
    }

    String token(Set<Role> roles, List<Long> sites) throws Exception {
        String username = StaffFixtures.uniqueUsername(roles.iterator().next().name().toLowerCase());
        staff.account(username, roles, sites);
        return ApiClient.token(mvc, username, StaffFixtures.PASSWORD);
    }

    String repair(SiteRef site, Long houseId) {
        return json("kind", "REPAIR", "categoryCode", "PLUMBING", "channel", "PHONE", "siteCode", site.code(),
                "houseId", houseId, "contactPhone", "13800001111", "description", "厨房水管漏水");
    }

    ResultActions create(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/requests").with(bearer(token)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long createdId(String token, String body) throws Exception {
        String response = create(token, body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(response, "$.id")).longValue();
    }

    long requestsAt(SiteRef... sites) {
        long count = 0;
        for (SiteRef site : sites) {
            count += jdbc.sql("select count(*) from service_request where site_id = ?").param(site.id()).query(Long.class).single();
        }
        return count;
    }

    ResultActions act(long id, String action, String body, String ifMatch) throws Exception {
        var call = post("/api/v1/requests/{id}/{action}", id, action).with(bearer(deskToken));
        if (body != null) {
            call.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        if (ifMatch != null) {
            call.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return mvc.perform(call);
    }

    @Test
    void theCategoryTreeHasCodesNamesAndDefaults() throws Exception {
        mvc.perform(get("/api/v1/categories").with(bearer(deskToken)).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItems("PLUMBING", "ELECTRICAL", "ELEVATOR", "DOOR_LOCK", "WATER_LEAK",
                        "CLEANING", "GREENING", "SECURITY", "NOISE", "PARKING", "FEES", "DECORATION", "OTHER")))
                .andExpect(jsonPath("$[*].code", not(hasItem("PLUMBING_BLOCKED_DRAIN"))))
                .andExpect(jsonPath("$[?(@.code == 'PLUMBING')].nameZh").value("水管/给排水"))
                .andExpect(jsonPath("$[?(@.code == 'PLUMBING')].nameEn").value("Plumbing"))
                .andExpect(jsonPath("$[?(@.code == 'PLUMBING')].name").value("Plumbing"))
                .andExpect(jsonPath("$[?(@.code == 'PLUMBING')].defaultPriority").value("NORMAL"))
                .andExpect(jsonPath("$[?(@.code == 'PLUMBING')].skill").value("PLUMBING"))
                .andExpect(jsonPath("$[?(@.code == 'PLUMBING')].specialService").value(true))
                .andExpect(jsonPath("$[?(@.code == 'ELEVATOR')].defaultPriority").value("URGENT"))
                .andExpect(jsonPath("$[?(@.code == 'PLUMBING')].children[*].code", hasItem("PLUMBING_BLOCKED_DRAIN")));
    }

    @Test
    void aRequestIsTakenInWithLocationETagAndItsTimeline() throws Exception {
        String body = json("kind", "REPAIR", "categoryCode", "PLUMBING", "channel", "WECHAT", "siteCode", mine.code(),
                "houseId", house, "customerId", customer, "contactPhone", "138 0000 2222",
                "description", "卫生间地漏堵塞", "promisedAt", "2026-03-24T10:30:00+08:00",
                "preferredFrom", "2026-03-24T09:00:00+08:00", "preferredTo", "2026-03-24T12:00:00+08:00");
        String response = create(deskToken, body)
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string(HttpHeaders.LOCATION, startsWith("/api/v1/requests/")))
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.number", startsWith("R-")))
                .andExpect(jsonPath("$.kind").value("REPAIR"))
                .andExpect(jsonPath("$.categoryCode").value("PLUMBING"))
                .andExpect(jsonPath("$.priority").value("NORMAL"))
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.channel").value("WECHAT"))
                .andExpect(jsonPath("$.scope").value("PREMISES"))
                .andExpect(jsonPath("$.siteCode").value(mine.code()))
                .andExpect(jsonPath("$.houseId").value(house))
                .andExpect(jsonPath("$.customerId").value(customer))
                .andExpect(jsonPath("$.contactPhone").value("138 0000 2222"))
                .andExpect(jsonPath("$.createdAt", endsWith("+08:00")))
                .andExpect(jsonPath("$.dueAcknowledgeAt", endsWith("+08:00")))
                .andExpect(jsonPath("$.dueResolveAt", endsWith("+08:00")))
                .andExpect(jsonPath("$.promisedAt").value("2026-03-24T10:30:00+08:00"))
                .andExpect(jsonPath("$.preferredTo").value("2026-03-24T12:00:00+08:00"))
                .andExpect(jsonPath("$.atRisk").value(false))
                .andExpect(jsonPath("$.breached").value(false))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.timeline[0].type").value("received"))
                .andExpect(jsonPath("$.timeline[0].at", endsWith("+08:00")))
                .andExpect(jsonPath("$.timeline[*].type", hasItem("promised")))
                .andReturn().getResponse().getContentAsString();
        String location = "/api/v1/requests/" + JsonPath.read(response, "$.id");

        mvc.perform(get(location).with(bearer(deskToken)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.number").value((String) JsonPath.read(response, "$.number")))
                .andExpect(jsonPath("$.timeline[0].actor").isNotEmpty());
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndNothingIsSaved() throws Exception {
        create(deskToken, json("categoryCode", "PLUMBING", "channel", "PHONE", "siteCode", mine.code(), "houseId", house,
                        "contactPhone", "call me", "description", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:validation"))
                .andExpect(jsonPath("$.title").value("输入有误"))
                .andExpect(jsonPath("$.errors[*].field", hasItems("kind", "description", "contactPhone")))
                .andExpect(jsonPath("$.errors[?(@.field == 'contactPhone')].message").value("请输入电话号码：只能包含数字、空格、+ 和 -。"));

        create(deskToken, repair(mine, house).replace("\"REPAIR\"", "\"FIX\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].message", containsString("INQUIRY, REPAIR, COMPLAINT")));

        create(deskToken, json("kind", "REPAIR", "categoryCode", "NO_SUCH", "channel", "PHONE", "siteCode", mine.code(),
                        "houseId", otherHouse, "customerId", 0, "description", "x", "promisedAt", "2026-03-24T10:30"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("promisedAt"));

        mvc.perform(post("/api/v1/requests").with(bearer(deskToken)).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("kind", "REPAIR", "categoryCode", "NO_SUCH", "channel", "PHONE", "siteCode", mine.code(),
                                "houseId", otherHouse, "description", "x",
                                "preferredFrom", "2026-03-24T12:00:00+08:00", "preferredTo", "2026-03-24T09:00:00+08:00")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[*].field", hasItems("categoryCode", "houseId", "contactPhone", "preferredTo")))
                .andExpect(jsonPath("$.errors[?(@.field == 'categoryCode')].message").value("There is no active category NO_SUCH."));

        assertThat(requestsAt(mine, other)).isZero();
    }

    @Test
    void anotherSiteIsRefusedWithoutSaving() throws Exception {
        create(deskToken, repair(other, otherHouse))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'siteCode')].message").value("您负责的项目中没有 " + other.code() + "。"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("houseId")));
        create(deskToken, repair(mine, otherHouse))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("houseId")));
        assertThat(requestsAt(mine, other)).isZero();
    }

    @Test
    void techniciansMayNotTakeInRequests() throws Exception {
        String technician = token(Set.of(Role.TECHNICIAN), List.of(mine.id()));
        create(technician, repair(mine, house))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:forbidden"));
        assertThat(requestsAt(mine)).isZero();
    }

    @Test
    void anotherSitesRequestIsNotFound() throws Exception {
        long theirs = createdId(managerToken, repair(other, otherHouse));
        mvc.perform(get("/api/v1/requests/{id}", theirs).with(bearer(deskToken)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:not-found"));
        act(theirs, "acknowledge", null, null).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/requests/{id}", theirs).with(bearer(managerToken))).andExpect(status().isOk());
    }

    @Test
    void theListIsFilteredPagedNewestFirstAndLimitedToTheCallersSites() throws Exception {
        long first = createdId(deskToken, repair(mine, house));
        long second = createdId(deskToken, json("kind", "INQUIRY", "categoryCode", "FEES", "channel", "PHONE",
                "siteCode", mine.code(), "customerId", customer, "contactPhone", "13800001111",
                "locationText", "物业费", "description", "物业费怎么交？"));
        long third = createdId(deskToken, repair(mine, house));
        createdId(managerToken, repair(other, otherHouse));

        mvc.perform(get("/api/v1/requests").with(bearer(deskToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.content[0].id").value(third))
                .andExpect(jsonPath("$.content[1].id").value(second))
                .andExpect(jsonPath("$.content[2].id").value(first))
                .andExpect(jsonPath("$.content[0].siteCode").value(mine.code()))
                .andExpect(jsonPath("$.content[0].createdAt", endsWith("+08:00")))
                .andExpect(jsonPath("$.content[0].timeline").doesNotExist());

        mvc.perform(get("/api/v1/requests").param("kind", "INQUIRY").param("siteCode", mine.code()).with(bearer(deskToken)))
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].id").value(second))
                .andExpect(jsonPath("$.content[0].kind").value("INQUIRY"));

        mvc.perform(get("/api/v1/requests").param("status", "NEW").param("size", "2").with(bearer(deskToken)))
                .andExpect(jsonPath("$.content", hasSize(2)))
                .andExpect(jsonPath("$.page.size").value(2))
                .andExpect(jsonPath("$.page.number").value(0))
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.page.totalPages").value(2));
        mvc.perform(get("/api/v1/requests").param("status", "NEW").param("size", "2").param("page", "1").with(bearer(deskToken)))
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].id").value(first));
        mvc.perform(get("/api/v1/requests").param("status", "CLOSED").with(bearer(deskToken)))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/v1/requests").param("size", "5000").with(bearer(deskToken)))
                .andExpect(jsonPath("$.page.size").value(100));

        mvc.perform(get("/api/v1/requests").param("status", "DONE").with(bearer(deskToken)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message", containsString("ACKNOWLEDGED")));
        mvc.perform(get("/api/v1/requests").param("page", "-1").with(bearer(deskToken)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/v1/requests").param("siteCode", other.code()).with(bearer(deskToken)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("siteCode"));
    }

    @Test
    void movesAreAppliedRefusedWhenIllegalAndGuardedByIfMatch() throws Exception {
        long id = createdId(deskToken, repair(mine, house));

        act(id, "acknowledge", json("note", "已联系业主"), "\"0\"")
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.timeline[-1].type").value("acknowledged"))
                .andExpect(jsonPath("$.timeline[-1].note").value("已联系业主"));

        act(id, "close", null, null)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:illegal-transition"))
                .andExpect(jsonPath("$.code").value("request.error.illegalMove"))
                .andExpect(jsonPath("$.detail", containsString("关闭")))
                .andExpect(jsonPath("$.detail", not(containsString("request."))));
        mvc.perform(post("/api/v1/requests/{id}/close", id).with(bearer(deskToken)).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("Close")))
                .andExpect(jsonPath("$.detail", containsString("Acknowledged")));

        act(id, "dispatch", null, "0")
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:precondition-failed"));
        act(id, "dispatch", null, "W/\"x\"").andExpect(status().isPreconditionFailed());

        act(id, "hold", json("note", " "), "\"1\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        act(id, "hold", json("reason", "等配件"), "\"1\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ON_HOLD"));
        act(id, "resume", null, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(header().string(HttpHeaders.ETAG, "\"3\""));
        act(id, "dispatch", null, "3").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DISPATCHED"));
        act(id, "arrive", null, null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        act(id, "resolve", json("note", "已更换水管"), null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESOLVED"));
        act(id, "callback", null, null).andExpect(status().isOk());
        act(id, "close", null, null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        act(id, "reopen", json("reason", "又漏了"), null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REOPENED"));
        act(id, "cancel", json("reason", "业主自行处理"), null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));

        act(id, "explode", null, null)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:not-found"));
    }

    @Test
    void aFollowUpIsAccepted() throws Exception {
        long id = createdId(deskToken, repair(mine, house));
        act(id, "follow-up", json("note", "业主再次来电"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline[-1].type").value("followUp"));
    }
}
