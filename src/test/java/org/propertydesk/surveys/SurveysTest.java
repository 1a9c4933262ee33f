package org.propertydesk.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.propertydesk.support.Html.errorAt;
import static org.propertydesk.support.Html.errorAtGroup;
import static org.propertydesk.support.Html.errorAtId;
import static org.propertydesk.support.Html.formError;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.Html;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Satisfaction surveys as specifications, in English: building a questionnaire, answers by owners through signed links
 * and by staff on their behalf, one response per household, the results with the response rate and the satisfaction
 * index per site and service line, improvement tasks for low scores, and who may do what. The clock stands on
 * 10 May 2026, 10:00 in Shanghai.
 */
@ClockedIntegrationTest
class SurveysTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");
    private static final LocalDate TODAY = LocalDate.parse("2026-05-10");

    @Autowired
    MockMvc mvc;

    @Autowired
    SurveyTestData data;

    @Autowired
    SurveyLinks links;

    @Autowired
    IndexQueries indexes;

    @Autowired
    SurveyResponses responses;

    @Autowired
    SurveyJobs jobs;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void tenInTheMorning() {
        clock.set("2026-05-10T10:00");
    }

    ResultActions as(PropertyDeskUser who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(Users.as(who)).with(csrf()).cookie(ENGLISH));
    }

    /** An owner, not logged in, opening a link. */
    ResultActions owner(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).cookie(ENGLISH));
    }

    String link(Questionnaire q, long houseId) {
        return links.path(q.getId(), houseId, links.expiryFor(q));
    }

    static String field(Questionnaire q, int position) {
        return q.getQuestions().get(position - 1).getField();
    }

    /** Answers the rating questions in order through the owner's link. */
    ResultActions answerByLink(Questionnaire q, long houseId, int... ratings) throws Exception {
        MockHttpServletRequestBuilder request = post(link(q, houseId));
        for (int i = 0; i < ratings.length; i++) {
            request.param(field(q, i + 1), String.valueOf(ratings[i]));
        }
        return owner(request);
    }

    ResultActions answerByStaff(PropertyDeskUser staff, Questionnaire q, SurveyTestData.House house, String channel,
            int... ratings) throws Exception {
        MockHttpServletRequestBuilder request = post("/surveys/{id}/answer", q.getId())
                .param("houseId", String.valueOf(house.id())).param("customerId", String.valueOf(house.ownerId()))
                .param("channel", channel);
        for (int i = 0; i < ratings.length; i++) {
            request.param(field(q, i + 1), String.valueOf(ratings[i]));
        }
        return as(staff, request);
    }

    String page(PropertyDeskUser who, String url, Object... vars) throws Exception {
        return Html.unescape(as(who, get(url, vars)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Nested
    class DoneWhen {

        @Test
        void aSurveyWithThreeServiceLinesAnsweredByOwnersAndStaffShowsTheIndexPerSiteAndLineWithTheResponseRate()
                throws Exception {
            long east = data.site();
            long west = data.site();
            PropertyDeskUser manager = data.manager(east, west);
            PropertyDeskUser desk = data.frontDesk(east);
            SurveyTestData.House a1 = data.household(east);
            SurveyTestData.House a2 = data.household(east);
            data.household(east); // does not answer
            data.emptyHouse(east); // nobody lives here: not a household
            SurveyTestData.House movedOut = data.emptyHouse(east);
            data.resident(movedOut, "搬走的业主", LocalDate.parse("2025-12-31"));
            SurveyTestData.House b1 = data.household(west);

            Questionnaire q = data.draft(manager, TODAY, List.of(east, west),
                    ServiceLine.REPAIRS, ServiceLine.CLEANING, ServiceLine.SECURITY);
            data.addQuestion(manager, q.getId(), QuestionKind.FREE_TEXT, "其他意见", false, null);
            as(manager, post("/surveys/{id}/open", q.getId())).andExpect(redirectedUrl("/surveys/" + q.getId()));
            q = data.reload(manager, q.getId());

            // The owner of A1 answers through the link the front desk copies from the questionnaire page.
            String found = page(desk, "/surveys/{id}?house={code}", q.getId(), a1.code());
            assertThat(found).contains(a1.ownerName()).contains("/s/survey/" + q.getId() + "/" + a1.id() + "?expires=");
            owner(get(link(q, a1.id()))).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(q.getTitle())));
            answerByLink(q, a1.id(), 5, 4, 3).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Thank you")));
            // The front desk enters A2's paper form; the owner of B1 answers through the link.
            answerByStaff(desk, q, a2, "PAPER", 4, 4, 4).andExpect(redirectedUrl("/surveys/" + q.getId()));
            answerByLink(q, b1.id(), 2, 2, 2).andExpect(status().isOk());

            assertThat(jdbc.sql("select channel from survey_response where questionnaire_id = ? order by id")
                    .params(q.getId()).query(String.class).list()).containsExactly("LINK", "PAPER", "LINK");

            String results = page(manager, "/surveys/{id}/results", q.getId());
            String eastName = data.siteName(east);
            String westName = data.siteName(west);
            assertThat(siteRow(results, eastName)).contains(">3<").contains(">2<").contains("66.7%").contains("75.0");
            assertThat(siteRow(results, westName)).contains(">1<").contains("100.0%").contains("25.0");
            assertThat(lineRow(results, eastName, "Repairs")).contains("87.5");
            assertThat(lineRow(results, eastName, "Cleaning")).contains("75.0");
            assertThat(lineRow(results, eastName, "Security and gate")).contains("62.5");
            assertThat(lineRow(results, westName, "Repairs")).contains("25.0");
            assertThat(results).contains("1→0, 2→25, 3→50, 4→75, 5→100").contains("72.3");
        }

        private String siteRow(String html, String siteName) {
            int table = html.indexOf("id=\"sites\"");
            return row(html.substring(table, html.indexOf("</table>", table)), siteName, null);
        }

        private String lineRow(String html, String siteName, String line) {
            int table = html.indexOf("id=\"lines\"");
            return row(html.substring(table, html.indexOf("</table>", table)), siteName, line);
        }

        private String row(String table, String first, String second) {
            for (String row : table.split("<tr")) {
                if (row.contains(">" + first + "<") && (second == null || row.contains(">" + second + "<"))) {
                    return row;
                }
            }
            throw new AssertionError("No row for " + first + " " + second + " in " + table);
        }
    }

    @Nested
    class Index {

        @Test
        void ratingsFiveFourThreeOnALineGiveSeventyFive() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            Questionnaire q = data.open(manager, data.draft(manager, TODAY, List.of(site), ServiceLine.REPAIRS).getId());
            answerByLink(q, data.household(site).id(), 5).andExpect(status().isOk());
            answerByLink(q, data.household(site).id(), 4).andExpect(status().isOk());
            answerByLink(q, data.household(site).id(), 3).andExpect(status().isOk());

            assertThat(indexes.bySiteAndLine(q.getId(), List.of(site)))
                    .singleElement().satisfies(cell -> {
                        assertThat(cell.line()).isEqualTo(ServiceLine.REPAIRS);
                        assertThat(cell.index()).isEqualByComparingTo("75.0");
                        assertThat(cell.ratings()).isEqualTo(3);
                    });
        }

        @Test
        void theResultsCompareWithThePreviousQuestionnaireForTheSameSiteAndLine() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            Questionnaire before = data.open(manager,
                    data.draft(manager, TODAY.minusDays(20), List.of(site), ServiceLine.PARKING).getId());
            answerByLink(before, data.household(site).id(), 3).andExpect(status().isOk());
            Questionnaire now = data.open(manager, data.draft(manager, TODAY, List.of(site), ServiceLine.PARKING).getId());
            answerByLink(now, data.household(site).id(), 5).andExpect(status().isOk());

            String results = page(manager, "/surveys/{id}/results", now.getId());
            int table = results.indexOf("id=\"lines\"");
            String lines = results.substring(table, results.indexOf("</table>", table));
            assertThat(lines).contains("100.0").contains(">50.0<").contains(">50.0<").contains("27.7");
        }

        @Test
        void theResultsExportToExcel() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            Questionnaire q = data.draft(manager, TODAY, List.of(site), ServiceLine.GREENING);
            data.addQuestion(manager, q.getId(), QuestionKind.FREE_TEXT, "意见", false, null);
            data.open(manager, q.getId());
            SurveyTestData.House house = data.household(site);
            Questionnaire reloaded = data.reload(manager, q.getId());
            owner(post(link(reloaded, house.id())).param(field(reloaded, 1), "4").param(field(reloaded, 2), "草坪需要修剪"))
                    .andExpect(status().isOk());

            byte[] xlsx = as(manager, get("/surveys/{id}/results.xlsx", q.getId())).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
                var lines = workbook.getSheetAt(1);
                assertThat(lines.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Greening");
                assertThat(lines.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(75.0);
                assertThat(workbook.getSheetAt(3).getRow(1).getCell(3).getStringCellValue()).isEqualTo("草坪需要修剪");
            }
        }
    }

    @Nested
    class OneResponsePerHousehold {

        @Test
        void aSecondAnswerForTheSameHouseIsRefusedThroughTheLinkAndByStaff() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            PropertyDeskUser desk = data.frontDesk(site);
            SurveyTestData.House house = data.household(site);
            Questionnaire q = data.open(manager, data.draft(manager, TODAY, List.of(site), ServiceLine.CLEANING).getId());

            answerByLink(q, house.id(), 4).andExpect(status().isOk());
            answerByLink(q, house.id(), 1).andExpect(content().string(
                    org.hamcrest.Matchers.containsString("This household has already answered this questionnaire.")));
            answerByStaff(desk, q, house, "PHONE", 2).andExpect(status().isOk())
                    .andExpect(formError("This household has already answered this questionnaire."));

            assertThat(jdbc.sql("select count(*) from survey_response where house_id = ?").params(house.id())
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select rating from survey_answer a join survey_response r on r.id = a.response_id where r.house_id = ?")
                    .params(house.id()).query(Integer.class).list()).containsExactly(4);
        }

        @Test
        void twoAnswersSavedAtTheSameMomentAreCaughtByTheDatabaseWithTheSameMessage() {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            SurveyTestData.House house = data.household(site);
            Questionnaire q = data.open(manager, data.draft(manager, TODAY, List.of(site), ServiceLine.CLEANING).getId());
            String insert = """
                    insert into survey_response (questionnaire_id, site_id, house_id, channel, household_key, submitted_at,
                                                 created_at, created_by)
                    values (?, ?, ?, 'PAPER', ?, now(), now(), 'test')
                    """;
            jdbc.sql(insert).params(q.getId(), site, house.id(), "H" + house.id()).update();
            assertThatThrownBy(() -> jdbc.sql(insert).params(q.getId(), site, house.id(), "H" + house.id()).update())
                    .isInstanceOf(DuplicateKeyException.class);
            assertThatThrownBy(() -> Users.runAs(manager, () -> responses.save(q,
                    new SurveyResponses.Respondent(house.id(), site, house.ownerId(), "x", ResponseChannel.PAPER),
                    AnswerValues.empty())))
                    .isInstanceOf(BusinessRuleException.class).hasMessage("survey.answer.alreadyAnswered");
        }

        @Test
        void perPersonQuestionnairesTakeOneAnswerFromEachPersonOfTheHouse() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            PropertyDeskUser desk = data.frontDesk(site);
            SurveyTestData.House house = data.household(site);
            long partnerId = data.resident(house, "同住人" + SurveyTestData.unique(), null);
            Questionnaire draft = data.draft(manager, TODAY, List.of(site), ServiceLine.SECURITY);
            jdbc.sql("update questionnaire set per_person = true where id = ?").params(draft.getId()).update();
            Questionnaire q = data.open(manager, draft.getId());

            answerByStaff(desk, q, house, "PHONE", 5).andExpect(redirectedUrl("/surveys/" + q.getId()));
            as(desk, post("/surveys/{id}/answer", q.getId()).param("houseId", String.valueOf(house.id()))
                    .param("customerId", String.valueOf(partnerId)).param("channel", "PAPER").param(field(q, 1), "3"))
                    .andExpect(redirectedUrl("/surveys/" + q.getId()));
            answerByStaff(desk, q, house, "PHONE", 1).andExpect(formError("already answered"));
            assertThat(jdbc.sql("select count(*) from survey_response where questionnaire_id = ?").params(q.getId())
                    .query(Long.class).single()).isEqualTo(2);
        }
    }

    @Nested
    class SignedLinks {

        Questionnaire q;
        SurveyTestData.House house;

        @BeforeEach
        void openQuestionnaire() {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            house = data.household(site);
            q = data.open(manager, data.draft(manager, TODAY, List.of(site), ServiceLine.REPAIRS).getId());
        }

        @Test
        void theLinkWorksUntilTheEndOfTheClosingDayAndNotAfter() throws Exception {
            // It closes on 9 June: the link works until 10 June 00:00 in Shanghai.
            assertThat(links.expiryFor(q)).isEqualTo(Instant.parse("2026-06-09T16:00:00Z"));
            clock.set("2026-06-09T23:59");
            owner(get(link(q, house.id()))).andExpect(status().isOk());
            clock.set("2026-06-10T00:00");
            owner(get(link(q, house.id()))).andExpect(status().isForbidden())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("This survey link has expired.")));
            answerByLink(q, house.id(), 5).andExpect(status().isForbidden());
            assertThat(jdbc.sql("select count(*) from survey_response where questionnaire_id = ?").params(q.getId())
                    .query(Long.class).single()).isZero();
        }

        @Test
        void aChangedSignatureHouseQuestionnaireOrExpiryIsRefusedWithAClearPage() throws Exception {
            String good = link(q, house.id());
            String sig = good.substring(good.indexOf("sig=") + 4);
            String expires = good.substring(good.indexOf("expires=") + 8, good.indexOf("&"));
            SurveyTestData.House neighbour = data.household(house.siteId());
            List<String> tampered = List.of(
                    good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A"),
                    "/s/survey/" + q.getId() + "/" + neighbour.id() + "?expires=" + expires + "&sig=" + sig,
                    "/s/survey/" + (q.getId() + 1) + "/" + house.id() + "?expires=" + expires + "&sig=" + sig,
                    "/s/survey/" + q.getId() + "/" + house.id() + "?expires=" + (Long.parseLong(expires) + 86400) + "&sig=" + sig,
                    "/s/survey/" + q.getId() + "/" + house.id() + "?expires=soon&sig=" + sig,
                    "/s/survey/abc/" + house.id() + "?expires=" + expires + "&sig=" + sig,
                    "/s/survey/" + q.getId() + "/" + house.id());
            for (String url : tampered) {
                owner(get(url)).andExpect(status().isForbidden())
                        .andExpect(content().string(org.hamcrest.Matchers.containsString("This survey link is not valid.")));
                owner(post(url).param(field(q, 1), "1")).andExpect(status().isForbidden());
            }
            assertThat(jdbc.sql("select count(*) from survey_response where questionnaire_id = ?").params(q.getId())
                    .query(Long.class).single()).isZero();
        }

        @Test
        void aClosedQuestionnaireTakesNoMoreAnswers() throws Exception {
            PropertyDeskUser admin = data.person(Role.ADMIN, "管理员");
            as(admin, post("/surveys/{id}/close", q.getId())).andExpect(status().is3xxRedirection());
            owner(get(link(q, house.id()))).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("This questionnaire is not open for answers.")));
            answerByLink(q, house.id(), 5).andExpect(content().string(
                    org.hamcrest.Matchers.containsString("This questionnaire is not open for answers.")));
        }

        @Test
        void aRequiredQuestionLeftOpenIsShownAtTheQuestion() throws Exception {
            owner(post(link(q, house.id()))).andExpect(status().isOk())
                    .andExpect(errorAt(field(q, 1), "Please answer this question."));
            owner(post(link(q, house.id())).param(field(q, 1), "9")).andExpect(errorAt(field(q, 1), "Not a valid answer."));
        }
    }

    @Nested
    class ResponseRate {

        @Test
        void householdsAreHousesWithSomeoneLivingThereNow() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            SurveyTestData.House answering = data.household(site);
            for (int i = 0; i < 3; i++) {
                data.household(site);
            }
            data.emptyHouse(site);
            SurveyTestData.House left = data.emptyHouse(site);
            data.resident(left, "已搬离", LocalDate.parse("2026-01-31"));
            Questionnaire q = data.open(manager, data.draft(manager, TODAY, List.of(site), ServiceLine.ACTIVITIES).getId());
            answerByLink(q, answering.id(), 4).andExpect(status().isOk());

            SurveyResults.SiteResult result = Users.callAs(manager, () -> resultsOf(q)).sites().get(0);
            assertThat(result.households()).isEqualTo(4);
            assertThat(result.responses()).isEqualTo(1);
            assertThat(result.rate()).isEqualByComparingTo("25.0");
            assertThat(result.index()).isEqualByComparingTo("75.0");
        }

        @Autowired
        SurveyResults results;

        SurveyResults.Results resultsOf(Questionnaire q) {
            return results.results(q);
        }
    }

    @Nested
    class ImprovementTasks {

        @Test
        void aLowIndexOnALineRaisesATaskForTheSiteManagersWhenTheQuestionnaireCloses() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            PropertyDeskUser otherManager = data.manager(data.site());
            Questionnaire q = data.open(manager,
                    data.draft(manager, TODAY, List.of(site), ServiceLine.CLEANING, ServiceLine.REPAIRS).getId());
            answerByLink(q, data.household(site).id(), 2, 5).andExpect(status().isOk());
            answerByLink(q, data.household(site).id(), 3, 4).andExpect(status().isOk());

            as(manager, post("/surveys/{id}/close", q.getId())).andExpect(redirectedUrl("/surveys/" + q.getId() + "/results"));

            List<Map<String, Object>> tasks = jdbc.sql("""
                    select service_line, index_value, status from improvement_task where questionnaire_id = ?
                    """).params(q.getId()).query().listOfRows();
            assertThat(tasks).hasSize(1);
            assertThat(tasks.get(0).get("service_line")).isEqualTo("CLEANING");
            assertThat(tasks.get(0).get("index_value").toString()).isEqualTo("37.5");
            assertThat(tasks.get(0).get("status")).isEqualTo("OPEN");
            assertThat(jdbc.sql("select count(*) from notification where recipient = ? and kind = 'IMPROVEMENT'")
                    .params(manager.getUsername()).query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from notification where recipient = ?")
                    .params(otherManager.getUsername()).query(Long.class).single()).isZero();

            long taskId = jdbc.sql("select id from improvement_task where questionnaire_id = ?").params(q.getId())
                    .query(Long.class).single();
            assertThat(page(manager, "/surveys/improvements")).contains("Cleaning").contains("37.5");
            assertThat(page(otherManager, "/surveys/improvements")).doesNotContain("note-" + taskId + "\"");

            as(manager, post("/surveys/improvements/{id}/done", taskId).param("note", " "))
                    .andExpect(status().isOk()).andExpect(errorAtId("note-" + taskId, "Say what was done."));
            as(otherManager, post("/surveys/improvements/{id}/done", taskId).param("note", "x"))
                    .andExpect(status().isNotFound());
            as(manager, post("/surveys/improvements/{id}/done", taskId).param("note", "增加保洁员一名"))
                    .andExpect(redirectedUrl("/surveys/improvements"));
            assertThat(jdbc.sql("select status || ':' || note from improvement_task where id = ?").params(taskId)
                    .query(String.class).single()).isEqualTo("DONE:增加保洁员一名");
            assertThat(page(manager, "/surveys/improvements?status=DONE")).contains("增加保洁员一名");
        }

        @Test
        void questionnairesOpenOnTheirOpeningDayAndCloseAfterTheirClosingDay() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            Questionnaire q = data.draft(manager, TODAY.plusDays(1), List.of(site), ServiceLine.PARKING);
            jobs.run();
            assertThat(data.reload(manager, q.getId()).getStatus()).isEqualTo(QuestionnaireStatus.DRAFT);

            clock.set("2026-05-11T00:10");
            jobs.run();
            Questionnaire opened = data.reload(manager, q.getId());
            assertThat(opened.getStatus()).isEqualTo(QuestionnaireStatus.OPEN);
            answerByLink(opened, data.household(site).id(), 1).andExpect(status().isOk());

            clock.set("2026-06-11T00:10"); // the day after the closing day (10 June)
            jobs.run();
            assertThat(data.reload(manager, q.getId()).getStatus()).isEqualTo(QuestionnaireStatus.CLOSED);
            assertThat(jdbc.sql("select service_line || ':' || index_value from improvement_task where questionnaire_id = ?")
                    .params(q.getId()).query(String.class).list()).containsExactly("PARKING:0.0");
        }
    }

    @Nested
    class Access {

        @Test
        void techniciansAndDispatchersAreRefused() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            Questionnaire q = data.draft(manager, TODAY, List.of(site), ServiceLine.REPAIRS);
            for (Role role : List.of(Role.TECHNICIAN, Role.DISPATCHER)) {
                PropertyDeskUser who = data.person(role, "员工", site);
                as(who, get("/surveys")).andExpect(status().isForbidden());
                as(who, get("/surveys/{id}", q.getId())).andExpect(status().isForbidden());
                as(who, get("/surveys/{id}/results", q.getId())).andExpect(status().isForbidden());
                as(who, get("/surveys/improvements")).andExpect(status().isForbidden());
            }
        }

        @Test
        void theFrontDeskEntersAnswersButNeitherBuildsNorSeesResults() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            PropertyDeskUser desk = data.frontDesk(site);
            Questionnaire q = data.open(manager, data.draft(manager, TODAY, List.of(site), ServiceLine.REPAIRS).getId());
            SurveyTestData.House house = data.household(site);

            assertThat(page(desk, "/surveys")).contains(q.getTitle());
            as(desk, get("/surveys/{id}/answer", q.getId()).param("houseId", String.valueOf(house.id()))).andExpect(status().isOk());
            as(desk, get("/surveys/new")).andExpect(status().isForbidden());
            as(desk, post("/surveys/copy-last")).andExpect(status().isForbidden());
            as(desk, post("/surveys/{id}/close", q.getId())).andExpect(status().isForbidden());
            as(desk, get("/surveys/{id}/results", q.getId())).andExpect(status().isForbidden());
            as(desk, get("/surveys/{id}/results.xlsx", q.getId())).andExpect(status().isForbidden());
        }

        @Test
        void anotherSitesQuestionnaireOrHouseIsNotFound() throws Exception {
            long site = data.site();
            long other = data.site();
            PropertyDeskUser manager = data.manager(site);
            Questionnaire q = data.open(manager, data.draft(manager, TODAY, List.of(site), ServiceLine.REPAIRS).getId());
            PropertyDeskUser otherManager = data.manager(other);
            PropertyDeskUser otherDesk = data.frontDesk(other);
            SurveyTestData.House house = data.household(site);
            SurveyTestData.House outside = data.household(other);

            as(otherManager, get("/surveys/{id}", q.getId())).andExpect(status().isNotFound());
            as(otherManager, get("/surveys/{id}/results", q.getId())).andExpect(status().isNotFound());
            assertThat(page(otherManager, "/surveys")).doesNotContain(q.getTitle());
            as(otherDesk, get("/surveys/{id}/answer", q.getId()).param("houseId", String.valueOf(house.id())))
                    .andExpect(status().isNotFound());
            // A house outside the questionnaire's sites cannot be answered for, even by someone serving both.
            PropertyDeskUser both = data.frontDesk(site, other);
            as(both, get("/surveys/{id}/answer", q.getId()).param("houseId", String.valueOf(outside.id())))
                    .andExpect(status().isNotFound());
            assertThat(page(both, "/surveys/{id}?house={code}", q.getId(), outside.code()))
                    .contains("No household of this questionnaire's sites found.");
        }
    }

    @Nested
    class Building {

        @Test
        void aManagerBuildsAQuestionnaireWithOrderedQuestionsAndOpensIt() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            String location = as(manager, post("/surveys").param("title", "2026 年满意度调查")
                    .param("opensOn", "2026-05-10").param("closesOn", "2026-05-31").param("siteIds", String.valueOf(site)))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            long id = Long.parseLong(location.substring("/surveys/".length()));

            as(manager, post("/surveys/{id}/questions", id).param("kind", "RATING").param("serviceLine", "REPAIRS")
                    .param("text", "维修服务").param("required", "true")).andExpect(redirectedUrl("/surveys/" + id));
            as(manager, post("/surveys/{id}/questions", id).param("kind", "MULTIPLE_CHOICE")
                    .param("text", "您希望改进哪些方面？").param("options", "保洁\n绿化\r\n停车\n")).andExpect(redirectedUrl("/surveys/" + id));
            as(manager, post("/surveys/{id}/questions", id).param("kind", "FREE_TEXT").param("text", "其他意见"))
                    .andExpect(redirectedUrl("/surveys/" + id));
            Questionnaire q = data.reload(manager, id);
            long last = q.getQuestions().get(2).getId();
            as(manager, post("/surveys/{id}/questions/{qid}/move", id, last).param("by", "-1"));
            q = data.reload(manager, id);
            assertThat(q.getQuestions()).extracting(SurveyQuestion::getText).containsExactly("维修服务", "其他意见", "您希望改进哪些方面？");
            assertThat(q.getQuestions().get(2).getOptionList()).containsExactly("保洁", "绿化", "停车");
            assertThat(q.isPerPerson()).isFalse();

            as(manager, post("/surveys/{id}/open", id)).andExpect(redirectedUrl("/surveys/" + id));
            assertThat(data.reload(manager, id).getStatus()).isEqualTo(QuestionnaireStatus.OPEN);
            // Edit only while draft.
            as(manager, post("/surveys/{id}/questions", id).param("kind", "FREE_TEXT").param("text", "再加一题"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(result -> assertThat(((Flash.FlashMessage) result.getFlashMap().get("flashError")).key())
                            .isEqualTo("survey.error.notDraft"));
            assertThat(data.reload(manager, id).getQuestions()).hasSize(3);
        }

        @Test
        void copyFromTheLastOneMakesADraftWithTheSameQuestions() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            Questionnaire last = data.open(manager,
                    data.draft(manager, TODAY.minusDays(5), List.of(site), ServiceLine.CLEANING, ServiceLine.GREENING).getId());
            String location = as(manager, post("/surveys/copy-last")).andExpect(status().is3xxRedirection())
                    .andReturn().getResponse().getRedirectedUrl();
            Questionnaire copy = data.reload(manager, Long.parseLong(location.substring("/surveys/".length())));
            assertThat(copy.getId()).isNotEqualTo(last.getId());
            assertThat(copy.getStatus()).isEqualTo(QuestionnaireStatus.DRAFT);
            assertThat(copy.getTitle()).isEqualTo(last.getTitle());
            assertThat(copy.getSiteIds()).containsExactly(site);
            assertThat(copy.getOpensOn()).isEqualTo(TODAY);
            assertThat(copy.getClosesOn()).isEqualTo(TODAY.plusDays(30));
            assertThat(copy.getQuestions()).extracting(SurveyQuestion::getServiceLine)
                    .containsExactly(ServiceLine.CLEANING, ServiceLine.GREENING);
        }
    }

    @Nested
    class Validation {

        @Test
        void theQuestionnaireFormShowsEachMessageAtItsField() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            as(manager, post("/surveys").param("title", " ").param("opensOn", "2026-05-10").param("closesOn", "2026-05-31"))
                    .andExpect(status().isOk())
                    .andExpect(errorAt("title", "Required."));
            as(manager, post("/surveys").param("title", "调查").param("opensOn", "2026-05-10").param("closesOn", "2026-05-31"))
                    .andExpect(status().isOk())
                    .andExpect(errorAtGroup("siteIds", "Choose at least one."));
            as(manager, post("/surveys").param("title", "调查").param("opensOn", "2026-05-10").param("closesOn", "2026-05-01")
                    .param("siteIds", String.valueOf(site)))
                    .andExpect(status().isOk()).andExpect(errorAt("closesOn", "The closing day cannot be before the opening day."));
            as(manager, post("/surveys").param("title", "调查").param("opensOn", "soon").param("closesOn", "2026-05-01")
                    .param("siteIds", String.valueOf(site)))
                    .andExpect(status().isOk()).andExpect(errorAt("opensOn", "Enter a date as yyyy-mm-dd."));
            long notMine = data.site();
            as(manager, post("/surveys").param("title", "调查").param("opensOn", "2026-05-10").param("closesOn", "2026-05-31")
                    .param("siteIds", String.valueOf(notMine)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("You can only choose sites you serve.")));
        }

        @Test
        void theQuestionFormShowsEachMessageAtItsField() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            Questionnaire q = data.draft(manager, TODAY, List.of(site));
            as(manager, post("/surveys/{id}/questions", q.getId()).param("kind", "RATING").param("text", "维修"))
                    .andExpect(status().isOk())
                    .andExpect(errorAt("serviceLine", "Choose the service line this rating measures."));
            as(manager, post("/surveys/{id}/questions", q.getId()).param("kind", "SINGLE_CHOICE").param("text", "选一个")
                    .param("options", "只有一个"))
                    .andExpect(status().isOk()).andExpect(errorAt("options", "Enter at least two options, one per line."));
            as(manager, post("/surveys/{id}/questions", q.getId()).param("kind", "FREE_TEXT").param("text", ""))
                    .andExpect(status().isOk()).andExpect(errorAt("text", "Required."));
            as(manager, post("/surveys/{id}/open", q.getId())).andExpect(status().is3xxRedirection())
                    .andExpect(result -> assertThat(((Flash.FlashMessage) result.getFlashMap().get("flashError")).key())
                            .isEqualTo("survey.error.noQuestions"));
        }

        @Test
        void theStaffAnswerFormShowsEachMessageAtItsField() throws Exception {
            long site = data.site();
            PropertyDeskUser manager = data.manager(site);
            PropertyDeskUser desk = data.frontDesk(site);
            Questionnaire draft = data.draft(manager, TODAY, List.of(site), ServiceLine.SECURITY);
            data.addQuestion(manager, draft.getId(), QuestionKind.SINGLE_CHOICE, "您多久回家一次？", true, "每天\n每周");
            Questionnaire q = data.open(manager, draft.getId());
            SurveyTestData.House house = data.household(site);

            as(desk, post("/surveys/{id}/answer", q.getId()).param("houseId", String.valueOf(house.id()))
                    .param(field(q, 2), "7"))
                    .andExpect(status().isOk())
                    .andExpect(errorAt("customerId", "Choose who answered."))
                    .andExpect(errorAt("channel", "Choose paper or phone."))
                    .andExpect(errorAt(field(q, 1), "Please answer this question."))
                    .andExpect(errorAt(field(q, 2), "Not a valid answer."));
            assertThat(jdbc.sql("select count(*) from survey_response where questionnaire_id = ?").params(q.getId())
                    .query(Long.class).single()).isZero();
        }
    }
}
