package org.propertydesk.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.propertydesk.surveys.SatisfactionTrend;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signing up for a community activity as specifications: places are confirmed first come, first served up to the
 * capacity, even when everyone clicks at the same moment; beyond it people wait in order, and a cancelled place goes
 * to the first of them; staff record who came; only those who came rate it, once, after it is over, and their
 * ratings reach the satisfaction index. The clock stands on 1 June 2026, 10:00 in Shanghai; the activities are on
 * 10 June, 09:00–11:00.
 */
@ClockedIntegrationTest
class ActivitySignUpTest {

    private static final String START = "2026-06-10T09:00";
    private static final String END = "2026-06-10T11:00";

    @Autowired
    ActivityTestData data;

    @Autowired
    SignUps signUps;

    @Autowired
    Activities activities;

    @Autowired
    SatisfactionTrend trend;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void firstOfJune() {
        clock.set("2026-06-01T10:00");
    }

    SignUpStatus signUp(PropertyDeskUser owner, long activity) {
        return Users.callAs(owner, () -> signUps.signUp(activity));
    }

    void cancel(PropertyDeskUser owner, long activity) {
        Users.runAs(owner, () -> signUps.cancel(activity));
    }

    void rate(PropertyDeskUser owner, long activity, int stars) {
        Users.runAs(owner, () -> signUps.rate(activity, stars));
    }

    void attended(long site, long activity, PropertyDeskUser... came) {
        Set<Long> ids = new java.util.HashSet<>();
        for (PropertyDeskUser owner : came) {
            ids.add(data.signUpId(activity, owner));
        }
        Users.runAs(Users.frontDesk(site), () -> activities.recordAttendance(activity, ids));
    }

    /** Starts every task on its own thread at the same moment and returns their results in order. */
    static List<Object> runAtOnce(List<Callable<Object>> tasks) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Nested
    class Capacity {

        @Test
        void twentyPeopleSigningUpAtTheSameMomentForFivePlacesGiveFiveConfirmedAndFifteenWaitingInOrder()
                throws Exception {
            long site = data.site();
            long activity = data.activity(site, "亲子手工课", START, END, 5);
            List<PropertyDeskUser> owners = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                owners.add(data.owner(site));
            }
            List<Callable<Object>> tasks = new ArrayList<>();
            for (PropertyDeskUser owner : owners) {
                tasks.add(() -> signUp(owner, activity));
            }

            List<Object> statuses = runAtOnce(tasks);

            assertThat(statuses).filteredOn(s -> s == SignUpStatus.CONFIRMED).hasSize(5);
            assertThat(statuses).filteredOn(s -> s == SignUpStatus.WAITING).hasSize(15);
            List<Map.Entry<Long, String>> queue = data.queue(activity);
            assertThat(queue).hasSize(20);
            assertThat(queue.subList(0, 5)).extracting(Map.Entry::getValue).containsOnly("CONFIRMED");
            assertThat(queue.subList(5, 20)).extracting(Map.Entry::getValue).containsOnly("WAITING");
        }

        @Test
        void cancellationsAndSignUpsAtTheSameMomentKeepThePlacesFullAndTheQueueInOrder() throws Exception {
            long site = data.site();
            long activity = data.activity(site, "摄影讲座", START, END, 3);
            List<PropertyDeskUser> holders = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                PropertyDeskUser owner = data.owner(site);
                signUp(owner, activity);
                if (i < 3) {
                    holders.add(owner);
                }
            }
            List<Callable<Object>> tasks = new ArrayList<>();
            for (PropertyDeskUser holder : holders) {
                tasks.add(() -> {
                    cancel(holder, activity);
                    return null;
                });
            }
            for (int i = 0; i < 6; i++) {
                PropertyDeskUser newcomer = data.owner(site);
                tasks.add(() -> signUp(newcomer, activity));
            }

            runAtOnce(tasks);

