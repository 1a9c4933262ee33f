package org.propertydesk.affairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.support.Html;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Release passes at the front desk: issuing one for an occupant of a house, an owner's approved at once and a
 * tenant's waiting for consent or the desk's approval with a reason; the list, the printable pass, and who may do it.
 */
@WebIntegrationTest
class ReleasePassDeskTest {

    static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    ReleasePassTestData data;
    PropertyDeskUser desk;

    @BeforeEach
    void aSiteWithAnOwnerAndATenant() {
        data = new ReleasePassTestData(context);
        desk = data.frontDesk();
    }

    MockHttpServletRequestBuilder issue(long requesterId, String day) {
        return post("/passes").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                .param("houseId", Long.toString(data.house)).param("requesterId", Long.toString(requesterId))
                .param("items", "冰箱一台").param("passDate", day).param("vehiclePlate", "沪b 67890");
    }

    @Test
    void anOwnersPassIsApprovedAsItIsIssuedWithAReadableNumber() throws Exception {
        mvc.perform(issue(data.owner, data.today().toString())).andExpect(redirectedUrlPattern("/passes/*"));

        ReleasePass pass = data.latestOf(data.house);
        assertThat(pass.getStatus()).isEqualTo(ReleasePassStatus.APPROVED);
        assertThat(pass.getApproval()).isEqualTo(ReleasePassApproval.OWNER_REQUEST);
        assertThat(pass.getNumber()).matches("P-\\d{6}-\\d{4}");
        assertThat(pass.getVehiclePlate()).isEqualTo("沪B67890");
        assertThat(pass.getRequestedVia()).isEqualTo(ReleasePass.Channel.DESK);
    }

    @Test
    void aTenantsPassWaitsAndTheDeskApprovesItOnlyWithAReason() throws Exception {
        mvc.perform(issue(data.tenant, data.today().toString())).andExpect(redirectedUrlPattern("/passes/*"));
        ReleasePass pass = data.latestOf(data.house);
        assertThat(pass.getStatus()).isEqualTo(ReleasePassStatus.PENDING);

        mvc.perform(post("/passes/" + pass.getId() + "/approve").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                        .param("reason", "  "))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("reason", "Give the reason for the decision."));
        assertThat(data.reload(pass).getStatus()).isEqualTo(ReleasePassStatus.PENDING);

