package org.propertydesk.shared.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.propertydesk.support.ApiClient.bearer;
import static org.propertydesk.support.ApiClient.from;
import static org.propertydesk.support.ApiClient.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.spec.SecretKeySpec;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.staff.StaffFixtures;
import org.propertydesk.support.ApiClient;
import org.propertydesk.support.BrowserSession;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Getting and using an access token: staff exchange their password for a short-lived bearer token, which then
 * identifies them exactly as a page login would; everything else is 401 as a problem detail.
 */
@WebIntegrationTest
class ApiTokenTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserDetailsService users;

    @Autowired
    Dates dates;

    String username;
    long accountId;
    /** Each test calls from its own address, so that the per-address throttle of one test never blocks another. */
    String address;

    @BeforeEach
    void aFrontDeskAccount() {
        username = StaffFixtures.uniqueUsername("api");
        accountId = new StaffFixtures(context).account(username, Set.of(Role.FRONT_DESK, Role.DISPATCHER), List.of());
        address = "10.9." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    ResultActions requestToken(String user, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/token").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                .content(json("username", user, "password", password)));
    }

    @Test
    void staffGetABearerTokenAndAreRecognisedByIt() throws Exception {
        String body = requestToken(username, StaffFixtures.PASSWORD)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")))
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andExpect(jsonPath("$.expiresIn").value(3600))
                .andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(body, "$.accessToken");
        assertThat(token.split("\\.")).hasSize(3);

        mvc.perform(get("/api/v1/me").with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(accountId))
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.displayName").value("测试 " + username))
                .andExpect(jsonPath("$.roles", hasItem("FRONT_DESK")))
                .andExpect(jsonPath("$.roles", hasItem("DISPATCHER")))
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void aWrongPasswordOrUnknownUserIs401AsProblemDetail() throws Exception {
        requestToken(username, "wrong password")
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:bad-credentials"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("登录失败"))
                .andExpect(jsonPath("$.detail").value("用户名或密码错误，或账号已停用。"))
                .andExpect(jsonPath("$.instance").value("/api/v1/auth/token"))
                .andExpect(jsonPath("$.accessToken").doesNotExist());

        mvc.perform(post("/api/v1/auth/token").with(from(address)).header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.8")
                        .contentType(MediaType.APPLICATION_JSON).content(json("username", "nobody." + username, "password", "x")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Wrong username or password, or the account is not active."));
    }

    @Test
    void inactiveAccountsGetNoTokenAndTheirTokensStopWorking() throws Exception {
        String token = ApiClient.token(mvc, username, StaffFixtures.PASSWORD);
        jdbc.sql("update staff set active = false where id = ?").param(accountId).update();

        requestToken(username, StaffFixtures.PASSWORD).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(bearer(token)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:invalid-token"));
    }

    @Test
    void missingCredentialsAreFieldErrors() throws Exception {
        mvc.perform(post("/api/v1/auth/token").with(from(address)).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON).content(json("username", username)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));

        mvc.perform(post("/api/v1/auth/token").with(from(address)).contentType(MediaType.APPLICATION_JSON).content("{oops"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("请求体不是有效的 JSON。"));
    }

    @Test
    void repeatedFailuresForAUsernameAreThrottled() throws Exception {
        for (int i = 0; i < 5; i++) {
            requestToken(username, "guess " + i).andExpect(status().isUnauthorized());
        }
        // Even the right password is not checked any more: guessing is blocked for the window.
        requestToken(username, StaffFixtures.PASSWORD)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:too-many-attempts"))
                .andExpect(jsonPath("$.detail", startsWith("失败次数过多")));

        // Another account from the same address is not affected.
        String other = StaffFixtures.uniqueUsername("api");
        new StaffFixtures(context).account(other, Set.of(Role.FRONT_DESK), List.of());
        requestToken(other, StaffFixtures.PASSWORD).andExpect(status().isOk());
    }

    @Test
    void repeatedFailuresFromAnAddressAreThrottled() throws Exception {
        for (int i = 0; i < 20; i++) {
            requestToken("nobody" + i + "." + username, "guess").andExpect(status().isUnauthorized());
        }
        requestToken(username, StaffFixtures.PASSWORD).andExpect(status().isTooManyRequests());
    }

    @Test
    void withoutAValidTokenTheApiAnswers401ProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:unauthorized"))
                .andExpect(jsonPath("$.title").value("未登录"));

        mvc.perform(get("/api/v1/me").with(bearer("not.a.token")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:invalid-token"));

        PropertyDeskUser user = (PropertyDeskUser) users.loadUserByUsername(username);
        String expired = tokens.issue(user, dates.now().minus(Duration.ofHours(2))).value();
        mvc.perform(get("/api/v1/me").with(bearer(expired)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:invalid-token"));

        byte[] otherKey = new byte[32];
        ThreadLocalRandom.current().nextBytes(otherKey);
        String forged = new ApiTokens(new ApiSigningKey(new SecretKeySpec(otherKey, "HmacSHA256")), Duration.ofHours(1),
                java.time.Clock.systemUTC()).issue(user).value();
        mvc.perform(get("/api/v1/me").with(bearer(forged)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:invalid-token"));

        // A page session does not open the API (which has no CSRF protection): bearer tokens only, and no redirect.
        BrowserSession session = new BrowserSession();
        mvc.perform(formLogin().user(username).password(StaffFixtures.PASSWORD)).andDo(session)
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/").with(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").with(session))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:unauthorized"));
    }

    @Test
    void unknownEndpointsAndMethodsAreProblemDetailsToo() throws Exception {
        String token = ApiClient.token(mvc, username, StaffFixtures.PASSWORD);
        mvc.perform(get("/api/v1/nothing-here").with(bearer(token)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:propertydesk:problem:not-found"));
        mvc.perform(post("/api/v1/me").with(bearer(token)))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
