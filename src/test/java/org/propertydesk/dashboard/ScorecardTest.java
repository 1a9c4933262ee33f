package org.propertydesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.dashboard.ReportWorkbook.number;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.requests.Channel;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.Html;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The staff scorecard of February 2026 at one site, on a hand-built month; the clock stands on 10 March. A front-desk
 * person took five requests in February (two inquiries, one of them answered at intake, a cancelled inquiry, a repair
 * and a complaint), is the handler of a portal report, did three callbacks due in February (two on time; one of them
 * for a request taken in January) and had three ratings in it (5, 2 and 4 stars). A technician completed two jobs in
 * February: one on time, one late and sent back on reopening; only the first was rated. Work outside the month or
 * the site, unfinished callbacks and cancelled jobs count for nobody. A second front-desk person and a second
 * technician of the site had a quiet month.
 */
@ClockedIntegrationTest
class ScorecardTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

    @Autowired
    DashboardTestData data;

    @Autowired
    ScorecardTestData people;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    ScorecardQueries scorecards;

    @Autowired
    DashboardQueries dashboards;

    DashboardTestData.Site site;
    DashboardTestData.Site otherSite;
    PropertyDeskUser manager;
    ScorecardTestData.Staff desk;
    ScorecardTestData.Staff quietDesk;
    DashboardTestData.Technician technician;
    DashboardTestData.Technician quietTechnician;
    DashboardTestData.Request answeredAtIntake;
    DashboardTestData.Request laterInquiry;
    DashboardTestData.Request cancelledInquiry;
    DashboardTestData.Request repair;
    DashboardTestData.Request complaint;
    DashboardTestData.Request portalReport;
    DashboardTestData.Request januaryRepair;
    DashboardTestData.Request reopenedRepair;

    @BeforeEach
    void februaryAtASite() {
        clock.set("2026-03-10T10:00");
        site = data.site();
        otherSite = data.site();
        manager = Users.manager(site.id());
        desk = people.staff(site, "FRONT_DESK", "前台王");
        quietDesk = people.staff(site, "FRONT_DESK", "前台李");
        technician = data.technician(site, "孙师傅");
        quietTechnician = data.technician(site, "赵师傅");

        answeredAtIntake = data.inquiry(site).received("2026-02-03 09:00").resolvedAtIntake().save();
        people.takenBy(answeredAtIntake, desk);
        data.callback(answeredAtIntake).due("2026-02-04 10:00").save();
        people.calledBackBy(answeredAtIntake, 1, desk);

        laterInquiry = data.inquiry(site).received("2026-02-05 09:00").acknowledged("09:10").resolved("11:00").save();
        people.takenBy(laterInquiry, desk);
        data.callback(laterInquiry).due("2026-02-06 10:00").unreachable("2026-02-06 09:00").save();
        people.calledBackBy(laterInquiry, 1, desk);

        cancelledInquiry = data.inquiry(site).received("2026-02-06 09:00").cancelled("09:30").save();
        people.takenBy(cancelledInquiry, desk);

        repair = data.repair(site).received("2026-02-10 09:00").acknowledged("09:05").arrived("10:30").resolved("12:00").save();
        people.takenBy(repair, desk);
        data.callback(repair).due("2026-02-12 10:00").done("2026-02-12 09:00", "SATISFIED").save();
        people.calledBackBy(repair, 1, desk);
        data.rating(repair, 5, "2026-02-13 10:00");
        data.job(repair, technician).dueArrival("2026-02-10 11:00").arrived("2026-02-10 10:30")
                .completed("2026-02-10 12:00").save();

        complaint = data.complaint(site).received("2026-02-20 09:00").acknowledged("09:30").resolved("2026-02-21 09:00").save();
        people.takenBy(complaint, desk);
        data.callback(complaint).due("2026-02-22 10:00").done("2026-02-23 09:00", "NEUTRAL").save();
        people.calledBackBy(complaint, 1, desk);
        data.rating(complaint, 2, "2026-02-24 10:00");
        data.job(complaint, technician).cancelled("2026-02-21 10:00").save();

        portalReport = data.repair(site).channel(Channel.PORTAL).received("2026-02-11 09:00").acknowledged("09:20")
                .resolved("15:00").save();
        people.handledBy(portalReport, desk);
        data.rating(portalReport, 4, "2026-02-15 10:00");

        januaryRepair = data.repair(site).received("2026-01-31 23:59").acknowledged("2026-02-01 00:10")
                .resolved("2026-02-01 08:00").save();
        people.takenBy(januaryRepair, desk);
        data.callback(januaryRepair).due("2026-02-01 10:00").done("2026-02-01 09:00", "SATISFIED").save();
        people.calledBackBy(januaryRepair, 1, desk);
        data.rating(januaryRepair, 3, "2026-03-01 10:00");

        reopenedRepair = data.repair(site).received("2026-02-14 09:00").acknowledged("09:05").arrived("12:00")
                .resolved("15:00").save();
        data.job(reopenedRepair, technician).dueArrival("2026-02-14 11:00").arrived("2026-02-14 12:00")
                .completed("2026-02-14 15:00").sentBack(1).save();

        DashboardTestData.Request finishedInMarch = data.repair(site).received("2026-02-25 09:00").acknowledged("09:05")
                .arrived("2026-03-02 08:00").resolved("2026-03-02 09:00").save();
        data.job(finishedInMarch, technician).dueArrival("2026-03-02 09:00").arrived("2026-03-02 08:00")
                .completed("2026-03-02 09:00").save();
        DashboardTestData.Request march = data.inquiry(site).received("2026-03-02 09:00").resolvedAtIntake().save();
        people.takenBy(march, desk);
        data.callback(march).due("2026-03-03 10:00").done("2026-03-03 09:00", "SATISFIED").save();
        people.calledBackBy(march, 1, desk);
        DashboardTestData.Request elsewhere = data.inquiry(otherSite).received("2026-02-27 09:00").resolvedAtIntake().save();
        people.takenBy(elsewhere, desk);
    }

    @Test
    void aFrontDeskPersonsFiguresCountWhatTheirDefinitionsSay() {
        Scorecard.Desk figures = desk(scorecards.scorecard(february()), desk.id());

        assertThat(figures.name()).isEqualTo(desk.name());
        assertThat(figures.taken().value()).isEqualTo(5);
        assertThat(figures.firstContactResolution().count().value()).isEqualTo(1);
        assertThat(figures.firstContactResolution().of().value()).isEqualTo(2);
        assertThat(figures.firstContactResolution().percent()).isEqualByComparingTo("50.0");
        assertThat(figures.callbacksOnTime().count().value()).isEqualTo(2);
        assertThat(figures.callbacksOnTime().of().value()).isEqualTo(3);
        assertThat(figures.callbacksOnTime().percent()).isEqualByComparingTo("66.7");
        assertThat(figures.rated().value()).isEqualTo(3);
        assertThat(figures.averageStars()).isEqualByComparingTo("3.67");
        assertThat(figures.ratedLow().value()).isEqualTo(1);
    }

    @Test
    void aTechniciansFiguresAreTheDashboardsWithTheRatingsCounted() {
        Selection february = february();
        Scorecard.Technician figures = technician(scorecards.scorecard(february), technician.staffId());
        Dashboard.TechnicianFigures onDashboard = dashboards.technicians(february).stream()
                .filter(t -> t.staffId() == technician.staffId()).findFirst().orElseThrow();

        assertThat(figures.jobs().value()).isEqualTo(2).isEqualTo(onDashboard.jobs().value());
        assertThat(figures.arrivedOnTime().count().value()).isEqualTo(1);
        assertThat(figures.arrivedOnTime().of().value()).isEqualTo(2);
        assertThat(figures.arrivedOnTime()).isEqualTo(onDashboard.arrivedOnTime());
        assertThat(figures.late().value()).isEqualTo(1);
        assertThat(figures.reopened().count().value()).isEqualTo(1);
        assertThat(figures.reopened().percent()).isEqualByComparingTo("50.0");
        assertThat(figures.reopened()).isEqualTo(onDashboard.reopened());
        assertThat(figures.rated().value()).isEqualTo(1).isEqualTo(onDashboard.ratings());
        assertThat(figures.averageStars()).isEqualByComparingTo("5.00").isEqualByComparingTo(onDashboard.averageStars());
    }

    @Test
    void staffOfTheSiteWithAQuietMonthAppearWithZerosAndNoShares() {
        Scorecard scorecard = scorecards.scorecard(february());
        Scorecard.Desk quiet = desk(scorecard, quietDesk.id());
        Scorecard.Technician idle = technician(scorecard, quietTechnician.staffId());

        assertThat(quiet.taken().value()).isZero();
        assertThat(quiet.firstContactResolution().percent()).isNull();
        assertThat(quiet.callbacksOnTime().percent()).isNull();
        assertThat(quiet.averageStars()).isNull();
        assertThat(idle.jobs().value()).isZero();
        assertThat(idle.arrivedOnTime().percent()).isNull();
        assertThat(idle.reopened().percent()).isNull();
        assertThat(scorecard.frontDesk()).extracting(Scorecard.Desk::staffId)
                .doesNotContain(technician.staffId(), quietTechnician.staffId());
        assertThat(scorecard.technicians()).extracting(Scorecard.Technician::staffId)
                .doesNotContain(desk.id(), quietDesk.id());
    }

    @Test
    void eachFrontDeskFigureLinksToTheListOfExactlyTheRequestsItCounts() throws Exception {
        String row = element(page(get("/dashboard/scorecard").param("sites", id(site)).param("month", "2026-02")),
                "desk-" + desk.id());

        assertThat(listed(linkTo(row, "DESK_TAKEN"), "staffId=" + desk.id())).containsExactly(complaint.number(),
                repair.number(), cancelledInquiry.number(), laterInquiry.number(), answeredAtIntake.number());
        assertThat(listed(linkTo(row, "DESK_FIRST_CONTACT_RESOLVED"), "staffId=" + desk.id()))
                .containsExactly(answeredAtIntake.number());
        assertThat(listed(linkTo(row, "DESK_INQUIRIES"), "staffId=" + desk.id()))
                .containsExactly(laterInquiry.number(), answeredAtIntake.number());
        assertThat(listed(linkTo(row, "DESK_CALLBACKS_ON_TIME"), "staffId=" + desk.id()))
                .containsExactly(repair.number(), januaryRepair.number());
        assertThat(listed(linkTo(row, "DESK_CALLBACKS_DONE"), "staffId=" + desk.id()))
                .containsExactly(complaint.number(), repair.number(), januaryRepair.number());
        assertThat(listed(linkTo(row, "DESK_RATED"), "staffId=" + desk.id()))
                .containsExactly(complaint.number(), portalReport.number(), repair.number());
        assertThat(listed(linkTo(row, "DESK_RATED_LOW"), "staffId=" + desk.id())).containsExactly(complaint.number());
    }

    @Test
    void theListBehindAFrontDeskFigureNamesThePerson() throws Exception {
        String row = element(page(get("/dashboard/scorecard").param("sites", id(site)).param("month", "2026-02")),
                "desk-" + desk.id());

        assertThat(element(page(get(linkTo(row, "DESK_TAKEN"))), "drill-slice"))
                .contains("Staff member", desk.name()).doesNotContain("Technician");
    }

    @Test
    void eachTechnicianFigureLinksToTheListOfExactlyTheRequestsItCounts() throws Exception {
        String row = element(page(get("/dashboard/scorecard").param("sites", id(site)).param("month", "2026-02")),
                "technician-" + technician.staffId());

        assertThat(listed(linkTo(row, "TECHNICIAN_JOBS"), "staffId=" + technician.staffId()))
                .containsExactly(reopenedRepair.number(), repair.number());
        assertThat(listed(linkTo(row, "TECHNICIAN_ARRIVED_ON_TIME"), "month=2026-02")).containsExactly(repair.number());
        assertThat(listed(linkTo(row, "TECHNICIAN_ARRIVAL_TIMED"), "month=2026-02"))
                .containsExactly(reopenedRepair.number(), repair.number());
        assertThat(listed(linkTo(row, "TECHNICIAN_ARRIVED_LATE"), "month=2026-02")).containsExactly(reopenedRepair.number());
        assertThat(listed(linkTo(row, "TECHNICIAN_REOPENED"), "month=2026-02")).containsExactly(reopenedRepair.number());
        assertThat(listed(linkTo(row, "TECHNICIAN_RATED"), "month=2026-02")).containsExactly(repair.number());
    }

    @Test
    void everyCountOnThePageIsTheLengthOfItsList() throws Exception {
        String html = page(get("/dashboard/scorecard").param("sites", id(site)).param("month", "2026-02"));
        Matcher counts = Pattern.compile("<a class=\"dash-count\" href=\"([^\"]*)\">(\\d+)</a>")
                .matcher(element(html, "desk-" + desk.id()) + element(html, "desk-" + quietDesk.id())
                        + element(html, "technician-" + technician.staffId())
                        + element(html, "technician-" + quietTechnician.staffId()));
        int checked = 0;
        while (counts.find()) {
            assertThat(listed(Html.unescape(counts.group(1)), "drill=")).as(counts.group(1))
                    .hasSize(Integer.parseInt(counts.group(2)));
            checked++;
        }
        // Seven links a person: every count, and both parts of every share.
        assertThat(checked).isEqualTo(4 * 7);
    }

    @Test
    void withoutAMonthThePageShowsLastMonthWithTheDefinitionsInChineseByDefault() throws Exception {
        String html = mvc.perform(get("/dashboard/scorecard").param("sites", id(site)).with(Users.as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("员工考核表", "一次解决率：", "返修率：", "value=\"2026-02\"")
                .contains("href=\"/dashboard/scorecard/export?sites=" + site.id() + "&amp;month=2026-02\"");
        assertThat(element(html, "desk-" + desk.id())).contains(desk.name(), "50.0%", "66.7%", "3.67");
    }

    @Test
    void theWorkbookHoldsThePagesFiguresAndDefinitions() throws Exception {
        var result = mvc.perform(get("/dashboard/scorecard/export").param("sites", id(site)).param("month", "2026-02")
                .cookie(ENGLISH).with(Users.as(manager))).andExpect(status().isOk()).andReturn();
        ReportWorkbook workbook = new ReportWorkbook(result.getResponse().getContentAsByteArray());

        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("scorecard-2026-02.xlsx");
        assertThat(workbook.sheetNames()).containsExactly("Front desk", "Technicians", "What each figure counts");
        assertThat(workbook.rowStartingWith("Front desk", "Sites")).containsExactly("Sites", site.code() + " 看板苑" + site.code());
        assertThat(workbook.rowStartingWith("Front desk", "Month")).containsExactly("Month", "2026-02");
        assertThat(workbook.rowStartingWith("Front desk", "Staff member")).containsExactly("Staff member", "Requests taken",
                "Inquiries taken", "Resolved at intake", "%", "Callbacks done", "Callbacks done on time", "%", "Ratings",
                "Average stars", "Rated 1 or 2 stars");
        assertThat(workbook.rowStartingWith("Front desk", desk.name())).containsExactly(desk.name(), number(5), number(2),
                number(1), number(50), number(3), number(2), number(new BigDecimal("66.7")), number(3),
                number(new BigDecimal("3.67")), number(1));
        assertThat(workbook.rowStartingWith("Front desk", quietDesk.name())).containsExactly(quietDesk.name(), number(0),
                number(0), number(0), null, number(0), number(0), null, number(0), null, number(0));
        assertThat(workbook.rowStartingWith("Technicians", technician.name())).containsExactly(technician.name(),
                number(2), number(2), number(1), number(50), number(1), number(1), number(50), number(1), number(5));
        assertThat(workbook.rows("What each figure counts")).hasSize(Scorecard.DEFINITIONS.size())
                .anySatisfy(line -> assertThat((String) line.get(0)).startsWith("Reopen rate: jobs sent back"));
    }

    @Test
    void aMonthThatIsNotOneOrHasNotBegunIsRefusedAtTheField() throws Exception {
        mvc.perform(get("/dashboard/scorecard").param("month", "2026-13").cookie(ENGLISH).with(Users.as(manager)))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("month", "Enter the month as year and month, e.g. 2026-03."));
        mvc.perform(get("/dashboard/scorecard").param("month", "2026-04").cookie(ENGLISH).with(Users.as(manager)))
                .andExpect(status().isOk())
                .andExpect(Html.errorAt("month", "That month has not begun yet: choose this month or an earlier one."));
        String refusal = mvc.perform(get("/dashboard/scorecard/export").param("month", "March").cookie(ENGLISH)
                        .with(Users.as(manager)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refusal).isEqualTo("Enter the month as year and month, e.g. 2026-03.");
    }

    @Test
    void aSiteTheManagerDoesNotServeIsNotFound() throws Exception {
        PropertyDeskUser otherManager = Users.manager(otherSite.id());

        mvc.perform(get("/dashboard/scorecard").param("sites", id(site)).with(Users.as(otherManager)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/scorecard/export").param("sites", id(site)).with(Users.as(otherManager)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theFiguresOfAnotherSiteLeaveOutThisSitesStaffAndWork() {
        Selection otherSiteOnly = new Selection(List.of(otherSite.id()), february().period(), clock.instant(),
                MutableClock.SHANGHAI);
        Scorecard elsewhere = scorecards.scorecard(otherSiteOnly);

        assertThat(desk(elsewhere, desk.id()).taken().value()).isEqualTo(1);
        assertThat(elsewhere.frontDesk()).extracting(Scorecard.Desk::staffId).doesNotContain(quietDesk.id());
        assertThat(elsewhere.technicians()).extracting(Scorecard.Technician::staffId)
                .doesNotContain(technician.staffId(), quietTechnician.staffId());
    }

    @Test
    void onlyManagersAndAdministratorsReadScorecards() throws Exception {
        for (Role role : List.of(Role.FRONT_DESK, Role.DISPATCHER, Role.TECHNICIAN)) {
            PropertyDeskUser user = Users.withRole(role, site.id());
            mvc.perform(get("/dashboard/scorecard").with(Users.as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/dashboard/scorecard/export").with(Users.as(user))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/dashboard/scorecard").param("sites", id(site)).with(Users.as(Users.admin())))
                .andExpect(status().isOk());
    }

    private Selection february() {
        return new Selection(List.of(site.id()), Period.of(Period.Preset.MONTH, FEBRUARY, null, null,
                clock.instant().atZone(MutableClock.SHANGHAI).toLocalDate(), MutableClock.SHANGHAI), clock.instant(),
                MutableClock.SHANGHAI);
    }

    private static Scorecard.Desk desk(Scorecard scorecard, long staffId) {
        return scorecard.frontDesk().stream().filter(d -> d.staffId() == staffId).findFirst()
                .orElseThrow(() -> new AssertionError("No front-desk row for " + staffId));
    }

    private static Scorecard.Technician technician(Scorecard scorecard, long staffId) {
        return scorecard.technicians().stream().filter(t -> t.staffId() == staffId).findFirst()
                .orElseThrow(() -> new AssertionError("No technician row for " + staffId));
    }

    private static String id(DashboardTestData.Site site) {
        return String.valueOf(site.id());
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.cookie(ENGLISH).with(Users.as(manager))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The request numbers on the list behind a link, which must carry {@code expected} in its address. */
    private List<String> listed(String href, String expected) throws Exception {
        assertThat(href).contains(expected, "period=MONTH", "month=2026-02", "sites=" + site.id());
        Matcher numbers = Pattern.compile("<a href=\"/requests/\\d+\">([^<]+)</a>")
                .matcher(element(page(get(href)), "drill-rows"));
        List<String> found = new ArrayList<>();
        while (numbers.find()) {
            found.add(numbers.group(1));
        }
        return found;
    }

    /** The row's link to the list of this drill. */
    private static String linkTo(String html, String drill) {
        Matcher anchors = Pattern.compile("href=\"([^\"]*drill=" + drill + "&amp;[^\"]*)\"").matcher(html);
        assertThat(anchors.find()).as("a link to %s", drill).isTrue();
        return Html.unescape(anchors.group(1));
    }

    private static String element(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("element #%s on the page", id).isNotNegative();
        int start = html.lastIndexOf('<', at);
        String tag = html.substring(start + 1, html.indexOf(' ', start)).trim();
        int depth = 0;
        Matcher tags = Pattern.compile("<(/?)" + tag + "\\b[^>]*>").matcher(html);
        tags.region(start, html.length());
        while (tags.find()) {
            depth += tags.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                return html.substring(start, tags.end());
            }
        }
        return html.substring(start);
    }
}
