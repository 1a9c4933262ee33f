package org.propertydesk.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The "done when" for incidents, through the pages as people use them: a manager declares a water outage for
 * one building; the households there get an urgent notice and the emergency-duty technician and the manager are told;
 * three calls from that building are linked in one click each at intake, are not sent to anyone and tell the agent
 * the time to give the caller; an update reaches their timelines and the portal; resolving the incident resolves all
 * three. The clock stands on 2 June 2026, 09:00 in Shanghai.
 */
@ClockedIntegrationTest
class IncidentFlowTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    MockMvc mvc;

    @Autowired
    IncidentTestData data;

    @Autowired
    MutableClock clock;

    long site;
    long building3;
    long building5;
    List<IncidentTestData.Household> inBuilding3 = new ArrayList<>();
    IncidentTestData.Household inBuilding5;
    PropertyDeskUser manager;
    PropertyDeskUser desk;
    PropertyDeskUser onDuty;

    @BeforeEach
    void aSiteWithTwoBuildingsAndItsPeople() {
        clock.set("2026-06-02T09:00");
        site = data.site();
        building3 = data.building(site, "3号楼");
        building5 = data.building(site, "5号楼");
        for (String room : List.of("0101", "0502", "1203")) {
            inBuilding3.add(data.household(building3, room));
        }
        inBuilding5 = data.household(building5, "0801");
        manager = data.manager(site);
        desk = data.frontDesk(site);
        onDuty = data.technicianOnEmergencyDuty(clock.instant(), site);
        data.plumberOnDuty(clock.instant(), site);
        data.autoDispatchEverything(site);
    }

    @Test
    void aWaterOutageOfOneBuildingAbsorbsItsCallsAndResolvesThemTogether() throws Exception {
        mvc.perform(post("/incidents").with(Users.as(manager)).with(csrf()).cookie(ENGLISH)
                        .param("siteId", String.valueOf(site)).param("buildingIds", String.valueOf(building3))
                        .param("kind", "WATER_OUTAGE").param("severity", "MAJOR")
                        .param("title", "3号楼供水管抢修停水").param("description", "地下室主管破裂，已关阀抢修。")
                        .param("expectedRestoreAt", "2026-06-02T15:00"))
                .andExpect(status().is3xxRedirection());
        long incident = data.latestIncident(site);

        // the people who must act are told at once
        assertThat(data.notifiedAbout("/incidents/" + incident))
                .containsExactlyInAnyOrder(onDuty.getUsername(), manager.getUsername());

        // the households of building 3 get the urgent notice; building 5 does not
        PropertyDeskUser ownerIn3 = data.owner(inBuilding3.get(0));
        PropertyDeskUser ownerIn5 = data.owner(inBuilding5);
        long notice = data.noticeOf(incident);
        assertThat(page("/portal/notices", ownerIn3)).contains("3号楼供水管抢修停水");
        assertThat(page("/portal/notices", ownerIn5)).doesNotContain("3号楼供水管抢修停水");
        mvc.perform(get("/portal/notices/{id}", notice).with(Users.as(ownerIn5))).andExpect(status().isNotFound());

        // intake for a caller of building 3 shows the incident first, with the time to give the caller
        String banner = page("/incidents/intake-banner?houseId=" + inBuilding3.get(0).houseId(), desk);
        assertThat(banner).contains("3号楼供水管抢修停水").contains("Tell the caller: expected back by 2026-06-02 15:00");
        assertThat(page("/incidents/intake-banner?houseId=" + inBuilding5.houseId(), desk))
                .doesNotContain("3号楼供水管抢修停水");

        // three calls, one click each
        for (IncidentTestData.Household caller : inBuilding3) {
            clock.advanceMinutes(4);
            MvcResult linked = mvc.perform(post("/incidents/{id}/calls", incident).with(Users.as(desk)).with(csrf())
                            .cookie(ENGLISH).param("houseId", String.valueOf(caller.houseId()))
                            .param("customerId", String.valueOf(caller.customerId())))
                    .andExpect(redirectedUrlPattern("/requests/*"))
                    .andReturn();
            Flash.FlashMessage message = (Flash.FlashMessage) linked.getFlashMap().get("flashSuccess");
            assertThat(message.key()).isEqualTo("incident.callLinked");
            assertThat(message.arguments()).contains("2026-06-02 15:00");
        }
        List<Long> calls = data.linked(incident);
        assertThat(calls).hasSize(3);
        for (long call : calls) {
            assertThat(data.status(call)).as("the agent handled the call").isEqualTo("ACKNOWLEDGED");
            assertThat(data.kind(call)).isEqualTo("INQUIRY");
            assertThat(data.workOrders(call)).as("the incident is the work: nobody is sent").isZero();
            assertThat(data.publicNotes(call, "incidentLinked")).singleElement().asString()
                    .contains("3号楼供水管抢修停水").contains("2026-06-02 15:00");
        }
        String incidentPage = page("/incidents/" + incident, desk);
        for (long call : calls) {
            assertThat(incidentPage).contains("data-request=\"" + call + "\"");
        }

        // an update reaches every linked request's timeline, the owner's request page and the notice
        clock.advanceMinutes(60);
        mvc.perform(post("/incidents/{id}/updates", incident).with(Users.as(manager)).with(csrf())
                        .param("note", "新管件已到场，正在焊接。").param("expectedRestoreAt", "2026-06-02T16:00"))
                .andExpect(redirectedUrl("/incidents/" + incident));
        for (long call : calls) {
            assertThat(data.publicNotes(call, "incidentUpdate")).singleElement().asString()
                    .startsWith("新管件已到场，正在焊接。").contains("2026-06-02 16:00");
        }
        long ownersRequest = calls.get(0);
        assertThat(page("/portal/requests/" + ownersRequest, ownerIn3)).contains("新管件已到场，正在焊接。");
        assertThat(page("/portal/notices/" + notice, ownerIn3)).contains("新管件已到场，正在焊接。")
                .contains("2026-06-02 16:00");

        // resolving the incident resolves all three
        clock.advanceMinutes(90);
        MvcResult resolved = mvc.perform(post("/incidents/{id}/resolve", incident).with(Users.as(manager)).with(csrf())
                        .param("note", "主管已更换，供水恢复。"))
                .andExpect(redirectedUrl("/incidents/" + incident))
                .andReturn();
        Flash.FlashMessage outcome = (Flash.FlashMessage) resolved.getFlashMap().get("flashSuccess");
        assertThat(outcome.key()).isEqualTo("incident.resolvedFlash");
        assertThat(outcome.arguments()).containsExactly(3);
        assertThat(data.incidentStatus(incident)).isEqualTo("RESOLVED");
        for (long call : calls) {
            assertThat(data.status(call)).isEqualTo("RESOLVED");
            assertThat(data.publicNotes(call, "resolved")).containsExactly("主管已更换，供水恢复。");
        }
        assertThat(page("/portal/notices/" + notice, ownerIn3)).contains("主管已更换，供水恢复。");
    }

    private String page(String url, PropertyDeskUser user) throws Exception {
        return mvc.perform(get(url).with(Users.as(user)).cookie(ENGLISH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