            List<String> queue = data.queue(activity).stream().map(Map.Entry::getValue)
                    .filter(status -> !status.equals("CANCELLED")).toList();
            assertThat(queue).hasSize(9);
            assertThat(queue.subList(0, 3)).containsOnly("CONFIRMED");
            assertThat(queue.subList(3, 9)).containsOnly("WAITING");
        }

        @Test
        void cancellingAConfirmedPlaceGivesItToTheFirstPersonWaiting() {
            long site = data.site();
            long activity = data.activity(site, "读书会", START, END, 2);
            PropertyDeskUser first = data.owner(site);
            PropertyDeskUser second = data.owner(site);
            PropertyDeskUser third = data.owner(site);
            PropertyDeskUser fourth = data.owner(site);
            assertThat(List.of(signUp(first, activity), signUp(second, activity), signUp(third, activity),
                    signUp(fourth, activity)))
                    .containsExactly(SignUpStatus.CONFIRMED, SignUpStatus.CONFIRMED, SignUpStatus.WAITING,
                            SignUpStatus.WAITING);

            cancel(second, activity);

            assertThat(data.status(activity, second)).isEqualTo("CANCELLED");
            assertThat(data.status(activity, third)).isEqualTo("CONFIRMED");
            assertThat(data.status(activity, fourth)).isEqualTo("WAITING");
            assertThat(Users.callAs(fourth, () -> signUps.view(activity)).mine().position()).isEqualTo(1);
        }

        @Test
        void someoneWaitingWhoCancelsFreesNoPlaceAndTheNextMovesUpTheList() {
            long site = data.site();
            long activity = data.activity(site, "太极拳", START, END, 1);
            PropertyDeskUser holder = data.owner(site);
            PropertyDeskUser firstWaiting = data.owner(site);
            PropertyDeskUser secondWaiting = data.owner(site);
            signUp(holder, activity);
            signUp(firstWaiting, activity);
            signUp(secondWaiting, activity);

            cancel(firstWaiting, activity);

            assertThat(data.count(activity, "CONFIRMED")).isEqualTo(1);
            assertThat(data.status(activity, holder)).isEqualTo("CONFIRMED");
            assertThat(Users.callAs(secondWaiting, () -> signUps.view(activity)).mine().position()).isEqualTo(1);
        }

        @Test
        void signingUpAgainAfterCancellingGoesToTheEndOfTheQueue() {
            long site = data.site();
            long activity = data.activity(site, "义诊", START, END, 1);
            PropertyDeskUser early = data.owner(site);
            PropertyDeskUser late = data.owner(site);
            signUp(early, activity);
            signUp(late, activity);
            cancel(early, activity);

            assertThat(signUp(early, activity)).isEqualTo(SignUpStatus.WAITING);
            assertThat(data.status(activity, late)).isEqualTo("CONFIRMED");
        }

        @Test
        void aSecondSignUpBySomeoneWithAPlaceIsRefused() {
            long site = data.site();
            long activity = data.activity(site, "插花", START, END, 5);
            PropertyDeskUser owner = data.owner(site);
            signUp(owner, activity);

            assertThatThrownBy(() -> signUp(owner, activity)).isInstanceOf(BusinessRuleException.class)
                    .hasMessage("activity.error.alreadySignedUp");
            assertThat(data.queue(activity)).hasSize(1);
        }

        @Test
        void signUpsAndCancellationsCloseWhenTheActivityStarts() {
            long site = data.site();
            long activity = data.activity(site, "电影夜", START, END, 5);
            PropertyDeskUser owner = data.owner(site);
            signUp(owner, activity);
            clock.set(START);

            assertThatThrownBy(() -> signUp(data.owner(site), activity)).hasMessage("activity.error.signUpClosed");
            assertThatThrownBy(() -> cancel(owner, activity)).hasMessage("activity.error.signUpClosed");
        }

        @Test
        void moreRoomGivesPlacesToThoseWaitingFirst() {
            long site = data.site();
            long activity = data.activity(site, "烘焙课", START, END, 1);
            PropertyDeskUser holder = data.owner(site);
            PropertyDeskUser firstWaiting = data.owner(site);
            PropertyDeskUser secondWaiting = data.owner(site);
            signUp(holder, activity);
            signUp(firstWaiting, activity);
            signUp(secondWaiting, activity);

            Users.runAs(Users.manager(site), () -> {
                ActivityForm form = ActivityForm.of(activities.get(activity), MutableClock.SHANGHAI);
                form.setCapacity(2);
                activities.change(activity, form);
            });

            assertThat(data.status(activity, firstWaiting)).isEqualTo("CONFIRMED");
            assertThat(data.status(activity, secondWaiting)).isEqualTo("WAITING");
        }

        @Test
        void anOwnerOfAnotherSiteCannotSeeOrSignUp() {
            long site = data.site();
            long activity = data.activity(site, "篮球赛", START, END, 5);
            PropertyDeskUser elsewhere = data.owner(data.site());

            assertThatThrownBy(() -> signUp(elsewhere, activity)).isInstanceOf(NotFoundException.class);
            assertThat(Users.callAs(elsewhere, () -> signUps.upcoming()))
                    .noneMatch(a -> a.activity().getId() == activity);
        }
    }

    @Nested
    class AttendanceAndRatings {

        long site;
        long activity;
        PropertyDeskUser came;
        PropertyDeskUser stayedAway;
        PropertyDeskUser waited;

        @BeforeEach
        void anActivityWithTwoPlacesAndOnePersonWaiting() {
            site = data.site();
            activity = data.activity(site, "社区音乐会", START, END, 2);
            came = data.owner(site);
            stayedAway = data.owner(site);
            waited = data.owner(site);
            signUp(came, activity);
            signUp(stayedAway, activity);
            signUp(waited, activity);
        }

        @Test
        void attendanceIsRecordedFromTheStartForConfirmedPeopleOnly() {
            assertThatThrownBy(() -> attended(site, activity, came)).hasMessage("activity.error.notStarted");

            clock.set("2026-06-10T09:30");
            attended(site, activity, came);

            assertThat(jdbc.sql("select customer_id, attended from activity_sign_up where activity_id = ? order by queue_no")
                    .params(activity).query((rs, n) -> rs.getLong(1) + ":" + rs.getObject(2)).list())
                    .containsExactly(came.customerId() + ":true", stayedAway.customerId() + ":false",
                            waited.customerId() + ":null");
        }

        @Test
        void onlyThoseWhoCameRateItOnceItIsOver() {
            clock.set("2026-06-10T09:30");
            attended(site, activity, came);
            assertThatThrownBy(() -> rate(came, activity, 5)).hasMessage("activity.error.notOver");

            clock.set("2026-06-10T11:00");
            rate(came, activity, 4);

            assertThat(data.rating(activity, came)).isEqualTo(4);
            assertThatThrownBy(() -> rate(stayedAway, activity, 5)).hasMessage("activity.error.onlyAttendees");
            assertThatThrownBy(() -> rate(waited, activity, 5)).hasMessage("activity.error.onlyAttendees");
            assertThatThrownBy(() -> rate(data.owner(site), activity, 5)).hasMessage("activity.error.onlyAttendees");
        }

        @Test
        void aSecondRatingIsRefusedAndTheFirstStands() {
            clock.set("2026-06-10T09:30");
            attended(site, activity, came);
            clock.set("2026-06-11T08:00");
            rate(came, activity, 2);

            assertThatThrownBy(() -> rate(came, activity, 5)).hasMessage("activity.error.alreadyRated");
            assertThat(data.rating(activity, came)).isEqualTo(2);
        }

        @Test
        void someoneWhoRatedStaysMarkedAsHavingComeWhenAttendanceIsSavedAgain() {
            clock.set("2026-06-10T09:30");
            attended(site, activity, came);
            clock.set("2026-06-10T12:00");
            rate(came, activity, 5);

            attended(site, activity);

            assertThat(jdbc.sql("select attended from activity_sign_up where activity_id = ? and customer_id = ?")
                    .params(activity, came.customerId()).query(Boolean.class).single()).isTrue();
        }

        @Test
        void theRatingsReachTheActivitiesLineOfTheSatisfactionIndex() {
            long questionnaire = jdbc.sql("""
                    insert into questionnaire (title, opens_on, closes_on, status, opened_at,
                                               created_at, created_by, updated_at, updated_by)
                    values ('六月满意度调查', date '2026-06-01', date '2026-06-30', 'OPEN', now(), now(), 'test', now(), 'test')
                    returning id
                    """).query(Long.class).single();
            jdbc.sql("insert into questionnaire_site (questionnaire_id, site_id) values (?, ?)")
                    .params(questionnaire, site).update();
            clock.set("2026-06-10T09:30");
            attended(site, activity, came, stayedAway);
            clock.set("2026-06-10T12:00");
            rate(came, activity, 5);
            rate(stayedAway, activity, 3);

            assertThat(trend.latest(List.of(site), LocalDate.parse("2026-06-10"), 1))
                    .filteredOn(p -> "ACTIVITIES".equals(p.line()))
                    .singleElement().satisfies(point -> {
                        assertThat(point.questionnaireId()).isEqualTo(questionnaire);
                        assertThat(point.index()).isEqualByComparingTo("75.0");
                        assertThat(point.ratings()).isEqualTo(2);
                    });
        }
    }
}
