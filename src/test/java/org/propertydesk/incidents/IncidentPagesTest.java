package org.propertydesk.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.support.Html.errorAt;
import static org.propertydesk.support.Html.errorAtId;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.propertydesk.requests.IncidentRequests;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The incident pages as specifications: who may read and work them, other sites' incidents not found, owners kept
 * out, bad input answered at its field, the request page's section, and the dashboard's. The clock stands on
 * 4 June 2026, 10:00 in Shanghai.
 */
@ClockedIntegrationTest
class IncidentPagesTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    MockMvc mvc;

    @Autowired
    IncidentTestData data;

    @Autowired
    IncidentService incidents;

    @Autowired
    MutableClock clock;

    long site;
    long building;
    IncidentTestData.Household household;
    PropertyDeskUser desk;
    PropertyDeskUser manager;
    long incident;

    @BeforeEach
    void aSiteWithAnActiveIncident() {
        clock.set("2026-06-04T10:00");
        site = data.site();
        building = data.building(site, "7号楼");
        household = data.household(building, "0606");
        desk = data.frontDesk(site);
        manager = data.manager(site);
        incident = Users.callAs(desk, () -> incidents.declare(new Incident.Declaration(site, Set.of(building),
                IncidentKind.ELEVATOR_ENTRAPMENT, IncidentSeverity.CRITICAL, "7号楼电梯困人", null, null))
                .incident().getId());
    }

    private MockHttpServletRequestBuilder declaration(PropertyDeskUser by) {
        return declaration(by, site);
    }

    private MockHttpServletRequestBuilder declaration(PropertyDeskUser by, long siteId) {
        return post("/incidents").with(Users.as(by)).with(csrf()).cookie(ENGLISH)
                .param("siteId", String.valueOf(siteId)).param("kind", "POWER_OUTAGE").param("severity", "MAJOR")
                .param("title", "全小区停电");
    }

    private String page(String url, PropertyDeskUser user) throws Exception {
        return mvc.perform(get(url).with(Users.as(user)).cookie(ENGLISH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Nested
    class Access {

        @Test
        void theFrontDeskOfTheSiteListsReadsAndDeclares() throws Exception {
            assertThat(page("/incidents?siteId=" + site, desk)).contains("7号楼电梯困人").contains("Declare an incident");
            assertThat(page("/incidents/" + incident, desk)).contains("Person trapped in a lift").contains("7号楼");
            mvc.perform(declaration(desk)).andExpect(status().is3xxRedirection());
        }

        @Test
        void aTechnicianReadsButNeitherDeclaresNorWorksThem() throws Exception {
            PropertyDeskUser technician = data.technician(site);

            assertThat(page("/incidents/" + incident, technician)).contains("7号楼电梯困人")
                    .doesNotContain("Post an update").doesNotContain("Resolve the incident");
            assertThat(page("/incidents", technician)).doesNotContain("Declare an incident");
            mvc.perform(declaration(technician)).andExpect(status().isForbidden());
            mvc.perform(get("/incidents/new").with(Users.as(technician))).andExpect(status().isForbidden());
            mvc.perform(post("/incidents/{id}/resolve", incident).with(Users.as(technician)).with(csrf())
                    .param("note", "好了")).andExpect(status().isForbidden());
            assertThat(data.incidentStatus(incident)).isEqualTo("ACTIVE");
        }

        @Test
        void anOwnerIsKeptOutOfEveryIncidentPage() throws Exception {
            PropertyDeskUser owner = data.owner(household);

            mvc.perform(get("/incidents").with(Users.as(owner))).andExpect(status().isForbidden());
            mvc.perform(get("/incidents/{id}", incident).with(Users.as(owner))).andExpect(status().isForbidden());
            mvc.perform(post("/incidents/{id}/calls", incident).with(Users.as(owner)).with(csrf())
                    .param("houseId", String.valueOf(household.houseId()))).andExpect(status().isForbidden());
            assertThat(data.linked(incident)).isEmpty();
        }

        @Test
        void staffOfAnotherSiteFindNothingOfThisOne() throws Exception {
            PropertyDeskUser elsewhere = data.frontDesk(data.site());

            mvc.perform(get("/incidents/{id}", incident).with(Users.as(elsewhere))).andExpect(status().isNotFound());
            mvc.perform(get("/incidents").param("siteId", String.valueOf(site)).with(Users.as(elsewhere)))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/incidents/{id}/updates", incident).with(Users.as(elsewhere)).with(csrf())
                    .param("note", "更新")).andExpect(status().isNotFound());
            mvc.perform(post("/incidents/{id}/resolve", incident).with(Users.as(elsewhere)).with(csrf())
                    .param("note", "好了")).andExpect(status().isNotFound());
            mvc.perform(get("/incidents/intake-banner").param("houseId", String.valueOf(household.houseId()))
                    .with(Users.as(elsewhere))).andExpect(status().isNotFound());
            assertThat(page("/incidents", elsewhere)).doesNotContain("7号楼电梯困人");
            assertThat(data.incidentStatus(incident)).isEqualTo("ACTIVE");
        }

        @Test
        void aCallCannotBeLinkedToAnotherSitesIncident() throws Exception {
            PropertyDeskUser elsewhere = data.frontDesk(data.site());

            mvc.perform(post("/incidents/{id}/calls", incident).with(Users.as(elsewhere)).with(csrf())
                    .param("houseId", String.valueOf(household.houseId())).param("contactPhone", "13800000000"))
                    .andExpect(status().isNotFound());
            assertThat(data.linked(incident)).isEmpty();
        }
    }

    @Nested
    class BadInput {

        @Test
        void aDeclarationWithoutTitleOrKindIsRefusedAtThoseFields() throws Exception {
            mvc.perform(post("/incidents").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                            .param("siteId", String.valueOf(site)).param("severity", "MAJOR").param("title", " "))
                    .andExpect(status().isOk())
                    .andExpect(errorAt("title", "Required."))
                    .andExpect(errorAt("kind", "Required."));
        }

        @Test
        void anExpectedRestorationInThePastIsRefusedAtItsField() throws Exception {
            mvc.perform(declaration(desk).param("expectedRestoreAt", "2026-06-04T09:00"))
                    .andExpect(status().isOk())
                    .andExpect(errorAt("expectedRestoreAt", "The expected time must be in the future."));
        }

        @Test
        void aBuildingOfAnotherSiteIsRefused() throws Exception {
            long foreign = data.building(data.site(), "外楼");

            mvc.perform(declaration(desk).param("buildingIds", String.valueOf(foreign)))
                    .andExpect(status().isOk())
                    .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                            .contains("Choose buildings of the chosen site."));
            assertThat(data.count("select count(*) from incident where site_id = ? and title = '全小区停电'", site)).isZero();
        }

        @Test
        void aSiteTheDeskDoesNotServeIsRefusedAtTheSiteField() throws Exception {
            long foreignSite = data.site();

            mvc.perform(declaration(desk, foreignSite))
                    .andExpect(status().isOk())
                    .andExpect(errorAt("siteId", "Choose one of your sites."));
        }

        @Test
        void anEmptyUpdateIsRefusedAtTheNoteAndChangesNothing() throws Exception {
            mvc.perform(post("/incidents/{id}/updates", incident).with(Users.as(desk)).with(csrf())
                            .cookie(ENGLISH).param("note", "").param("expectedRestoreAt", "not a time"))
                    .andExpect(status().isOk())
                    .andExpect(errorAtId("updateNote", "Required."))
                    .andExpect(errorAtId("updateExpected", "Not a valid value."));
            assertThat(data.count("select count(*) from incident_update where incident_id = ? and type = 'updated'",
                    incident)).isZero();
        }

        @Test
        void aLinkedCallWithoutAnyPhoneNumberGoesBackToIntakeWithTheReason() throws Exception {
            mvc.perform(post("/incidents/{id}/calls", incident).with(Users.as(desk)).with(csrf()).cookie(ENGLISH))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/requests/new"))
                    .andExpect(result -> assertThat(((Flash.FlashMessage)
                            result.getFlashMap().get("flashError")).key()).isEqualTo("incident.error.phoneRequired"));
            assertThat(data.linked(incident)).isEmpty();
        }
    }

    @Nested
    class Sections {

        @Test
        void theRequestPageOffersTheActiveIncidentAndThenShowsTheLinkedOne() throws Exception {
            long request = data.repair(desk, site, household, "电梯停在 6 楼，里面有人");

            assertThat(page("/incidents/requests/" + request + "/section", desk))
                    .contains("7号楼电梯困人").contains("Link to this incident");
            mvc.perform(post("/incidents/{id}/requests", incident).with(Users.as(desk)).with(csrf())
                    .param("requestId", String.valueOf(request)))
                    .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                            .isEqualTo("/requests/" + request));
            assertThat(page("/incidents/requests/" + request + "/section", desk))
                    .contains("data-incident=\"" + incident + "\"").doesNotContain("Link to this incident");
        }

        @Test
        void theIntakeBannerOffersNothingOnceTheIncidentIsResolved() throws Exception {
            assertThat(page("/incidents/intake-banner?siteId=" + site, desk)).contains("7号楼电梯困人")
                    .contains("no restoration time yet");
            Users.runAs(desk, () -> incidents.resolve(incident, "已救出，电梯停用检修"));

            assertThat(page("/incidents/intake-banner?houseId=" + household.houseId(), desk))
                    .doesNotContain("7号楼电梯困人");
        }

        @Test
        void theDashboardListsTheIncidentsOfThePeriodWithTheirCallsForManagersOnly() throws Exception {
            Users.runAs(desk, () -> incidents.linkCall(incident,
                    new IncidentRequests.Call(site, household.houseId(), household.customerId(), null, null, null)));
            clock.advanceMinutes(95);
            Users.runAs(desk, () -> incidents.resolve(incident, "已救出"));

            String section = page("/incidents/dashboard?period=TODAY&sites=" + site, manager);
            assertThat(section).contains("data-incident=\"" + incident + "\"").contains("1 h 35 min")
                    .contains("1 call(s) absorbed");
            mvc.perform(get("/incidents/dashboard").with(Users.as(desk))).andExpect(status().isForbidden());
            mvc.perform(get("/incidents/dashboard").param("sites", String.valueOf(data.site())).with(Users.as(manager)))
                    .andExpect(status().isNotFound());
        }
    }
}
