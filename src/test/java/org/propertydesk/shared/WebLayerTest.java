package org.propertydesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.propertydesk.support.Users.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.propertydesk.records.RecordsFixtures;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every page shares: the language people read it in, the security headers and CSRF protection, and error pages
 * that say what happened in the reader's language without showing internals.
 */
@WebIntegrationTest
class WebLayerTest {

    static final String LANGUAGE_COOKIE = "pd_lang";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    // ---- language -------------------------------------------------------------------------------------------------

    @Test
    void theLoginPageIsInChineseByDefault() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html lang=\"zh-CN\">"), containsString("用户名"),
                        containsString("登录 - PropertyDesk 物业客服"))));
    }

    @Test
    void langEnSwitchesToEnglishAndTheCookieKeepsIt() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html lang=\"en\">"), containsString("Username"),
                        containsString("Log in - PropertyDesk"), not(containsString("用户名")))))
                .andExpect(cookie().value(LANGUAGE_COOKIE, "en"))
                .andExpect(cookie().httpOnly(LANGUAGE_COOKIE, true));

        mvc.perform(get("/login").cookie(new Cookie(LANGUAGE_COOKIE, "en")))
                .andExpect(content().string(allOf(containsString("Username"), not(containsString("用户名")))));
    }

    @Test
    void langZhCnSwitchesBack() throws Exception {
        mvc.perform(get("/login").param("lang", "zh-CN").cookie(new Cookie(LANGUAGE_COOKIE, "en")))
                .andExpect(content().string(containsString("用户名")))
                .andExpect(cookie().value(LANGUAGE_COOKIE, "zh-CN"));
    }

    @Test
    void anUnknownLanguageIsIgnored() throws Exception {
        mvc.perform(get("/login").param("lang", "<script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("用户名")));
    }

    @Test
    void pagesBehindTheLoginFollowTheChosenLanguage() throws Exception {
        long site = new RecordsFixtures(context).site().id();
        PropertyDeskUser frontDesk = Users.frontDesk(site);

        mvc.perform(get("/records/lookup").with(as(frontDesk)).cookie(new Cookie(LANGUAGE_COOKIE, "en")))
                .andExpect(content().string(allOf(containsString("<html lang=\"en\">"), not(containsString("来电查询")))));
        mvc.perform(get("/records/lookup").with(as(frontDesk)))
                .andExpect(content().string(containsString("来电查询")));
    }

    // ---- security -------------------------------------------------------------------------------------------------

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String url : new String[] {"/login", "/records/lookup", "/no-such-page"}) {
            mvc.perform(get(url).with(as(Users.admin())))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Referrer-Policy", "same-origin"))
                    .andExpect(header().string("Content-Security-Policy", allOf(
                            containsString("default-src 'self'"), containsString("script-src 'self'"),
                            containsString("object-src 'none'"), containsString("frame-ancestors 'none'"),
                            not(containsString("unsafe-inline")), not(containsString("unsafe-eval")))));
        }
    }

    @Test
    void aPostWithoutCsrfTokenIsRefusedAndSavesNothing() throws Exception {
        RecordsFixtures fixtures = new RecordsFixtures(context);
        long site = fixtures.site().id();

        mvc.perform(post("/records/customers").with(as(Users.frontDesk(site))).param("siteId", String.valueOf(site))
                        .param("type", "PERSON").param("valueTier", "ORDINARY").param("name", "无令牌")
                        .param("phones[0]", RecordsFixtures.uniqueMobile()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/records/customers").with(csrf().useInvalidToken()).with(as(Users.frontDesk(site)))
                        .param("siteId", String.valueOf(site)).param("type", "PERSON").param("valueTier", "ORDINARY")
                        .param("name", "假令牌").param("phones[0]", RecordsFixtures.uniqueMobile()))
                .andExpect(status().isForbidden());

        assertThat(fixtures.customersAt(site)).isZero();
    }

    @Test
    void logInNeedsACsrfTokenToo() throws Exception {
        mvc.perform(post("/login").param("username", "admin").param("password", "whatever"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aFailedLogInSaysWhyWithoutSayingWhichPartWasWrong() throws Exception {
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("用户名或密码错误，或账号已停用。")));
    }

    @Test
    void aRefusalSendsPeopleBackToThePageTheyCameFromButNeverToAnotherSite() throws Exception {
        RecordsFixtures fixtures = new RecordsFixtures(context);
        long site = fixtures.site().id();
        long house = fixtures.house(site, "1", "1", "0101");
        long customer = fixtures.customerIn(house, "来回");
        PropertyDeskUser frontDesk = Users.frontDesk(site);

        // Moving the owner in again is refused (a business rule), which redirects back with a message.
        assertThat(refusedRedirect(customer, frontDesk, "http://localhost/records/customers/" + customer))
                .isEqualTo("/records/customers/" + customer);
        assertThat(refusedRedirect(customer, frontDesk, "https://evil.example/phish")).isEqualTo("/");
        for (String hostile : List.of("http://localhost.evil.example/phish", "http://localhost@evil.example/phish",
                "http://localhost//evil.example/phish", "http://localhost/\\evil.example/phish")) {
            assertThat(refusedRedirect(customer, frontDesk, hostile)).as(hostile).satisfies(WebLayerTest::staysOnThisSite);
        }
    }

    /** A redirect target without scheme or host (and not protocol-relative, "//host"), so the browser stays here. */
    private static void staysOnThisSite(String location) {
        assertThat(location).doesNotStartWith("//").doesNotStartWith("/\\").doesNotMatch("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    }

    private String refusedRedirect(long customer, PropertyDeskUser user, String referer) throws Exception {
        return mvc.perform(post("/records/customers/{id}/occupancies", customer).with(csrf()).with(as(user))
                        .header("Referer", referer).param("siteId", String.valueOf(user.siteScope().siteIds().iterator().next()))
                        .param("houseCode", "1-1-0101").param("role", "OWNER").param("startDate", "2024-01-01"))
                .andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
    }

    @Test
    void loggingOutEndsTheSessionAndSaysSo() throws Exception {
        mvc.perform(post("/logout").with(csrf()).with(as(Users.admin())))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/login?logout"));
        mvc.perform(get("/login").param("logout", ""))
                .andExpect(content().string(containsString("您已退出登录。")));
    }

    // ---- error pages ----------------------------------------------------------------------------------------------

    @Test
    void anUnknownAddressIsNotFound() throws Exception {
        mvc.perform(get("/no-such-page").with(as(Users.admin()))).andExpect(status().isNotFound());
    }

    @Test
    void theNotFoundPageIsTranslatedAndShowsNoInternals() throws Exception {
        // MockMvc does not forward to the error page as the servlet container does; this request is that forward.
        mvc.perform(errorPageFor(404, "/no-such-page", null))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("未找到"), containsString("该页面或记录不存在，或不在您负责的项目内。"),
                        containsString("返回首页"), not(containsString("Whitelabel")), not(containsString("trace")))));

        mvc.perform(errorPageFor(404, "/no-such-page", null).cookie(new Cookie(LANGUAGE_COOKIE, "en")))
                .andExpect(content().string(allOf(containsString("Not found"), containsString("Back to home"))));
    }

    @Test
    void theServerErrorPageNeverShowsTheExceptionOrStackTrace() throws Exception {
        IllegalStateException failure = new IllegalStateException("secret-detail: password=hunter2");

        String body = mvc.perform(errorPageFor(500, "/records/customers", failure))
                .andExpect(status().isInternalServerError())
                .andReturn().getResponse().getContentAsString();

        assertThat(body).contains("系统出错了", "没有保存任何不完整的数据")
                .doesNotContain("secret-detail", "hunter2", "IllegalStateException", "at org.", "java.lang");
    }

    @Test
    void theForbiddenPageExplainsWhatToDo() throws Exception {
        mvc.perform(errorPageFor(403, "/staff", null))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("无权访问"), containsString("请联系管理员"))));
    }

    @Test
    void aRoleWithoutAccessGetsForbiddenNotAnErrorPageWithDetails() throws Exception {
        String body = mvc.perform(get("/staff").with(as(Users.frontDesk())))
                .andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("AccessDenied", "at org.");
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder errorPageFor(int status,
            String path, Throwable failure) {
        var request = get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, path)
                .requestAttr(RequestDispatcher.ERROR_SERVLET_NAME, "dispatcherServlet")
                .accept("text/html");
        if (failure != null) {
            request.requestAttr(RequestDispatcher.ERROR_EXCEPTION, failure)
                    .requestAttr(RequestDispatcher.ERROR_MESSAGE, failure.getMessage());
        }
        return request;
    }
}
