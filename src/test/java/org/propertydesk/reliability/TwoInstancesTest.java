package org.propertydesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.propertydesk.PropertyDeskApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Two app instances on one database, as behind a load balancer: the background jobs, run by both at the same moment,
 * do each piece of work once; a login made on one instance is honoured by the other, also once the first has stopped;
 * requests of one browser arriving together share its session without tripping over each other; an instance being
 * stopped finishes the request in flight first, and answers the load balancer's health and readiness checks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    private static final List<String> JOBS = List.of("SlaEscalation", "AutoDispatch", "AutoClose", "SurveyJobs",
            "CareTaskRefresh", "PublicAttemptsPruning");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");
    private static final String SLOW_WORK = "/test/slow-work";
    private static final CountDownLatch WORK_STARTED = new CountDownLatch(1);
    private static final CountDownLatch FINISH_WORK = new CountDownLatch(1);

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * The first instance starts the embedded database and loads the demo data into it; the second is pointed at that
     * database, as a second node would be configured.
     */
    @BeforeAll
    static void twoInstancesOnOneDatabase() {
        first = start(TwoInstancesTest::slowWork, "--propertydesk.demo-data.enabled=true");
        HikariDataSource database = (HikariDataSource) first.getBean(DataSource.class);
        jdbc = JdbcClient.create(database);
        second = start(context -> { }, "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + database.getPassword());
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {second, first}) {
            if (instance != null && instance.isRunning()) {
                instance.close();
            }
        }
    }

    /** Command-line arguments, so that they win over the tests' own configuration (which turns the jobs off). */
    private static ConfigurableApplicationContext start(
            ApplicationContextInitializer<GenericApplicationContext> extra, String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.add("--propertydesk.data-dir=" + dataDir);
        all.add("--propertydesk.scheduling.enabled=true");
        all.add("--server.port=0");
        return new SpringApplicationBuilder(PropertyDeskApplication.class).initializers(extra)
                .run(all.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void everyBackgroundJobRunByBothInstancesAtOnceDoesEachPieceOfWorkOnce() throws Exception {
        Instant before = jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
        int overdue = jdbc.sql("""
                update service_request set due_acknowledge_at = now() - interval '2 hours'
                where acknowledged_at is null and status in ('NEW', 'REOPENED')""").update();
        assertThat(overdue).as("open requests made overdue for both escalation levels").isPositive();
        jdbc.sql("update work_order set accept_by = now() - interval '1 minute' where status = 'ASSIGNED' and auto_assigned")
                .update();

        for (String job : JOBS) {
            runOnBothAtOnce(job);
        }

        assertThat(jdbc.sql("select count(*) from sla_escalation where escalated_at >= :before")
                .param("before", Timestamp.from(before)).query(Long.class).single())
                .as("escalation steps taken").isGreaterThanOrEqualTo(overdue);
        assertThat(jdbc.sql("""
                select request_id || ' ' || type || ' ' || coalesce(note, '') from request_event where at >= :before
                group by request_id, type, note having count(*) > 1""")
                .param("before", Timestamp.from(before)).query(String.class).list())
                .as("timeline entries written twice").isEmpty();
        assertThat(jdbc.sql("""
                select recipient || ' ' || message_key || ' ' || coalesce(arguments, '') from notification
                where created_at >= :before
                group by recipient, message_key, arguments, link having count(*) > 1""")
                .param("before", Timestamp.from(before)).query(String.class).list())
                .as("notifications sent twice").isEmpty();
        assertThat(jdbc.sql("""
                select count(*) from notification where created_at >= :before and kind = 'ESCALATION'""")
                .param("before", Timestamp.from(before)).query(Long.class).single())
                .as("supervisors and managers told").isPositive();
    }

    @Test
    @Order(2)
    void aLoginOnOneInstanceIsHonouredByTheOtherAlsoAfterTheFirstHasStopped() throws Exception {
        String session = logIn(second, "frontdesk", "demo");

        assertThat(get(second, "/requests", session).statusCode()).isEqualTo(200);
        HttpResponse<String> onTheOther = get(first, "/requests", session);
        assertThat(onTheOther.statusCode()).as("the same session on the other instance").isEqualTo(200);
        assertThat(onTheOther.body()).contains("/requests/");

        second.close();

        assertThat(get(first, "/requests", session).statusCode()).as("after the instance that logged in has stopped")
                .isEqualTo(200);
        assertThat(get(first, "/requests", "not-a-session").statusCode()).as("no session, no page").isEqualTo(302);
    }

    @Test
    @Order(3)
    void requestsOfOneBrowserArrivingTogetherRightAfterLoginAllSucceed() throws Exception {
        // Logging in replaces the session's CSRF token: the pages arriving together each store a new one.
        String session = logIn(first, "dispatcher", "demo");
        List<CompletableFuture<HttpResponse<String>>> together = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            together.add(http.sendAsync(HttpRequest.newBuilder(uri(first, i % 2 == 0 ? "/dispatch" : "/requests"))
                    .header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(together.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList())
                .containsOnly(200);
    }

    @Test
    @Order(4)
    void aStoppingInstanceLetsTheRequestInFlightFinishAndTellsTheLoadBalancerItIsReady() throws Exception {
        assertThat(http.send(HttpRequest.newBuilder(uri(first, "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("\"UP\"");
        assertThat(http.send(HttpRequest.newBuilder(uri(first, "/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        String session = logIn(first, "frontdesk", "demo");
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(uri(first, SLOW_WORK))
                .header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(WORK_STARTED.await(30, TimeUnit.SECONDS)).as("the slow request is being worked on").isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(first::close);
        Thread.sleep(500);
        assertThat(stopping).as("the instance waits for the request in flight").isNotDone();
        FINISH_WORK.countDown();

        HttpResponse<String> answer = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("finished");
        stopping.get(60, TimeUnit.SECONDS);
    }

    /** A request that takes as long as the test says, registered in the first instance only (never scanned). */
    private static void slowWork(GenericApplicationContext context) {
        context.registerBean("slowWork", RouterFunction.class, () -> RouterFunctions.route()
                .GET(SLOW_WORK, request -> {
                    WORK_STARTED.countDown();
                    FINISH_WORK.await(60, TimeUnit.SECONDS);
                    return ServerResponse.ok().body("finished");
                }).build());
    }

    private void runOnBothAtOnce(String job) throws Exception {
        List<Runnable> runs = new ArrayList<>();
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            runs.add(scheduled(instance, job));
        }
        CyclicBarrier together = new CyclicBarrier(runs.size());
        List<CompletableFuture<Void>> running = runs.stream().map(run -> CompletableFuture.runAsync(() -> {
            try {
                together.await();
            } catch (Exception interrupted) {
                throw new IllegalStateException(interrupted);
            }
            run.run();
        })).toList();
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
    }

    /** The job exactly as the scheduler runs it: the instance's registered task for the job's class. */
    private static Runnable scheduled(ConfigurableApplicationContext instance, String job) {
        Map<String, ScheduledTaskHolder> holders = instance.getBeansOfType(ScheduledTaskHolder.class);
        return holders.values().stream().flatMap(holder -> holder.getScheduledTasks().stream())
                .map(ScheduledTask::getTask)
                .filter(task -> task.toString().contains("." + job + "."))
                .findFirst().orElseThrow(() -> new AssertionError("no scheduled task of " + job)).getRunnable();
    }

    private String logIn(ConfigurableApplicationContext instance, String username, String password) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri(instance, "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(uri(instance, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "SESSION=" + session(form))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return session(loggedIn);
    }

    private HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String session)
            throws Exception {
        return http.send(HttpRequest.newBuilder(uri(instance, path)).header("Cookie", "SESSION=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String session(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(found -> found.group(1)).reduce((earlier, later) -> later)
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private static URI uri(ConfigurableApplicationContext instance, String path) {
        return URI.create("http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port") + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
