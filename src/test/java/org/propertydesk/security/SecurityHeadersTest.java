package org.propertydesk.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.Role;
import org.propertydesk.staff.StaffFixtures;
import org.propertydesk.support.ApiClient;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Every kind of answer the application gives carries the browser's protections: a content security policy that
 * runs no inline script or style, no framing by other sites, no content-type guessing, and no full address in the
 * referrer sent to other sites.
 */
@WebIntegrationTest
class SecurityHeadersTest {

    private static final Set<String> SAFE_REFERRER_POLICIES = Set.of("no-referrer", "same-origin", "strict-origin",
            "strict-origin-when-cross-origin", "origin", "origin-when-cross-origin");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
        String username = StaffFixtures.uniqueUsername("headers");
        new StaffFixtures(context).account(username, Set.of(Role.ADMIN), List.of());
        String token = ApiClient.token(mvc, username, StaffFixtures.PASSWORD);

        Map<String, RequestBuilder> answers = new LinkedHashMap<>();
        answers.put("login page", get("/login"));
        answers.put("page", get("/records/sites").with(Users.as(Users.admin())));
        answers.put("htmx fragment", get("/notifications/bell").header("HX-Request", "true").with(Users.as(Users.admin())));
        answers.put("static file", get("/css/app.css"));
        answers.put("error page", get("/no-such-page").with(Users.as(Users.admin())));
        answers.put("forbidden page", get("/staff").with(Users.as(Users.frontDesk())));
        answers.put("api json", get("/api/v1/me").with(ApiClient.bearer(token)));
        answers.put("api problem", get("/api/v1/me"));

        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, RequestBuilder> answer : answers.entrySet()) {
            MockHttpServletResponse response = mvc.perform(answer.getValue()).andReturn().getResponse();
            String what = answer.getKey() + " (" + response.getStatus() + ")";
            String policy = Optional.ofNullable(response.getHeader("Content-Security-Policy")).orElse("");

            softly.assertThat(policy).as("%s: content security policy", what).isNotBlank();
            for (String directive : List.of("script-src", "style-src")) {
                softly.assertThat(effective(policy, directive)).as("%s: %s", what, directive)
                        .doesNotContain("'unsafe-inline'", "'unsafe-eval'", "*");
            }
            softly.assertThat(directive(policy, "frame-ancestors").orElse("").equals("'none'")
                    || "DENY".equals(response.getHeader("X-Frame-Options"))).as("%s: never framed", what).isTrue();
            softly.assertThat(response.getHeader("X-Content-Type-Options")).as("%s: nosniff", what).isEqualTo("nosniff");
            softly.assertThat(response.getHeader("Referrer-Policy")).as("%s: referrer policy", what)
                    .isIn(SAFE_REFERRER_POLICIES);
        }
        softly.assertAll();
    }

    /** The sources a directive allows, falling back to default-src as browsers do. */
    private static String effective(String policy, String name) {
        return directive(policy, name).or(() -> directive(policy, "default-src")).orElse("*");
    }

    private static Optional<String> directive(String policy, String name) {
        return Arrays.stream(policy.split(";")).map(String::strip)
                .filter(part -> part.equals(name) || part.startsWith(name + " "))
                .map(part -> part.substring(name.length()).strip())
                .findFirst();
    }
}
