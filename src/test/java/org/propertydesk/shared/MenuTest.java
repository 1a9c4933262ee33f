package org.propertydesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The menu on every page offers each person the work of their roles, and nothing they could not open.
 */
@WebIntegrationTest
class MenuTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theFrontDeskIsOfferedCallersRequestsCallbacksAndFeesButNotDispatchDashboardOrAdministration() throws Exception {
        assertThat(menu(Users.frontDesk(1L), "/"))
                .contains("href=\"/records/lookup\"", "href=\"/requests\"", "href=\"/callbacks\"", "href=\"/affairs/fees\"",
                        "href=\"/passes\"", "href=\"/notifications\"")
                .doesNotContain("href=\"/dispatch\"", "href=\"/dashboard\"", "href=\"/staff\"", "href=\"/audit\"",
                        "href=\"/work\"", "href=\"/portal\"", "href=\"/requests/settings\"");
    }

    @Test
    void aDispatcherIsOfferedTheBoardAndRecordsButNotFees() throws Exception {
        assertThat(menu(Users.withRole(Role.DISPATCHER, 1L), "/"))
                .contains("href=\"/dispatch\"", "href=\"/records/lookup\"", "href=\"/incidents\"")
                .doesNotContain("href=\"/affairs/fees\"", "href=\"/callbacks\"", "href=\"/dashboard\"", "href=\"/staff\"");
    }

    @Test
    void aManagerIsOfferedTheDashboardAndSettingsAndOnlyAnAdminStaffAndTheAuditLog() throws Exception {
        assertThat(menu(Users.manager(1L), "/"))
                .contains("href=\"/dashboard\"", "href=\"/dispatch\"", "href=\"/requests/settings\"", "href=\"/notices\"")
                .doesNotContain("href=\"/staff\"", "href=\"/audit\"", "href=\"/work\"");
        assertThat(menu(Users.admin(), "/")).contains("href=\"/staff\"", "href=\"/audit\"", "href=\"/dashboard\"");
    }

    @Test
    void aTechnicianIsOfferedTheirJobsTheGateAndIncidentsOnly() throws Exception {
        assertThat(menu(Users.withRole(Role.TECHNICIAN, 1L), "/notifications"))
                .contains("href=\"/work\"", "href=\"/gate\"", "href=\"/incidents\"", "href=\"/notifications\"")
                .doesNotContain("href=\"/records/lookup\"", "href=\"/requests\"", "href=\"/dispatch\"", "href=\"/dashboard\"");
    }

    @Test
    void nobodyIsOfferedAMenuBeforeLoggingIn() throws Exception {
        String login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(login).doesNotContain("<nav", "href=\"/requests\"");
    }

    private String menu(PropertyDeskUser user, String page) throws Exception {
        String html = mvc.perform(get(page).with(Users.as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<nav");
        return html.substring(html.indexOf("<nav"), html.indexOf("</nav>"));
    }
}
