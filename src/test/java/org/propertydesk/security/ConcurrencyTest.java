package org.propertydesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.api.ApiProblems;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.staff.StaffFixtures;
import org.propertydesk.support.ApiClient;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Fifty people at once on the same three requests, acknowledging them and adding notes: nothing that was accepted is
 * lost, nothing happens twice, and whoever loses a race is told so in words (the request changed meanwhile, or the
 * move no longer applies), never with a server error. The same through the API: fifty clients with bearer tokens get
 * 200 or a 409 problem naming the conflict.
 */
@WebIntegrationTest
class ConcurrencyTest {

    private static final int PEOPLE = 50;
    private static final String PROBLEM_TYPE = "urn:propertydesk:problem:";
    private static final Set<String> CLEAR_REFUSALS = Set.of("error.concurrentChange", "request.error.illegalMove");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    record Outcome(int person, long request, String note, int status, String success, String refusal, String thrown) {
    }

    @Test
    void fiftyPeopleOnTheSameRequestsLoseNothingAndLosersAreToldWhy() throws Exception {
        SecurityData data = new SecurityData(context);
        SecurityData.Household household = data.household();
        List<Long> requests = List.of(data.request(household, "并发一"), data.request(household, "并发二"),
                data.request(household, "并发三"));
        PropertyDeskUser desk = Users.frontDesk(household.siteId());

        List<Outcome> outcomes = everyoneAtOnce(requests, "并发备注 #", (who, request, note) -> {
            MockHttpServletRequestBuilder call = note == null
                    ? post("/requests/{id}/actions/acknowledge", request)
                    : post("/requests/{id}/notes", request).param("note", note);
            MvcResult result = mvc.perform(call.header("Referer", "/requests/" + request).with(csrf())
                    .with(Users.as(desk))).andReturn();
            return new Outcome(who, request, note, result.getResponse().getStatus(),
                    key(result.getFlashMap().get("flashSuccess")), key(result.getFlashMap().get("flashError")), null);
        });

        SoftAssertions softly = new SoftAssertions();
        for (Outcome outcome : outcomes) {
            softly.assertThat(outcome.status()).as("%s", outcome).isEqualTo(302);
            softly.assertThat(outcome.success() != null ^ outcome.refusal() != null).as("one clear answer: %s", outcome)
                    .isTrue();
            if (outcome.refusal() != null) {
                softly.assertThat(outcome.refusal()).as("%s", outcome).isIn(CLEAR_REFUSALS);
            }
            if (outcome.note() != null) {
                softly.assertThat(notesOn(outcome.request(), outcome.note()))
                        .as("times the note of %s is on the timeline", outcome).isEqualTo(outcome.success() != null ? 1 : 0);
            }
        }
        for (long request : requests) {
            // Several people acknowledge each request at once: at most one wins (all may lose to a note saved first).
            long acknowledged = outcomes.stream()
                    .filter(o -> o.request() == request && o.note() == null && o.success() != null).count();
            softly.assertThat(acknowledged).as("acknowledgements accepted for %s", request).isLessThanOrEqualTo(1);
            softly.assertThat(events(request, "acknowledged")).as("acknowledged events of %s", request)
                    .isEqualTo(acknowledged);
            softly.assertThat(status(request)).as("status of %s", request)
                    .isEqualTo(acknowledged == 1 ? "ACKNOWLEDGED" : "NEW");
        }
        softly.assertThat(outcomes.stream().filter(o -> o.note() != null && o.success() != null).count())
                .as("notes accepted").isPositive();
        softly.assertAll();
    }

