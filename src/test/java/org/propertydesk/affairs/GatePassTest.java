package org.propertydesk.affairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The gate's phone page: a guard checks a pass by number or by the address in its QR code and lets the items
 * through. A pass works once, on its date only, when approved; every check is logged and shown on the pass.
 */
@WebIntegrationTest
class GatePassTest {

    static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ReleasePassGate gate;

    ReleasePassTestData data;
    PropertyDeskUser guard;

    @BeforeEach
    void aSiteWithAGuard() {
        data = new ReleasePassTestData(context);
        guard = Users.withRole(Role.TECHNICIAN, data.site.id());
    }

    @Test
    void aGuardChecksAPassTheDeskApprovedLetsTheItemsThroughAndASecondUseIsRefused() throws Exception {
        ReleasePass pass = data.approvedAtDesk(data.issued(data.tenant, data.today()));

        mvc.perform(get("/gate/passes/" + pass.getNumber()).with(Users.as(guard)).cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The pass is valid today")))
                .andExpect(content().string(containsString("沙发一套，纸箱三个")))
                .andExpect(content().string(containsString("/gate/passes/" + pass.getNumber() + "/use")));
        mvc.perform(post("/gate/passes/" + pass.getNumber() + "/use").with(Users.as(guard)).with(csrf()))
                .andExpect(redirectedUrl("/gate"))
                .andExpect(flash().attributeExists("flashSuccess"));
        assertThat(data.reload(pass).getStatus()).isEqualTo(ReleasePassStatus.USED);

        mvc.perform(post("/gate/passes/" + pass.getNumber() + "/use").with(Users.as(guard)).with(csrf()).cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This pass has already been used")))
                .andExpect(content().string(not(containsString("/use\""))));
        assertThat(data.checkResults(pass)).containsExactly("VALID", "VALID", "ALREADY_USED");
    }

    @Test
    void everyCheckIsShownOnThePassWithWhoAndTheResult() throws Exception {
        ReleasePass pass = data.approvedForToday();
        Users.runAs(guard, () -> gate.check(pass.getNumber()));
        Users.runAs(guard, () -> gate.use(pass.getNumber()));
        Users.runAs(guard, () -> gate.use(pass.getNumber()));

        mvc.perform(get("/passes/" + pass.getId()).with(Users.as(data.frontDesk())).cookie(ENGLISH))
                .andExpect(content().string(containsString("let through")))
                .andExpect(content().string(containsString("Already used")))
                .andExpect(content().string(containsString(guard.displayName())));
    }

    @Test
    void aPassForAnotherDayIsRefusedAndStaysUnused() {
        ReleasePass tomorrow = data.issued(data.owner, data.today().plusDays(1));

        ReleasePassGate.Check check = Users.callAs(guard, () -> gate.use(tomorrow.getNumber()));

        assertThat(check.result()).isEqualTo(GateCheckResult.WRONG_DATE);
        assertThat(data.reload(tomorrow).getStatus()).isEqualTo(ReleasePassStatus.APPROVED);
        assertThat(data.checkResults(tomorrow)).containsExactly("WRONG_DATE");
    }

    @Test
    void aPassOfAnEarlierDayIsRefused() {
        ReleasePass pass = data.approvedForToday();
        data.movePassDate(pass, data.today().minusDays(1));

        assertThat(Users.callAs(guard, () -> gate.use(pass.getNumber())).result()).isEqualTo(GateCheckResult.WRONG_DATE);
    }

    @Test
    void aTenantsPassWithoutConsentOrApprovalIsNotLetThrough() throws Exception {
        ReleasePass pending = data.issued(data.tenant, data.today());

        mvc.perform(post("/gate/passes/" + pending.getNumber() + "/use").with(Users.as(guard)).with(csrf()).cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This pass has not been approved")));
        assertThat(data.reload(pending).getStatus()).isEqualTo(ReleasePassStatus.PENDING);
        assertThat(data.checkResults(pending)).containsExactly("NOT_APPROVED");
    }

    @Test
    void anUnknownNumberIsLoggedWithoutAPass() throws Exception {
        String number = "P-991231-" + (1000 + (System.nanoTime() % 9000));

        mvc.perform(get("/gate").param("number", number).with(Users.as(guard)))
                .andExpect(redirectedUrl("/gate/passes/" + number));
        mvc.perform(get("/gate/passes/" + number).with(Users.as(guard)).cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No pass of your sites has this number")));
        assertThat(data.checksEnteredAs(number)).isEqualTo(1);
    }

    @Test
    void aGuardOfAnotherSiteFindsNoSuchPassAndCannotUseIt() throws Exception {
        ReleasePass pass = data.approvedForToday();
        PropertyDeskUser otherGuard = Users.withRole(Role.TECHNICIAN, data.otherSite.id());

        mvc.perform(post("/gate/passes/" + pass.getNumber() + "/use").with(Users.as(otherGuard)).with(csrf()).cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Unknown pass")))
                .andExpect(content().string(not(containsString("沙发一套"))));
        assertThat(data.reload(pass).getStatus()).isEqualTo(ReleasePassStatus.APPROVED);
        assertThat(data.checkResults(pass)).isEmpty();
    }

    @Test
    void aNumberTypedInLowerCaseWithoutDashesFindsThePass() throws Exception {
        ReleasePass pass = data.approvedForToday();
        String typed = " " + pass.getNumber().replace("-", "").toLowerCase() + " ";

        mvc.perform(get("/gate").param("number", typed).with(Users.as(guard)))
                .andExpect(redirectedUrl("/gate/passes/" + pass.getNumber()));
    }

    @Test
    void twoGuardsUsingOnePassAtOnceLetItThroughOnce() throws Exception {
        ReleasePass pass = data.approvedForToday();
        PropertyDeskUser second = Users.withRole(Role.FRONT_DESK, data.site.id());
        Callable<GateCheckResult> first = () -> Users.callAs(guard, () -> gate.use(pass.getNumber()).result());
        Callable<GateCheckResult> other = () -> Users.callAs(second, () -> gate.use(pass.getNumber()).result());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<GateCheckResult>> results = pool.invokeAll(List.of(first, other));
            assertThat(List.of(results.get(0).get(), results.get(1).get()))
                    .containsExactlyInAnyOrder(GateCheckResult.VALID, GateCheckResult.ALREADY_USED);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theGatePageIsBuiltForAPhone() throws Exception {
        String page = mvc.perform(get("/gate").with(Users.as(guard)).cookie(ENGLISH))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("name=\"viewport\" content=\"width=device-width, initial-scale=1\"");
        assertThat(page).contains("form-control form-control-lg").contains("btn btn-primary btn-lg w-100");
        assertThat(page).as("nothing wider than a phone's screen").doesNotContain("<table");
        assertThat(page).contains("Pass number");
    }

    @Test
    void theResultOfACheckFitsAPhoneToo() throws Exception {
        ReleasePass pass = data.approvedForToday();

        String page = mvc.perform(get("/gate/passes/" + pass.getNumber()).with(Users.as(guard)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).doesNotContain("<table").contains("btn btn-success btn-lg w-100");
    }

    @Test
    void theFrontDeskManagersAndAdministratorsWorkTheGateButDispatchersAndOwnersDoNot() throws Exception {
        for (PropertyDeskUser user : List.of(Users.frontDesk(data.site.id()), Users.manager(data.site.id()), Users.admin())) {
            mvc.perform(get("/gate").with(Users.as(user))).andExpect(status().isOk());
        }
        ReleasePass pass = data.approvedForToday();
        mvc.perform(get("/gate").with(Users.as(Users.withRole(Role.DISPATCHER, data.site.id()))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/gate/passes/" + pass.getNumber() + "/use").with(csrf())
                        .with(Users.as(Users.withRole(Role.DISPATCHER, data.site.id()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/gate/passes/" + pass.getNumber()).with(Users.as(data.portalUser(data.ownerUsername))))
                .andExpect(status().isForbidden());
        assertThat(data.checkResults(pass)).isEmpty();
    }
}
