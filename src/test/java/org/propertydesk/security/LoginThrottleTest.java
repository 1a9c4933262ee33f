package org.propertydesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.Role;
import org.propertydesk.staff.StaffFixtures;
import org.propertydesk.support.ApiClient;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Password guessing on the login form: five wrong passwords lock the account for fifteen minutes, whatever is typed
 * next and wherever from, and one address trying many accounts is stopped too. Whether the account exists is never
 * told: an unknown username fails and locks exactly like a known one.
 */
@ClockedIntegrationTest
class LoginThrottleTest {

    /** Each test logs in from addresses of its own, so that address limits of other tests do not interfere. */
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void now() {
        clock.set("2026-05-11T09:00");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesEvenForTheRightPassword() throws Exception {
        String username = account();
        String address = address();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(logIn(username, "wrong " + attempt, address)).as("failure %d", attempt).isEqualTo("/login?error");
        }

        assertThat(logIn(username, StaffFixtures.PASSWORD, address)).isEqualTo("/login?locked");
        assertThat(logIn(username, StaffFixtures.PASSWORD, address())).as("from another address").isEqualTo("/login?locked");
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(logIn(username, StaffFixtures.PASSWORD, address)).as("after 14:59").isEqualTo("/login?locked");
        clock.advance(Duration.ofSeconds(1));
        assertThat(logIn(username, StaffFixtures.PASSWORD, address)).as("after 15:00").isEqualTo("/");
    }

    @Test
    void anUnknownAccountFailsAndLocksExactlyLikeAKnownOne() throws Exception {
        String known = account();
        String unknown = StaffFixtures.uniqueUsername("nobody");
        String address = address();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(logIn(unknown, "wrong " + attempt, address)).isEqualTo(logIn(known, "wrong " + attempt, address))
                    .isEqualTo("/login?error");
        }

        assertThat(logIn(unknown, "anything", address)).isEqualTo(logIn(known, StaffFixtures.PASSWORD, address))
                .isEqualTo("/login?locked");
        String lockedPage = mvc.perform(get("/login").param("locked", "").cookie(new Cookie("pd_lang", "en")))
                .andReturn().getResponse().getContentAsString();
        assertThat(lockedPage).contains("alert-warning").doesNotContain(known).doesNotContain(unknown);
    }

    @Test
    void oneAddressTryingManyAccountsIsStoppedWhileOthersStillLogIn() throws Exception {
        String address = address();
        for (int account = 1; account <= 20; account++) {
            logIn(StaffFixtures.uniqueUsername("spray" + account), "123456", address);
        }
        String someoneElse = account();

        assertThat(logIn(someoneElse, StaffFixtures.PASSWORD, address)).as("from the guessing address")
                .isEqualTo("/login?locked");
        assertThat(logIn(someoneElse, StaffFixtures.PASSWORD, address())).as("from their own address").isEqualTo("/");
    }

    @Test
    void theTokenEndpointCountsTheSameFailures() throws Exception {
        String username = account();
        String address = address();
        for (int attempt = 1; attempt <= 5; attempt++) {
            logIn(username, "wrong " + attempt, address);
        }

        int status = mvc.perform(post("/api/v1/auth/token").with(ApiClient.from(address()))
                        .contentType("application/json")
                        .content(ApiClient.json("username", username, "password", StaffFixtures.PASSWORD)))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(429);
    }

    private String account() {
        String username = StaffFixtures.uniqueUsername("throttle");
        new StaffFixtures(context).account(username, Set.of(Role.FRONT_DESK), List.of());
        return username;
    }

    private static String address() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "10.209." + (n / 250) + "." + (n % 250 + 1);
    }

    /** Submits the login form and returns where it sends the browser. */
    private String logIn(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                        .with(ApiClient.from(address)))
                .andReturn().getResponse().getRedirectedUrl();
    }
}
