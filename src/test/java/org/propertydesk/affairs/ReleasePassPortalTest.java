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

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.Html;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Release passes in the owner portal: an owner's pass is ready at once with its QR code, a tenant's waits for the
 * owner, who consents or refuses in the portal; other households' passes do not exist for them.
 */
@WebIntegrationTest
class ReleasePassPortalTest {

    static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    ReleasePassTestData data;
    PropertyDeskUser owner;
    PropertyDeskUser tenant;
    PropertyDeskUser otherOwner;

    @BeforeEach
    void twoHouseholds() {
        data = new ReleasePassTestData(context);
        owner = data.portalUser(data.ownerUsername);
        tenant = data.portalUser(data.tenantUsername);
        otherOwner = data.portalUser(data.otherOwnerUsername);
    }

    MockHttpServletRequestBuilder ask(PropertyDeskUser user, long houseId) {
        return post("/portal/passes").with(Users.as(user)).with(csrf()).cookie(ENGLISH)
                .param("houseId", Long.toString(houseId)).param("items", "钢琴一架")
                .param("passDate", data.today().toString());
    }

    @Test
    void anOwnersPassIsReadyAtOnceWithItsCodeForTheGate() throws Exception {
        mvc.perform(ask(owner, data.house)).andExpect(redirectedUrlPattern("/portal/passes/*"));
        ReleasePass pass = data.latestOf(data.house);

        assertThat(pass.getStatus()).isEqualTo(ReleasePassStatus.APPROVED);
        assertThat(pass.getRequestedVia()).isEqualTo(ReleasePass.Channel.PORTAL);
        mvc.perform(get("/portal/passes/" + pass.getId()).with(Users.as(owner)).cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("src=\"data:image/svg+xml;base64,")))
                .andExpect(content().string(containsString("Show this code at the gate")));
        mvc.perform(get("/portal/passes/" + pass.getId() + "/print").with(Users.as(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-print")));
    }

    @Test
    void aTenantsPassWaitsForTheOwnersConsentWhichTheOwnerGivesInThePortal() throws Exception {
        mvc.perform(ask(tenant, data.house)).andExpect(redirectedUrlPattern("/portal/passes/*"));
        ReleasePass pass = data.latestOf(data.house);
        assertThat(pass.getStatus()).isEqualTo(ReleasePassStatus.PENDING);
        mvc.perform(get("/portal/passes/" + pass.getId()).with(Users.as(tenant)).cookie(ENGLISH))
                .andExpect(content().string(not(containsString("data:image/svg+xml"))))
                .andExpect(content().string(not(containsString("/consent\""))));

        mvc.perform(get("/portal/passes").with(Users.as(owner)).cookie(ENGLISH))
                .andExpect(content().string(containsString("Waiting for your consent")))
                .andExpect(content().string(containsString(pass.getNumber())));
        mvc.perform(post("/portal/passes/" + pass.getId() + "/consent").with(Users.as(owner)).with(csrf()))
                .andExpect(redirectedUrl("/portal/passes/" + pass.getId()));

        ReleasePass consented = data.reload(pass);
        assertThat(consented.getStatus()).isEqualTo(ReleasePassStatus.APPROVED);
        assertThat(consented.getApproval()).isEqualTo(ReleasePassApproval.OWNER_CONSENT);
    }

    @Test
    void theOwnerMayRefuseAndATenantCannotConsentToTheirOwnPass() throws Exception {
        ReleasePass pass = data.issued(data.tenant, data.today());

        mvc.perform(post("/portal/passes/" + pass.getId() + "/consent").with(Users.as(tenant)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(data.reload(pass).getStatus()).isEqualTo(ReleasePassStatus.PENDING);

        mvc.perform(post("/portal/passes/" + pass.getId() + "/refuse").with(Users.as(owner)).with(csrf())
                        .param("reason", "家具是我的"))
                .andExpect(redirectedUrl("/portal/passes/" + pass.getId()));
        ReleasePass refused = data.reload(pass);
        assertThat(refused.getStatus()).isEqualTo(ReleasePassStatus.REFUSED);
        assertThat(refused.getDecisionReason()).isEqualTo("家具是我的");
    }

    @Test
    void anotherHouseholdsPassesAndHousesDoNotExistForAnOwner() throws Exception {
        ReleasePass pass = data.issued(data.tenant, data.today());

        mvc.perform(get("/portal/passes/" + pass.getId()).with(Users.as(otherOwner))).andExpect(status().isNotFound());
        mvc.perform(get("/portal/passes/" + pass.getId() + "/print").with(Users.as(otherOwner))).andExpect(status().isNotFound());
        mvc.perform(post("/portal/passes/" + pass.getId() + "/consent").with(Users.as(otherOwner)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(ask(otherOwner, data.house)).andExpect(status().isNotFound());
        mvc.perform(get("/portal/passes").with(Users.as(otherOwner)))
                .andExpect(content().string(not(containsString(pass.getNumber()))));

        assertThat(data.reload(pass).getStatus()).isEqualTo(ReleasePassStatus.PENDING);
        assertThat(data.passesOf(data.house)).isEqualTo(1);
    }

    @Test
    void aFormWithoutItemsOrWithAPastDateIsShownAgainWithMessages() throws Exception {
        mvc.perform(post("/portal/passes").with(Users.as(owner)).with(csrf()).cookie(ENGLISH)
                        .param("houseId", Long.toString(data.house)).param("items", "")
                        .param("passDate", data.today().minusDays(3).toString()))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("items", "Say what is leaving."))
                .andExpect(Html.errorAt("passDate", "The day cannot be in the past."));

        assertThat(data.passesOf(data.house)).isZero();
    }

    @Test
    void staffCannotOpenThePortalPages() throws Exception {
        mvc.perform(get("/portal/passes").with(Users.as(data.frontDesk()))).andExpect(status().isForbidden());
    }
}
