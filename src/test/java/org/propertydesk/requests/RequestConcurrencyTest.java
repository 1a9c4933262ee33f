package org.propertydesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.propertydesk.requests.RequestExamples.timeline;
import static org.propertydesk.requests.RequestsTestData.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.requests.RequestsTestData.Site;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.support.BrowserSession;
import org.propertydesk.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two people working on the same request at once: the second change is refused, nothing of it is saved, and the page
 * tells the person what happened instead of showing an error page.
 */
@RequestsIntegrationTest
class RequestConcurrencyTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");
    private static final String SOMEONE_ELSE_CHANGED = "Someone else changed this record while you were editing it.";

    @Autowired
    RequestsTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    RequestService service;

    @Autowired
    ServiceRequestRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    Site site;
    PropertyDeskUser frontDesk;
    PropertyDeskUser dispatcher;
    ServiceRequest request;

    @BeforeEach
    void oneRequestTwoPeople() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        frontDesk = data.frontDesk(site);
        dispatcher = data.dispatcher(site);
        request = data.receive(frontDesk, data.repair(site));
    }

    @Test
    void aMoveMadeOnAStaleVersionIsRefused() {
        long seen = request.getVersion();
        data.act(dispatcher, request.getId(), RequestAction.DISPATCH, null);

        assertThatThrownBy(() -> as(frontDesk, () -> service.act(request.getId(), RequestAction.CANCEL, "业主取消", seen)))
                .isInstanceOf(StaleVersionException.class)
                .extracting(e -> ((StaleVersionException) e).messageKey()).isEqualTo("error.concurrentChange");

        ServiceRequest current = data.reload(request.getId());
        assertThat(current.getStatus()).isEqualTo(RequestStatus.DISPATCHED);
        assertThat(timeline(current)).containsExactly("received", "dispatched");
    }

    @Test
    void theCurrentVersionIsAccepted() {
        ServiceRequest acknowledged = as(frontDesk,
                () -> service.act(request.getId(), RequestAction.ACKNOWLEDGE, null, request.getVersion()));

        assertThat(acknowledged.getStatus()).isEqualTo(RequestStatus.ACKNOWLEDGED);
        assertThat(acknowledged.getVersion()).isGreaterThan(request.getVersion());
    }

    @Test
    void whenTwoTransactionsLoadTheSameRequestTheSecondToSaveFails() {
        TransactionTemplate first = new TransactionTemplate(transactions);
        TransactionTemplate second = new TransactionTemplate(transactions);
        second.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThatThrownBy(() -> as(frontDesk, () -> first.execute(tx -> {
            ServiceRequest loadedByFrontDesk = repository.findById(request.getId()).orElseThrow();
            second.execute(inner -> service.act(request.getId(), RequestAction.DISPATCH, "派给老李", null));
            loadedByFrontDesk.cancel(new ServiceRequest.Actor(frontDesk.getUsername(), frontDesk.displayName()),
                    clock.instant(), "业主取消");
            return repository.save(loadedByFrontDesk);
        }))).isInstanceOf(ObjectOptimisticLockingFailureException.class);

        ServiceRequest current = data.reload(request.getId());
        assertThat(current.getStatus()).as("the first change to be saved stands").isEqualTo(RequestStatus.DISPATCHED);
        assertThat(timeline(current)).containsExactly("received", "dispatched");
    }

    @Test
    void aPageButtonPressedOnAnOldPageShowsWhatHappened() throws Exception {
        long seen = request.getVersion();
        data.act(dispatcher, request.getId(), RequestAction.DISPATCH, null);

        MvcResult refused = mvc.perform(post("/requests/{id}/actions/cancel", request.getId())
                        .param("note", "业主取消").param("version", String.valueOf(seen))
                        .header("Referer", "http://localhost/requests/" + request.getId())
                        .with(user(frontDesk)).with(csrf()).cookie(ENGLISH))
                .andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(302);
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/requests/" + request.getId());
        assertThat(followed(refused)).contains(SOMEONE_ELSE_CHANGED);
        assertThat(data.reload(request.getId()).getStatus()).isEqualTo(RequestStatus.DISPATCHED);
    }

    @Test
    void aChangeThatLosesTheRaceOnThePageShowsWhatHappenedNotAnErrorPage() throws Exception {
        long id = request.getId();
        try (Connection other = dataSource.getConnection()) {
            // Someone else is in the middle of changing the request: their transaction holds the row.
            other.setAutoCommit(false);
            execute(other, "select id from service_request where id = ? for no key update", id);

            CompletableFuture<MvcResult> page = CompletableFuture.supplyAsync(() -> {
                try {
                    return mvc.perform(post("/requests/{id}/actions/acknowledge", id)
                                    .header("Referer", "http://localhost/requests/" + id)
                                    .with(user(frontDesk)).with(csrf()).cookie(ENGLISH))
                            .andReturn();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // The page has read the request and now waits to write it; the other change commits first.
            await(() -> jdbc.sql("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock' and query ilike 'update service_request%'
                    """).query(Long.class).single() > 0 || page.isDone());
            execute(other, "update service_request set follow_ups = follow_ups + 1, version = version + 1 where id = ?", id);
            other.commit();

            MvcResult result = page.get(30, TimeUnit.SECONDS);

            assertThat(result.getResponse().getStatus()).isEqualTo(302);
            assertThat(result.getFlashMap().get("flashError")).isInstanceOf(Flash.FlashMessage.class)
                    .extracting(m -> ((Flash.FlashMessage) m).key()).isEqualTo("error.concurrentChange");
            assertThat(followed(result)).contains(SOMEONE_ELSE_CHANGED);
        }
        ServiceRequest current = data.reload(id);
        assertThat(current.getStatus()).as("the page's change was not saved").isEqualTo(RequestStatus.NEW);
        assertThat(current.getFollowUps()).isEqualTo(1);
        assertThat(timeline(current)).containsExactly("received");
    }

    /** The page the browser lands on after the redirect, with the flash message carried over. */
    private String followed(MvcResult redirect) throws Exception {
        return mvc.perform(get(redirect.getResponse().getRedirectedUrl()).with(BrowserSession.following(redirect))
                        .with(user(frontDesk)).cookie(ENGLISH))
                .andReturn().getResponse().getContentAsString();
    }

    private static void execute(Connection connection, String sql, long id) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            if (statement.execute()) {
                try (ResultSet ignored = statement.getResultSet()) {
                    // the row lock is what matters
                }
            }
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
