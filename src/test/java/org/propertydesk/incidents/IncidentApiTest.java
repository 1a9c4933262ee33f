package org.propertydesk.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.propertydesk.support.ApiClient.bearer;
import static org.propertydesk.support.ApiClient.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.ApiClient;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The incidents API: staff of the site declare an incident, link requests, post updates and resolve it, with the
 * pages' rules; another site's incident is not found, a technician may only read, and owners are refused every call.
 * The clock stands on 5 June 2026, 14:00 in Shanghai.
 */
@ClockedIntegrationTest
class IncidentApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    IncidentTestData data;

    @Autowired
    MutableClock clock;

    long site;
    String siteCode;
    long building;
    IncidentTestData.Household household;
    PropertyDeskUser desk;
    String deskToken;

    @BeforeEach
    void aFrontDeskWithAToken() throws Exception {
        clock.set("2026-06-05T14:00");
        site = data.site();
        siteCode = data.siteCode(site);
        building = data.building(site, "2号楼");
        household = data.household(building, "0909");
        desk = data.frontDesk(site);
        deskToken = ApiClient.token(mvc, desk.getUsername(), "x");
    }

    private ResultActions call(String token, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(bearer(token)).header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
    }

    private ResultActions send(String token, MockHttpServletRequestBuilder request, String body) throws Exception {
        return call(token, request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long declare() throws Exception {
        String body = send(deskToken, post("/api/v1/incidents"), """
                {"siteCode": "%s", "kind": "WATER_OUTAGE", "title": "2号楼停水", "buildingIds": [%d],
                 "severity": "MAJOR", "expectedRestoreAt": "2026-06-05T18:00:00+08:00"}
                """.formatted(siteCode, building))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void anIncidentIsDeclaredLinkedUpdatedAndResolved() throws Exception {
        send(deskToken, post("/api/v1/incidents"), """
                {"siteCode": "%s", "kind": "WATER_OUTAGE", "title": "2号楼停水", "buildingIds": [%d],
                 "expectedRestoreAt": "2026-06-05T18:00:00+08:00"}
                """.formatted(siteCode, building))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, startsWith("/api/v1/incidents/")))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.severity").value("MAJOR"))
                .andExpect(jsonPath("$.linkedRequests").value(0))
                .andExpect(jsonPath("$.expectedRestoreAt").value("2026-06-05T18:00:00+08:00"));
        long incident = data.latestIncident(site);
        long request = data.repair(desk, site, household, "没水了");

        send(deskToken, post("/api/v1/incidents/{id}/requests", incident), json("requestId", request))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.linkedRequests").value(1))
                .andExpect(jsonPath("$.requests[0].id").value(request))
                .andExpect(jsonPath("$.requests[0].status").value("ACKNOWLEDGED"));
        send(deskToken, post("/api/v1/incidents/{id}/updates", incident), json("note", "抢修中"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline[*].type", hasItem("updated")));
        assertThat(data.publicNotes(request, "incidentUpdate")).containsExactly("抢修中");
        send(deskToken, post("/api/v1/incidents/{id}/resolve", incident), json("note", "已恢复供水"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.resolutionNote").value("已恢复供水"))
                .andExpect(jsonPath("$.requests[0].status").value("RESOLVED"));

        call(deskToken, get("/api/v1/incidents").param("siteCode", siteCode).param("status", "RESOLVED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(incident))
                .andExpect(jsonPath("$.content[0].siteCode").value(siteCode))
                .andExpect(jsonPath("$.content[0].linkedRequests").value(1));
    }

    @Test
    void badInputIsAnsweredAtItsField() throws Exception {
        send(deskToken, post("/api/v1/incidents"), json("siteCode", siteCode, "kind", "WATER_OUTAGE", "title", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")));
        send(deskToken, post("/api/v1/incidents"), json("siteCode", "NO-SUCH-SITE", "kind", "WATER_OUTAGE", "title", "停水"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("siteCode"));
        send(deskToken, post("/api/v1/incidents"), json("siteCode", siteCode, "kind", "WATER_OUTAGE", "title", "停水",
                        "expectedRestoreAt", "2026-06-05T10:00:00+08:00"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expectedRestoreAt"));
        long incident = declare();
        send(deskToken, post("/api/v1/incidents/{id}/updates", incident), json("note", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        assertThat(data.count("select count(*) from incident where site_id = ?", site)).isOne();
    }

    @Test
    void anotherSitesIncidentIsNotFoundAndATechnicianOnlyReads() throws Exception {
        long incident = declare();
        PropertyDeskUser elsewhere = data.frontDesk(data.site());
        String elsewhereToken = ApiClient.token(mvc, elsewhere.getUsername(), "x");
        String technicianToken = ApiClient.token(mvc, data.technician(site).getUsername(), "x");

        call(elsewhereToken, get("/api/v1/incidents/{id}", incident)).andExpect(status().isNotFound());
        send(elsewhereToken, post("/api/v1/incidents/{id}/resolve", incident), json("note", "好了"))
                .andExpect(status().isNotFound());
        call(technicianToken, get("/api/v1/incidents/{id}", incident)).andExpect(status().isOk());
        send(technicianToken, post("/api/v1/incidents/{id}/resolve", incident), json("note", "好了"))
                .andExpect(status().isForbidden());
        assertThat(data.incidentStatus(incident)).isEqualTo("ACTIVE");
    }

    @Test
    void anOwnerIsRefusedEveryIncidentCall() throws Exception {
        long incident = declare();
        PropertyDeskUser owner = data.owner(household);
        String ownerToken = ApiClient.token(mvc, owner.getUsername(), "incident-secret-1");

        call(ownerToken, get("/api/v1/incidents")).andExpect(status().isForbidden());
        call(ownerToken, get("/api/v1/incidents/{id}", incident)).andExpect(status().isForbidden());
        send(ownerToken, post("/api/v1/incidents"), json("siteCode", siteCode, "kind", "OTHER", "title", "x"))
                .andExpect(status().isForbidden());
        send(ownerToken, post("/api/v1/incidents/{id}/updates", incident), json("note", "x"))
                .andExpect(status().isForbidden());
        send(ownerToken, post("/api/v1/incidents/{id}/resolve", incident), json("note", "x"))
                .andExpect(status().isForbidden());
        assertThat(data.incidentStatus(incident)).isEqualTo("ACTIVE");
    }
}
