package org.propertydesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.Html;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pages around owner accounts: the front desk's section on the customer page and the code slip, and the public
 * activation and new-password forms an owner fills in on a phone.
 */
@ClockedIntegrationTest
class OwnerAccountPagesTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");
    private static final Pattern SLIP_CODE = Pattern.compile("id=\"activation-code\">([0-9]{4} [0-9]{4})<");
    private static final String PASSWORD = "Fensterbank42";

    @Autowired
    PortalAccountData data;

    @Autowired
    OwnerAccounts ownerAccounts;

    @Autowired
    UserDetailsService logins;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    long site;
    String phone;
    long customer;
    PropertyDeskUser desk;

    @BeforeEach
    void aCustomerOfTheFrontDesksSite() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        phone = PortalAccountData.mobile();
        customer = data.customer(data.house(site), "OWNER", "owner@example.com", phone);
        desk = Users.frontDesk(site);
    }

    @Test
    void theFrontDeskSeesThatTheCustomerHasNoAccountAndCanIssueACodeForTheirPhone() throws Exception {
        String section = page(get(section(customer)).with(Users.as(desk)).cookie(ENGLISH));

        assertThat(section).contains("No portal account yet", "Issue activation code",
                "value=\"" + phone + "\"", "/owner-accounts/customers/" + customer + "/codes")
                .doesNotContain("Switch off account");
    }

    @Test
    void theFrontDeskIssuesACodeAndGetsAPrintableSlipWhoseCodeActivatesTheAccount() throws Exception {
        String slip = mvc.perform(post(codes(customer)).with(csrf()).with(Users.as(desk)).cookie(ENGLISH).param("phone", phone))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();

        assertThat(slip).contains("Owner portal activation code", "http://localhost:8080/portal/activate",
                "data-print", "/js/print.js", "The code was not emailed", "Valid until 2026-03-28 10:00")
                .doesNotContain("navbar", "onclick");
        String code = codeOn(slip);

        String done = page(activation("/portal/activate", phone, code, PASSWORD, PASSWORD).cookie(ENGLISH));
        assertThat(done).contains("Your account is ready", phone, "href=\"/login\"");
        assertThat(page(get(section(customer)).with(Users.as(desk)).cookie(ENGLISH)))
                .contains(phone, "Active since", "2026-03-25 10:00", "Issue code for a new password", "Switch off account");
    }

    @Test
    void aCodeForAnExistingAccountIsASlipForANewPasswordAndTheResetPageSetsIt() throws Exception {
        ownerAccounts.ensureAccount(customer, "owner." + PortalAccountData.unique().toLowerCase(), PASSWORD);

        String slip = page(post(codes(customer)).with(csrf()).with(Users.as(desk)).param("phone", phone));
        assertThat(slip).contains("业主端重设密码验证码", "http://localhost:8080/portal/reset");

        String form = page(get("/portal/reset"));
        assertThat(form).contains("重设密码", "name=\"phone\"", "name=\"code\"").doesNotContain("name=\"username\"");
        String done = page(activation("/portal/reset", phone, codeOn(slip), "NeuesPasswort9", "NeuesPasswort9")
                .param("username", "taken.over"));
        assertThat(done).contains("新密码已保存", data.accountUsername(customer));
    }

    @Test
    void theFrontDeskSwitchesAnAccountOff() throws Exception {
        String login = "owner." + PortalAccountData.unique().toLowerCase();
        ownerAccounts.ensureAccount(customer, login, PASSWORD);

        mvc.perform(post(section(customer) + "/deactivate").with(csrf()).with(Users.as(desk)))
                .andExpect(redirectedUrl("/records/customers/" + customer));

        assertThat(logins.loadUserByUsername(login).isEnabled()).isFalse();
        assertThat(page(get(section(customer)).with(Users.as(desk)).cookie(ENGLISH))).contains("Switched off");
    }

    @Test
    void aCustomerOfAnotherSiteIsNotFound() throws Exception {
        long elsewhere = data.owner(data.house(data.site()), PortalAccountData.mobile());

        mvc.perform(get(section(elsewhere)).with(Users.as(desk))).andExpect(status().isNotFound());
        mvc.perform(post(codes(elsewhere)).with(csrf()).with(Users.as(desk)).param("phone", phone))
                .andExpect(status().isNotFound());
        mvc.perform(post(section(elsewhere) + "/deactivate").with(csrf()).with(Users.as(desk)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTechnicianMayNeitherSeeNorIssueCodes() throws Exception {
        PropertyDeskUser technician = Users.withRole(Role.TECHNICIAN, site);

        mvc.perform(get(section(customer)).with(Users.as(technician))).andExpect(status().isForbidden());
        mvc.perform(post(codes(customer)).with(csrf()).with(Users.as(technician)).param("phone", phone))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDispatcherSeesTheAccountButMayNotIssueCodes() throws Exception {
        PropertyDeskUser dispatcher = Users.withRole(Role.DISPATCHER, site);

        assertThat(page(get(section(customer)).with(Users.as(dispatcher)).cookie(ENGLISH)))
                .contains("No portal account yet").doesNotContain("Issue activation code");
        mvc.perform(post(codes(customer)).with(csrf()).with(Users.as(dispatcher)).param("phone", phone))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOwnerCannotReachTheFrontDesksPages() throws Exception {
        String login = "owner." + PortalAccountData.unique().toLowerCase();
        ownerAccounts.ensureAccount(customer, login, PASSWORD);
        PropertyDeskUser owner = (PropertyDeskUser) logins.loadUserByUsername(login);

        mvc.perform(get(section(customer)).with(Users.as(owner))).andExpect(status().isForbidden());
        mvc.perform(post(codes(customer)).with(csrf()).with(Users.as(owner)).param("phone", phone))
                .andExpect(status().isForbidden());
    }

    @Test
    void theActivationFormOpensWithoutLoginWithALanguageChoice() throws Exception {
        assertThat(page(get("/portal/activate"))).contains("激活业主账号", "name=\"phone\"", "name=\"code\"",
                "name=\"username\"", "name=\"password\"", "name=\"passwordRepeat\"", "?lang=en").doesNotContain("navbar");
        assertThat(page(get("/portal/activate").cookie(ENGLISH))).contains("Activate your owner account");
    }

    @Test
    void theLoginPageLeadsToActivationAndToANewPassword() throws Exception {
        assertThat(page(get("/login"))).contains("业主/住户激活账号", "href=\"/portal/activate\"", "href=\"/portal/reset\"");
    }

    @Test
    void activationMistakesAreShownAtTheirFieldsInEnglish() throws Exception {
        String code = codeOn(page(post(codes(customer)).with(csrf()).with(Users.as(desk)).param("phone", phone)));

        mvc.perform(activation("/portal/activate", phone, code, PASSWORD, "Fensterbank43").cookie(ENGLISH))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("passwordRepeat", "The two passwords are not the same."));
        mvc.perform(activation("/portal/activate", "", "", PASSWORD, PASSWORD).cookie(ENGLISH))
                .andExpect(Html.errorAt("phone", "Enter the phone number the code was issued for."))
                .andExpect(Html.errorAt("code", "Enter the code from the front desk."));
        mvc.perform(activation("/portal/activate", phone, "1234 5678".equals(code) ? "8765 4321" : "1234 5678", PASSWORD,
                        PASSWORD).cookie(ENGLISH))
                .andExpect(Html.errorAt("code", "This code is not valid for this phone number"));
        mvc.perform(activation("/portal/activate", phone, code, "kurz", "kurz").cookie(ENGLISH))
                .andExpect(Html.errorAt("password", "The password needs at least 8 characters."));
        mvc.perform(activation("/portal/activate", phone, code, PASSWORD, PASSWORD).param("username", "a b").cookie(ENGLISH))
                .andExpect(Html.errorAt("username", "A login name has 3 to 64 letters"));

        assertThat(data.accountUsername(customer)).isNull();
    }

    @Test
    void activationMistakesAreShownAtTheirFieldsInChinese() throws Exception {
        PropertyDeskUser staff = data.staff(Role.FRONT_DESK, site);
        String code = codeOn(page(post(codes(customer)).with(csrf()).with(Users.as(desk)).param("phone", phone)));

        mvc.perform(activation("/portal/activate", phone, code, PASSWORD, "Fensterbank43"))
                .andExpect(Html.errorAt("passwordRepeat", "两次输入的密码不一致"));
        mvc.perform(activation("/portal/activate", phone, code, PASSWORD, PASSWORD).param("username", staff.getUsername()))
                .andExpect(Html.errorAt("username", "登录名已被使用"));
        mvc.perform(activation("/portal/activate", phone, "", PASSWORD, PASSWORD))
                .andExpect(Html.errorAt("code", "请输入物业前台给您的验证码"));

        String done = page(activation("/portal/activate", phone, code, PASSWORD, PASSWORD).param("username", "li.ming" + PortalAccountData.unique().toLowerCase()));
        assertThat(done).contains("账号已激活", "li.ming");
    }

    private MockHttpServletRequestBuilder activation(String path, String phoneNumber, String code, String password,
            String repeat) {
        return post(path).with(csrf()).with(from(PortalAccountData.address())).param("phone", phoneNumber)
                .param("code", code).param("password", password).param("passwordRepeat", repeat);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String codeOn(String slip) {
        Matcher code = SLIP_CODE.matcher(slip);
        assertThat(code.find()).as("a code on the slip").isTrue();
        return code.group(1);
    }

    private static String section(long customerId) {
        return "/owner-accounts/customers/" + customerId;
    }

    private static String codes(long customerId) {
        return section(customerId) + "/codes";
    }
}
