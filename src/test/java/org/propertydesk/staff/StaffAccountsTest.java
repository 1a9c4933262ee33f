package org.propertydesk.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.support.Html.errorAt;
import static org.propertydesk.support.Html.errorAtGroup;
import static org.propertydesk.support.Html.formError;
import static org.propertydesk.support.Users.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.records.RecordsFixtures;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.support.BrowserSession;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Staff accounts, kept by admins: who may log in, with which roles and sites. There is always an active admin left,
 * and a deactivated person cannot log in.
 */
@WebIntegrationTest
class StaffAccountsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    StaffFixtures staff;
    PropertyDeskUser admin;
    long siteId;

    /** Admins other tests left active, switched off while a test needs "the last admin" and switched back after. */
    List<Long> otherAdminsSetAside = List.of();

    @BeforeEach
    void setUp() {
        staff = new StaffFixtures(context);
        admin = Users.admin();
        siteId = new RecordsFixtures(context).site().id();
    }

    @AfterEach
    void restoreOtherAdmins() {
        if (!otherAdminsSetAside.isEmpty()) {
            jdbc.sql("update staff set active = true where id in (:ids)").param("ids", otherAdminsSetAside).update();
        }
    }

    // ---- the staff form -------------------------------------------------------------------------------------------

    @Test
    void anAdminCreatesAnAccountThatCanLogIn() throws Exception {
        String username = StaffFixtures.uniqueUsername("li.na");

        submit(newAccount(username).param("password", "长城长城长城长城").param("roles", "FRONT_DESK")
                        .param("siteIds", String.valueOf(siteId)))
                .andExpect(redirectedUrl("/staff"));

        mvc.perform(formLogin("/login").user(username).password("长城长城长城长城"))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername(username).withRoles("FRONT_DESK"));
    }

    @Test
    void aPasswordHasAtLeastEightCharacters() throws Exception {
        long before = staff.count();

        submit(newAccount(StaffFixtures.uniqueUsername("short")).param("password", "1234567").param("roles", "FRONT_DESK")
                        .param("allSites", "true"))
                .andExpect(status().isOk())
                .andExpect(view().name("staff/form"))
                .andExpect(errorAt("password", "密码至少需要 8 个字符。"));

        assertThat(staff.count()).isEqualTo(before);
    }

    @Test
    void twoAccountsCannotShareAUsername() throws Exception {
        String username = StaffFixtures.uniqueUsername("taken");
        staff.account(username, Set.of(Role.TECHNICIAN), List.of(siteId));
        long before = staff.count();

        submit(newAccount(username).param("password", "long enough 1").param("roles", "TECHNICIAN").param("allSites", "true"))
                .andExpect(status().isOk())
                .andExpect(errorAt("username", "该用户名已被使用。"));

        assertThat(staff.count()).isEqualTo(before);
    }

    @Test
    void anAccountHasAtLeastOneRole() throws Exception {
        long before = staff.count();

        submit(newAccount(StaffFixtures.uniqueUsername("norole")).param("password", "long enough 1").param("allSites", "true"))
                .andExpect(status().isOk())
                .andExpect(errorAt("roles", "请至少选择一项。"));

        assertThat(staff.count()).isEqualTo(before);
    }

    @Test
    void anAccountServesSomeSitesOrAllOfThem() throws Exception {
        long before = staff.count();

        submit(newAccount(StaffFixtures.uniqueUsername("nosite")).param("password", "long enough 1").param("roles", "DISPATCHER"))
                .andExpect(status().isOk())
                .andExpect(errorAtGroup("siteIds", "请选择此人负责的项目，或授予全部项目权限。"));

        assertThat(staff.count()).isEqualTo(before);
    }

    @Test
    void aUsernameIsLettersDigitsDotsDashesAndUnderscores() throws Exception {
        long before = staff.count();

        submit(newAccount("张 三").param("password", "long enough 1").param("roles", "TECHNICIAN").param("allSites", "true"))
                .andExpect(status().isOk())
                .andExpect(errorAt("username", "只能包含字母、数字、点、横线和下划线。"));

        assertThat(staff.count()).isEqualTo(before);
    }

    // ---- always one active admin ----------------------------------------------------------------------------------

    @Test
    void theLastActiveAdminCannotBeDeactivated() throws Exception {
        long lastAdmin = theOnlyActiveAdmin();

        MvcResult refused = mvc.perform(post("/staff/{id}/deactivate", lastAdmin).with(csrf()).with(as(admin))
                        .header("Referer", "http://localhost/staff/" + lastAdmin + "/edit"))
                .andExpect(redirectedUrl("/staff/" + lastAdmin + "/edit"))
                .andReturn();

        assertThat(((Flash.FlashMessage) refused.getFlashMap().get("flashError")).key()).isEqualTo("staff.error.lastAdmin");
        assertThat(staff.isActive(lastAdmin)).isTrue();
    }

    @Test
    void theLastActiveAdminCannotLoseTheAdminRole() throws Exception {
        long lastAdmin = theOnlyActiveAdmin();
        String username = jdbc.sql("select username from staff where id = ?").params(lastAdmin).query(String.class).single();

        submit(post("/staff/{id}", lastAdmin).param("username", username).param("displayName", "最后的管理员")
                        .param("roles", "MANAGER").param("allSites", "true"))
                .andExpect(status().isOk())
                .andExpect(view().name("staff/form"))
                .andExpect(formError("这是最后一个在用的管理员账号：请先给其他账号授予管理员角色。"));

        assertThat(staff.rolesOf(lastAdmin)).contains(Role.ADMIN);
        assertThat(staff.isActive(lastAdmin)).isTrue();
    }

    @Test
    void anAdminCanBeDeactivatedWhileAnotherAdminRemains() throws Exception {
        long first = staff.account(Set.of(Role.ADMIN));
        long second = staff.account(Set.of(Role.ADMIN));

        submit(post("/staff/{id}/deactivate", first)).andExpect(redirectedUrl("/staff"));

        assertThat(staff.isActive(first)).isFalse();
        assertThat(staff.isActive(second)).isTrue();
    }

    // ---- logging in -----------------------------------------------------------------------------------------------

    @Test
    void aDeactivatedAccountCannotLogInAndAReactivatedOneCan() throws Exception {
        String username = StaffFixtures.uniqueUsername("leaver");
        long account = staff.account(username, Set.of(Role.FRONT_DESK), List.of(siteId));
        mvc.perform(formLogin("/login").user(username).password(StaffFixtures.PASSWORD)).andExpect(authenticated());

        submit(post("/staff/{id}/deactivate", account)).andExpect(redirectedUrl("/staff"));

        mvc.perform(formLogin("/login").user(username).password(StaffFixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());

        submit(post("/staff/{id}/activate", account)).andExpect(redirectedUrl("/staff"));

        mvc.perform(formLogin("/login").user(username).password(StaffFixtures.PASSWORD)).andExpect(authenticated());
    }

    @Test
    void deactivatingSomeoneEndsTheSessionTheyAreAlreadyLoggedInWith() throws Exception {
        // Deactivation is what happens when a person leaves: they must not keep working for the rest of an 8-hour session.
        String username = StaffFixtures.uniqueUsername("logged.in");
        long account = staff.account(username, Set.of(Role.FRONT_DESK), List.of(siteId));
        BrowserSession session = new BrowserSession();
        mvc.perform(formLogin("/login").user(username).password(StaffFixtures.PASSWORD)).andDo(session)
                .andExpect(authenticated());
        mvc.perform(get("/records/lookup").with(session)).andDo(session).andExpect(status().isOk());

        submit(post("/staff/{id}/deactivate", account)).andExpect(redirectedUrl("/staff"));

        MvcResult afterwards = mvc.perform(get("/records/lookup").with(session)).andDo(session).andReturn();
        assertThat(afterwards.getResponse().getStatus()).as("the page is no longer served").isNotEqualTo(200);
        assertThat(afterwards.getResponse().getContentAsString()).doesNotContain("来电查询");
    }

    @Test
    void aWrongPasswordOrUnknownUserDoesNotLogIn() throws Exception {
        String username = StaffFixtures.uniqueUsername("someone");
        staff.account(username, Set.of(Role.FRONT_DESK), List.of(siteId));

        mvc.perform(formLogin("/login").user(username).password("wrong password"))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("nobody." + username).password(StaffFixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
    }

    @Test
    void aResetPasswordReplacesTheOldOne() throws Exception {
        String username = StaffFixtures.uniqueUsername("forgetful");
        long account = staff.account(username, Set.of(Role.TECHNICIAN), List.of(siteId));

        submit(post("/staff/{id}/password", account).param("password", "a brand new one"))
                .andExpect(redirectedUrl("/staff/" + account + "/edit"));

        mvc.perform(formLogin("/login").user(username).password("a brand new one")).andExpect(authenticated());
        mvc.perform(formLogin("/login").user(username).password(StaffFixtures.PASSWORD)).andExpect(unauthenticated());
    }

    @Test
    void aResetPasswordThatIsTooShortIsRefusedAndTheOldOneStays() throws Exception {
        String username = StaffFixtures.uniqueUsername("shorty");
        long account = staff.account(username, Set.of(Role.TECHNICIAN), List.of(siteId));

        MvcResult refused = submit(post("/staff/{id}/password", account).param("password", "short"))
                .andExpect(redirectedUrl("/staff/" + account + "/edit"))
                .andReturn();

        assertThat(((Flash.FlashMessage) refused.getFlashMap().get("flashError")).key()).isEqualTo("staff.password.tooShort");
        mvc.perform(formLogin("/login").user(username).password(StaffFixtures.PASSWORD)).andExpect(authenticated());
    }

    @Test
    void aLoggedInPersonCarriesTheirRolesAndSites() throws Exception {
        String username = StaffFixtures.uniqueUsername("scoped");
        staff.account(username, Set.of(Role.FRONT_DESK, Role.DISPATCHER), List.of(siteId));

        mvc.perform(formLogin("/login").user(username).password(StaffFixtures.PASSWORD))
                .andExpect(authenticated().withAuthentication(authentication -> {
                    PropertyDeskUser user = (PropertyDeskUser) authentication.getPrincipal();
                    assertThat(user.roles()).containsExactlyInAnyOrder(Role.FRONT_DESK, Role.DISPATCHER);
                    assertThat(user.siteScope().allSites()).isFalse();
                    assertThat(user.siteScope().siteIds()).containsExactly(siteId);
                }));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /**
     * A fresh admin who is, for the duration of the test, the only active one: other tests' admins are set aside and
     * restored after the test.
     */
    private long theOnlyActiveAdmin() {
        long mine = staff.account(Set.of(Role.ADMIN));
        otherAdminsSetAside = jdbc.sql("""
                        select s.id from staff s join staff_role r on r.staff_id = s.id
                        where r.role = 'ADMIN' and s.active and s.id <> ?""")
                .params(mine).query(Long.class).list();
        if (!otherAdminsSetAside.isEmpty()) {
            jdbc.sql("update staff set active = false where id in (:ids)").param("ids", otherAdminsSetAside).update();
        }
        return mine;
    }

    private MockHttpServletRequestBuilder newAccount(String username) {
        return post("/staff").param("username", username).param("displayName", "测试员工");
    }

    private ResultActions submit(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(as(admin)));
    }
}
