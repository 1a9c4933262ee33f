package org.propertydesk.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Community activities' ratings in the satisfaction index: each counts in the ACTIVITIES line of the first
 * questionnaire for the activity's site (not a draft) that closes on or after the day it was held, beside any answers
 * to ACTIVITIES questions, in the site's index and in the trend the dashboards show. The clock stands on
 * 10 May 2026, 10:00 in Shanghai; the questionnaires run from 10 May to 9 June.
 */
@ClockedIntegrationTest
class ActivityRatingsIndexTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-05-10");

    @Autowired
    SurveyTestData data;

    @Autowired
    IndexQueries indexes;

    @Autowired
    SatisfactionTrend trend;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void tenInTheMorning() {
        clock.set("2026-05-10T10:00");
    }

    /** An activity of the site held that day, rated by its attendees with these stars. */
    void activityRated(long siteId, LocalDate heldOn, int... ratings) {
        long activity = jdbc.sql("""
                insert into activity (site_id, title, starts_at, ends_at, held_on, place, capacity,
                                      created_at, created_by, updated_at, updated_by)
                values (?, '邻里节', now(), now() + interval '2 hours', ?, '会所', 50, now(), 'test', now(), 'test')
                returning id
                """).params(siteId, Date.valueOf(heldOn)).query(Long.class).single();
        for (int rating : ratings) {
            SurveyTestData.House house = data.household(siteId);
            jdbc.sql("""
                    insert into activity_sign_up (activity_id, customer_id, house_id, status, queue_no, signed_up_at,
                                                  attended, rating, rated_at)
                    values (?, ?, ?, 'CONFIRMED', nextval('activity_queue_seq'), now(), true, ?, now())
                    """).params(activity, house.ownerId(), house.id(), rating).update();
        }
    }

    Questionnaire openQuestionnaire(PropertyDeskUser manager, long site, ServiceLine... lines) {
        return data.open(manager, data.draft(manager, TODAY, List.of(site), lines).getId());
    }

    @Test
    void ratingsOfAnActivityHeldBeforeTheQuestionnaireClosesFormItsActivitiesLine() {
        long site = data.site();
        PropertyDeskUser manager = data.manager(site);
        Questionnaire q = openQuestionnaire(manager, site, ServiceLine.REPAIRS);
        activityRated(site, TODAY.minusDays(12), 5, 4, 3);

        assertThat(indexes.bySiteAndLine(q.getId(), List.of(site))).singleElement().satisfies(cell -> {
            assertThat(cell.line()).isEqualTo(ServiceLine.ACTIVITIES);
            assertThat(cell.index()).isEqualByComparingTo("75.0");
            assertThat(cell.ratings()).isEqualTo(3);
        });
        assertThat(indexes.bySite(q.getId(), List.of(site))).singleElement()
                .satisfies(cell -> assertThat(cell.index()).isEqualByComparingTo("75.0"));
    }

    @Test
    void activityRatingsAndAnswersToActivitiesQuestionsMakeOneIndex() {
        long site = data.site();
        PropertyDeskUser manager = data.manager(site);
        Questionnaire q = openQuestionnaire(manager, site, ServiceLine.ACTIVITIES);
        SurveyTestData.House house = data.household(site);
        long response = jdbc.sql("""
                insert into survey_response (questionnaire_id, site_id, house_id, channel, household_key, submitted_at,
                                             created_at, created_by)
                values (?, ?, ?, 'LINK', ?, now(), now(), 'test') returning id
                """).params(q.getId(), site, house.id(), "H" + house.id()).query(Long.class).single();
        jdbc.sql("insert into survey_answer (response_id, question_id, rating) values (?, ?, 1)")
                .params(response, q.getQuestions().get(0).getId()).update();
        activityRated(site, TODAY.plusDays(5), 5, 5);

        assertThat(indexes.byLine(q.getId(), List.of(site))).singleElement().satisfies(cell -> {
            assertThat(cell.line()).isEqualTo(ServiceLine.ACTIVITIES);
            assertThat(cell.index()).isEqualByComparingTo("66.7");
            assertThat(cell.ratings()).isEqualTo(3);
        });
    }

    @Test
    void eachActivityCountsInExactlyOneQuestionnaireAndNotInADraft() {
        long site = data.site();
        PropertyDeskUser manager = data.manager(site);
        Questionnaire earlier = data.open(manager,
                data.draft(manager, TODAY.minusDays(60), List.of(site), ServiceLine.REPAIRS).getId());
        Questionnaire current = openQuestionnaire(manager, site, ServiceLine.REPAIRS);
        data.draft(manager, TODAY.plusDays(40), List.of(site), ServiceLine.REPAIRS);
        activityRated(site, TODAY.minusDays(40), 5);
        activityRated(site, TODAY.minusDays(20), 1);
        activityRated(site, TODAY.plusDays(50), 3);

        assertThat(indexes.bySiteAndLine(earlier.getId(), List.of(site))).singleElement()
                .satisfies(cell -> assertThat(cell.index()).isEqualByComparingTo("100.0"));
        assertThat(indexes.bySiteAndLine(current.getId(), List.of(site))).singleElement().satisfies(cell -> {
            assertThat(cell.index()).isEqualByComparingTo("0.0");
            assertThat(cell.ratings()).isEqualTo(1);
        });
        assertThat(indexes.previousBySiteAndLine(current.getId(), current.getOpensOn(), List.of(site))).singleElement()
                .satisfies(cell -> assertThat(cell.index()).isEqualByComparingTo("100.0"));
    }

    @Test
    void anotherSitesActivitiesDoNotCount() {
        long site = data.site();
        long otherSite = data.site();
        PropertyDeskUser manager = data.manager(site);
        Questionnaire q = openQuestionnaire(manager, site, ServiceLine.REPAIRS);
        activityRated(otherSite, TODAY, 1, 1);

        assertThat(indexes.bySiteAndLine(q.getId(), List.of(site, otherSite))).isEmpty();
    }

    @Test
    void theTrendForDashboardsShowsTheActivitiesLine() {
        long site = data.site();
        PropertyDeskUser manager = data.manager(site);
        Questionnaire q = openQuestionnaire(manager, site, ServiceLine.REPAIRS);
        activityRated(site, TODAY, 4, 2);

        assertThat(trend.latest(List.of(site), TODAY, 3))
                .extracting(SatisfactionTrend.Point::questionnaireId, SatisfactionTrend.Point::line,
                        p -> p.index().toPlainString(), SatisfactionTrend.Point::ratings)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(q.getId(), null, "50.0", 2L),
                        org.assertj.core.groups.Tuple.tuple(q.getId(), "ACTIVITIES", "50.0", 2L));
    }
}
