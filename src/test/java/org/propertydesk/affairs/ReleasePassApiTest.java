package org.propertydesk.affairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.propertydesk.support.ApiClient.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.Role;
import org.propertydesk.staff.StaffFixtures;
import org.propertydesk.support.ApiClient;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The release-pass API for gate devices and the owner app: a guard's check is logged and a pass is used once; staff of
 * another site and owners of another household find nothing; owners read but never use passes.
 */
@WebIntegrationTest
class ReleasePassApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    ReleasePassTestData data;
    String guardToken;

    @BeforeEach
    void aSiteAndItsGuard() throws Exception {
        data = new ReleasePassTestData(context);
        guardToken = ApiClient.token(mvc, data.staffAccount(Role.TECHNICIAN, data.site.id()), StaffFixtures.PASSWORD);
    }

    String ownerToken(String username) throws Exception {
        return ApiClient.token(mvc, username, ReleasePassTestData.PASSWORD);
    }

    @Test
    void aGuardChecksAPassUsesItOnceAndASecondUseIsAConflict() throws Exception {
        ReleasePass pass = data.approvedForToday();

        mvc.perform(get("/api/v1/release-passes/" + pass.getNumber()).with(bearer(guardToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("VALID"))
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.houseCode").value(data.houseCode))
                .andExpect(jsonPath("$.items").value("沙发一套，纸箱三个"));
        mvc.perform(post("/api/v1/release-passes/" + pass.getNumber() + "/use").with(bearer(guardToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("USED"))
                .andExpect(jsonPath("$.checks", hasSize(2)))
                .andExpect(jsonPath("$.checks[1].markedUsed").value(true));
        mvc.perform(post("/api/v1/release-passes/" + pass.getNumber() + "/use").with(bearer(guardToken)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.result").value("ALREADY_USED"))
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:business-rule"));

        assertThat(data.checkResults(pass)).containsExactly("VALID", "VALID", "ALREADY_USED");
    }

    @Test
    void aPassForAnotherDayIsAConflictAndStaysUnused() throws Exception {
        ReleasePass tomorrow = data.issued(data.owner, data.today().plusDays(1));

        mvc.perform(post("/api/v1/release-passes/" + tomorrow.getNumber() + "/use").with(bearer(guardToken)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.result").value("WRONG_DATE"));

        assertThat(data.reload(tomorrow).getStatus()).isEqualTo(ReleasePassStatus.APPROVED);
    }

    @Test
    void staffOfAnotherSiteGetNotFoundAndTheirAttemptIsLoggedWithoutThePass() throws Exception {
        ReleasePass pass = data.approvedForToday();
        String otherGuard = ApiClient.token(mvc, data.staffAccount(Role.TECHNICIAN, data.otherSite.id()), StaffFixtures.PASSWORD);

        mvc.perform(get("/api/v1/release-passes/" + pass.getNumber()).with(bearer(otherGuard)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/release-passes/" + pass.getNumber() + "/use").with(bearer(otherGuard)))
                .andExpect(status().isNotFound());

        assertThat(data.reload(pass).getStatus()).isEqualTo(ReleasePassStatus.APPROVED);
        assertThat(data.checkResults(pass)).isEmpty();
        assertThat(data.checksEnteredAs(pass.getNumber())).isEqualTo(2);
    }

    @Test
    void dispatchersMayNotCheckPasses() throws Exception {
        ReleasePass pass = data.approvedForToday();
        String dispatcher = ApiClient.token(mvc, data.staffAccount(Role.DISPATCHER, data.site.id()), StaffFixtures.PASSWORD);

        mvc.perform(get("/api/v1/release-passes/" + pass.getNumber()).with(bearer(dispatcher)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/release-passes/" + pass.getNumber() + "/use").with(bearer(dispatcher)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOwnerReadsTheirHouseholdsPassWithoutLoggingACheckButMayNotUseIt() throws Exception {
        ReleasePass pass = data.issued(data.tenant, data.today());
        String owner = ownerToken(data.ownerUsername);

        mvc.perform(get("/api/v1/release-passes/" + pass.getNumber()).with(bearer(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.result").value("NOT_APPROVED"));
        mvc.perform(post("/api/v1/release-passes/" + pass.getNumber() + "/use").with(bearer(owner)))
                .andExpect(status().isForbidden());

        assertThat(data.checkResults(pass)).isEmpty();
    }

    @Test
    void anotherHouseholdsPassIsNotFoundForAnOwner() throws Exception {
        ReleasePass pass = data.approvedForToday();

        mvc.perform(get("/api/v1/release-passes/" + pass.getNumber()).with(bearer(ownerToken(data.otherOwnerUsername))))
                .andExpect(status().isNotFound());
    }
}