        mvc.perform(post("/passes/" + pass.getId() + "/approve").with(Users.as(desk)).with(csrf())
                        .param("reason", "业主电话同意").param("version", Long.toString(pass.getVersion())))
                .andExpect(redirectedUrl("/passes/" + pass.getId()));
        ReleasePass approved = data.reload(pass);
        assertThat(approved.getStatus()).isEqualTo(ReleasePassStatus.APPROVED);
        assertThat(approved.getApproval()).isEqualTo(ReleasePassApproval.DESK_APPROVAL);
        assertThat(approved.getDecisionReason()).isEqualTo("业主电话同意");
        assertThat(approved.getDecidedByName()).isEqualTo(desk.displayName());
    }

    @Test
    void theDeskMayRefuseATenantsPassWithAReasonAndADecidedPassStaysDecided() throws Exception {
        ReleasePass pass = data.issued(data.tenant, data.today());

        mvc.perform(post("/passes/" + pass.getId() + "/refuse").with(Users.as(desk)).with(csrf()).param("reason", "业主不同意"))
                .andExpect(redirectedUrl("/passes/" + pass.getId()));
        Object shown = mvc.perform(post("/passes/" + pass.getId() + "/approve").with(Users.as(desk)).with(csrf())
                        .param("reason", "再试一次"))
                .andExpect(redirectedUrl("/passes/" + pass.getId()))
                .andReturn().getFlashMap().get("flashError");

        assertThat(((Flash.FlashMessage) shown).key()).isEqualTo("pass.error.alreadyDecided");
        assertThat(data.reload(pass).getStatus()).isEqualTo(ReleasePassStatus.REFUSED);
    }

    @Test
    void whatIsMissingOrMalformedIsShownAtItsFieldAndNothingIsIssued() throws Exception {
        mvc.perform(post("/passes").with(Users.as(desk)).with(csrf()).cookie(ENGLISH)
                        .param("houseId", Long.toString(data.house)).param("requesterId", "")
                        .param("items", " ").param("passDate", data.today().minusDays(1).toString())
                        .param("vehiclePlate", "<script>"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("requesterId", "Choose who is asking."))
                .andExpect(Html.errorAt("items", "Say what is leaving."))
                .andExpect(Html.errorAt("passDate", "The day cannot be in the past."))
                .andExpect(Html.errorAt("vehiclePlate", "Enter a plate as written on the vehicle"));
        mvc.perform(issue(data.owner, "next tuesday"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("passDate", "Enter a date as yyyy-mm-dd."));

        assertThat(data.passesOf(data.house)).isZero();
    }

    @Test
    void onlyACurrentOccupantOfTheHouseCanAskForItsPass() throws Exception {
        mvc.perform(issue(data.otherOwner, data.today().toString()))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("requesterId", "Only a current occupant of the house can ask for a pass."));

        assertThat(data.passesOf(data.house)).isZero();
    }

    @Test
    void theDeskFindsTheHouseByItsCodeAndOffersItsOccupants() throws Exception {
        mvc.perform(get("/passes/new").with(Users.as(desk)).param("siteId", Long.toString(data.site.id()))
                        .param("houseCode", "8#1-0501"))
                .andExpect(redirectedUrl("/passes/new?houseId=" + data.house));

        mvc.perform(get("/passes/new").with(Users.as(desk)).cookie(ENGLISH).param("houseId", Long.toString(data.house)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + data.owner + "\"")))
                .andExpect(content().string(containsString("value=\"" + data.tenant + "\"")));
        mvc.perform(get("/passes/new").with(Users.as(desk)).cookie(ENGLISH).param("siteId", Long.toString(data.site.id()))
                        .param("houseCode", "99-9999"))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("houseCode", "No house with this code at this site."));
    }

    @Test
    void thePrintablePassCarriesItsGateCheckAddressAsAQrCode() throws Exception {
        ReleasePass pass = data.approvedForToday();

        mvc.perform(get("/passes/" + pass.getId() + "/print").with(Users.as(desk)).cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("src=\"data:image/svg+xml;base64,")))
                .andExpect(content().string(containsString("data-print")))
                .andExpect(content().string(containsString("/js/print.js")))
                .andExpect(content().string(containsString(pass.getNumber())));
        mvc.perform(get("/passes/" + pass.getId()).with(Users.as(desk)))
                .andExpect(content().string(containsString("/gate/passes/" + pass.getNumber())));
    }

    @Test
    void theListShowsTodaysPassesAndThoseWaitingForConsent() throws Exception {
        ReleasePass today = data.approvedForToday();
        ReleasePass nextWeek = data.issued(data.tenant, data.today().plusDays(7));

        String todays = mvc.perform(get("/passes").with(Users.as(desk)).param("siteId", Long.toString(data.site.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String waiting = mvc.perform(get("/passes").with(Users.as(desk)).param("view", "PENDING")
                        .param("siteId", Long.toString(data.site.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(todays).contains(today.getNumber()).doesNotContain(nextWeek.getNumber());
        assertThat(waiting).contains(nextWeek.getNumber()).doesNotContain(today.getNumber());
    }

    @Test
    void theHousePageListsTheHousesPassesAndOffersANewOne() throws Exception {
        ReleasePass pass = data.approvedForToday();

        mvc.perform(get("/passes/houses/" + data.house + "/section").with(Users.as(desk)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(pass.getNumber())))
                .andExpect(content().string(containsString("/passes/new?houseId=" + data.house)));
        mvc.perform(get("/passes/houses/" + data.house + "/section")
                        .with(Users.as(Users.withRole(Role.DISPATCHER, data.site.id()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(pass.getNumber())))
                .andExpect(content().string(not(containsString("/passes/new"))));
        mvc.perform(get("/passes/houses/" + data.house + "/section").with(Users.as(Users.frontDesk(data.otherSite.id()))))
                .andExpect(status().isNotFound());
    }

    @Test
    void staffOfAnotherSiteFindNoSuchPassOrHouse() throws Exception {
        ReleasePass pass = data.issued(data.tenant, data.today());
        PropertyDeskUser otherDesk = Users.frontDesk(data.otherSite.id());

        mvc.perform(get("/passes/" + pass.getId()).with(Users.as(otherDesk))).andExpect(status().isNotFound());
        mvc.perform(get("/passes/" + pass.getId() + "/print").with(Users.as(otherDesk))).andExpect(status().isNotFound());
        mvc.perform(post("/passes/" + pass.getId() + "/approve").with(Users.as(otherDesk)).with(csrf()).param("reason", "x"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/passes/new").with(Users.as(otherDesk)).param("houseId", Long.toString(data.house)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/passes").with(Users.as(otherDesk)).with(csrf()).param("houseId", Long.toString(data.house))
                        .param("requesterId", Long.toString(data.owner)).param("items", "床")
                        .param("passDate", data.today().toString()))
                .andExpect(status().isNotFound());
        String list = mvc.perform(get("/passes").with(Users.as(otherDesk)).param("view", "ALL"))
                .andReturn().getResponse().getContentAsString();

        assertThat(list).doesNotContain(pass.getNumber());
        assertThat(data.reload(pass).getStatus()).isEqualTo(ReleasePassStatus.PENDING);
    }

    @Test
    void techniciansAndDispatchersMayNotIssueOrApprovePasses() throws Exception {
        ReleasePass pass = data.issued(data.tenant, data.today());
        for (Role role : List.of(Role.TECHNICIAN, Role.DISPATCHER)) {
            PropertyDeskUser user = Users.withRole(role, data.site.id());
            mvc.perform(get("/passes").with(Users.as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/passes/" + pass.getId()).with(Users.as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/passes/" + pass.getId() + "/approve").with(Users.as(user)).with(csrf()).param("reason", "x"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/passes").with(Users.as(data.portalUser(data.ownerUsername)))).andExpect(status().isForbidden());
        assertThat(data.reload(pass).getStatus()).isEqualTo(ReleasePassStatus.PENDING);
    }

    @Test
    void managersAndAdministratorsWorkWithPassesToo() throws Exception {
        ReleasePass pass = data.approvedForToday();

        mvc.perform(get("/passes/" + pass.getId()).with(Users.as(Users.manager(data.site.id()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(pass.getNumber())));
        mvc.perform(get("/passes/" + pass.getId()).with(Users.as(Users.admin()))).andExpect(status().isOk());
    }
}