    @Test
    void fiftyApiClientsOnTheSameRequestsLoseNothingAndLosersGetAConflict() throws Exception {
        SecurityData data = new SecurityData(context);
        SecurityData.Household household = data.household();
        List<Long> requests = List.of(data.request(household, "接口并发一"), data.request(household, "接口并发二"),
                data.request(household, "接口并发三"));
        String username = StaffFixtures.uniqueUsername("api-desk");
        new StaffFixtures(context).account(username, Set.of(Role.FRONT_DESK), List.of(household.siteId()));
        String token = ApiClient.token(mvc, username, StaffFixtures.PASSWORD);

        List<Outcome> outcomes = everyoneAtOnce(requests, "接口催办 #", (who, request, note) -> {
            MockHttpServletRequestBuilder call = post("/api/v1/requests/{id}/{action}", request,
                    note == null ? "acknowledge" : "follow-up").with(ApiClient.bearer(token));
            if (note != null) {
                call.contentType(MediaType.APPLICATION_JSON).content(ApiClient.json("note", note));
            }
            MvcResult result = mvc.perform(call).andReturn();
            int status = result.getResponse().getStatus();
            return new Outcome(who, request, note, status, status == 200 ? "ok" : null,
                    status == 200 ? null : problemType(result.getResponse().getContentAsString()), null);
        });

        SoftAssertions softly = new SoftAssertions();
        for (Outcome outcome : outcomes) {
            softly.assertThat(outcome.status()).as("%s", outcome).isIn(200, 409);
            if (outcome.status() == 409) {
                softly.assertThat(outcome.refusal()).as("%s", outcome)
                        .isIn(PROBLEM_TYPE + ApiProblems.CONCURRENT_CHANGE, PROBLEM_TYPE + ApiProblems.ILLEGAL_TRANSITION);
            }
            if (outcome.note() != null) {
                softly.assertThat(notesOn(outcome.request(), outcome.note()))
                        .as("times the follow-up of %s is on the timeline", outcome)
                        .isEqualTo(outcome.success() != null ? 1 : 0);
            }
        }
        for (long request : requests) {
            long acknowledged = outcomes.stream()
                    .filter(o -> o.request() == request && o.note() == null && o.success() != null).count();
            long followUps = outcomes.stream()
                    .filter(o -> o.request() == request && o.note() != null && o.success() != null).count();
            softly.assertThat(acknowledged).as("acknowledgements accepted for %s", request).isLessThanOrEqualTo(1);
            softly.assertThat(events(request, "acknowledged")).as("acknowledged events of %s", request)
                    .isEqualTo(acknowledged);
            softly.assertThat(followUpCount(request)).as("follow-ups counted on %s", request).isEqualTo(followUps);
        }
        softly.assertThat(outcomes.stream().filter(o -> o.note() != null && o.success() != null).count())
                .as("follow-ups accepted").isPositive();
        softly.assertAll();
    }

    /** What one person does: acknowledge the request when the note is null, else add the note in their way. */
    interface Attempt {
        Outcome make(int person, long request, String note) throws Exception;
    }

    /**
     * Fifty people start together on the requests: every fifth acknowledges, the others each add a note of their own
     * (the prefix and their number). A call that throws counts as a server error.
     */
    private static List<Outcome> everyoneAtOnce(List<Long> requests, String notePrefix, Attempt attempt)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int person = 0; person < PEOPLE; person++) {
            int who = person;
            long request = requests.get(person % requests.size());
            String note = person % 5 == 0 ? null : notePrefix + person;
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    return attempt.make(who, request, note);
                } catch (Exception thrown) {
                    return new Outcome(who, request, note, 500, null, null, thrown.toString());
                }
            }));
        }
        start.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return outcomes;
    }

    private static String problemType(String body) {
        Matcher type = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        return type.find() ? type.group(1) : body;
    }

    private long followUpCount(long request) {
        return jdbc.sql("select follow_ups from service_request where id = ?").params(request).query(Long.class).single();
    }

    private static String key(Object flash) {
        return flash instanceof Flash.FlashMessage message ? message.key() : null;
    }

    private long notesOn(long request, String note) {
        return jdbc.sql("select count(*) from request_event where request_id = ? and note = ?").params(request, note)
                .query(Long.class).single();
    }

    private long events(long request, String type) {
        return jdbc.sql("select count(*) from request_event where request_id = ? and type = ?").params(request, type)
                .query(Long.class).single();
    }

    private String status(long request) {
        return jdbc.sql("select status from service_request where id = ?").params(request).query(String.class).single();
    }
}
