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

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Fifty people at once on the same three requests, acknowledging them and adding notes: nothing that was accepted is
 * lost, nothing happens twice, and whoever loses a race is told so in words (the request changed meanwhile, or the
 * move no longer applies), never with a server error.
 */
@WebIntegrationTest
class ConcurrencyTest {

    private static final int PEOPLE = 50;
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

        ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int person = 0; person < PEOPLE; person++) {
            int who = person;
            long request = requests.get(person % requests.size());
            // Every fifth person acknowledges; the others add a note of their own.
            String note = person % 5 == 0 ? null : "并发备注 #" + person;
            futures.add(pool.submit(() -> {
                start.await();
                MockHttpServletRequestBuilder call = note == null
                        ? post("/requests/{id}/actions/acknowledge", request)
                        : post("/requests/{id}/notes", request).param("note", note);
                try {
                    MvcResult result = mvc.perform(call.header("Referer", "/requests/" + request).with(csrf())
                            .with(Users.as(desk))).andReturn();
                    return new Outcome(who, request, note, result.getResponse().getStatus(),
                            key(result.getFlashMap().get("flashSuccess")), key(result.getFlashMap().get("flashError")), null);
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
