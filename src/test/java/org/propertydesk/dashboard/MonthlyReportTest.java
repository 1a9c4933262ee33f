package org.propertydesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.dashboard.ReportWorkbook.at;
import static org.propertydesk.dashboard.ReportWorkbook.number;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The monthly report of one site, in English. The clock stands on 10 March 2026, so "last month" is February: four
 * requests received in it (two breached), one each just before and after it, and one at another site; two callbacks
 * due in it and one no longer needed.
 */
@ClockedIntegrationTest
class MonthlyReportTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

    @Autowired
    ExportTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    DashboardQueries queries;

    @Autowired
    DrillDown drillDown;

    ExportTestData.Site site;
    ExportTestData.Site otherSite;
    PropertyDeskUser manager;
    long house;
    ExportTestData.Saved onTimeRepair;
    ExportTestData.Saved lateRepair;
    ExportTestData.Saved openComplaint;
    ExportTestData.Saved inquiry;
    ExportTestData.Saved inMarch;

    @BeforeEach
    void februaryAtASite() {
        clock.set("2026-03-10T10:00");
        site = data.site();
        otherSite = data.site();
        manager = Users.manager(site.id());
        house = data.house(site.id());
        onTimeRepair = data.request(site.id(), RequestKind.REPAIR, "2026-02-03T09:00").house(house).status("RESOLVED")
                .owner("王前台").acknowledged("2026-02-03T09:10").arrived("2026-02-03T11:00")
                .resolved("2026-02-03T15:00").save();
        lateRepair = data.request(site.id(), RequestKind.REPAIR, "2026-02-10T09:00").house(house).status("RESOLVED")
                .acknowledged("2026-02-10T10:00").arrived("2026-02-10T12:00").resolved("2026-02-11T09:00").save();
        openComplaint = data.request(site.id(), RequestKind.COMPLAINT, "2026-02-20T09:00").status("ACKNOWLEDGED")
                .acknowledged("2026-02-20T09:05").save();
        inquiry = data.request(site.id(), RequestKind.INQUIRY, "2026-02-25T09:00").status("RESOLVED")
                .acknowledged("2026-02-25T09:01").resolved("2026-02-25T09:01").save();
        data.request(site.id(), RequestKind.INQUIRY, "2026-01-31T23:59").status("RESOLVED")
                .acknowledged("2026-02-01T00:05").resolved("2026-02-01T00:10").save();
        inMarch = data.request(site.id(), RequestKind.REPAIR, "2026-03-01T00:00").save();
        data.request(otherSite.id(), RequestKind.REPAIR, "2026-02-15T09:00").save();

        data.callback(onTimeRepair, site.id(), "DONE", "2026-02-04T10:00", "2026-02-04T09:30", "回访员甲", true,
                "SATISFIED", "=修得很好");
        data.callback(lateRepair, site.id(), "DUE", "2026-02-12T10:00", null, null, null, null, null);
        data.callback(inquiry, site.id(), "CANCELLED", "2026-02-26T10:00", null, null, null, null, null);
        data.callback(inMarch, site.id(), "DUE", "2026-03-02T10:00", null, null, null, null, null);
        data.rating(onTimeRepair, site.id(), 5, "2026-02-04T09:30");
    }

    @Test
    void lastMonthsReportIsAnXlsxNamedForTheSiteAndMonthWithTheFiveSheets() throws Exception {
        MvcResult result = download(manager, "sites", String.valueOf(site.id()));

        assertThat(result.getResponse().getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .contains("attachment", "report-" + site.code() + "-2026-02.xlsx", "filename*=UTF-8''");
        assertThat(workbook(result).sheetNames())
                .containsExactly("KPIs", "Requests", "Breaches", "Callbacks", "Survey results");
    }

    @Test
    void theKpiSheetHoldsTheDashboardsFiguresForTheSameSiteAndMonth() throws Exception {
        ReportWorkbook report = workbook(download(manager, "sites", String.valueOf(site.id())));
        Dashboard dashboard = queries.dashboard(february(site.id()));

        assertThat(report.figure("KPIs", "Requests received", null).get(2)).isEqualTo(number(4));
        assertThat(report.figure("KPIs", "Requests received", null).get(2))
                .isEqualTo(number(dashboard.volume().received().value()));
        assertThat(report.figure("KPIs", "Received by kind", "Repair").get(2)).isEqualTo(number(2));
        assertThat(report.figure("KPIs", "Requests with an SLA breach", null).get(2)).isEqualTo(number(2))
                .isEqualTo(number(dashboard.breaches().value()));
        for (Dashboard.Stage stage : dashboard.stages()) {
            String name = switch (stage.target()) {
                case "ACKNOWLEDGE" -> "Acknowledge";
                case "ARRIVAL" -> "Arrival";
                default -> "Resolve";
            };
            assertThat(report.figure("KPIs", "SLA stage on time", name).subList(2, 5)).containsExactly(
                    number(stage.onTime().value()), number(stage.onTime().value() + stage.breached().value()),
                    number(stage.onTimePercent()));
            assertThat(report.figure("KPIs", "SLA stage breached", name).get(2)).isEqualTo(number(stage.breached().value()));
        }
        assertRate(report, "First-contact resolution (inquiries)", dashboard.firstContactResolution());
        assertRate(report, "Reopened", dashboard.reopened());
        assertRate(report, "Escalated", dashboard.escalations());
        assertThat(report.figure("KPIs", "Backlog at the end of the period", "All ages").get(2))
                .isEqualTo(number(dashboard.backlog().total().value()));
        assertThat(report.figure("KPIs", "Complaints per 100 households", null).get(2)).isEqualTo(number(100))
                .isEqualTo(number(dashboard.complaints().per100Households()));
        assertThat(report.figure("KPIs", "Callbacks due", null).get(2)).isEqualTo(number(2))
                .isEqualTo(number(dashboard.callbacks().due().value()));
        assertRate(report, "Callbacks done on time", dashboard.callbacks().onTime());
        assertThat(report.figure("KPIs", "Average stars", null).get(2))
                .isEqualTo(number(dashboard.ratings().averageStars()));

        Dashboard.Timing repairResponse = dashboard.responses().stream().filter(t -> t.kind() == RequestKind.REPAIR)
                .findFirst().orElseThrow();
        assertThat(report.figure("KPIs", "Response time", "Repair").subList(2, 6)).containsExactly(
                number(2), number(repairResponse.mean()), number(repairResponse.median()), number(repairResponse.p90()));
        assertThat(report.figure("KPIs", "Response time", "Repair").get(3)).isEqualTo(number(35));
    }

    @Test
    void theRequestAndBreachSheetsListExactlyTheRequestsBehindThoseFigures() throws Exception {
        ReportWorkbook report = workbook(download(manager, "sites", String.valueOf(site.id())));

        assertThat(report.firstColumn("Requests"))
                .containsExactly(inquiry.number(), openComplaint.number(), lateRepair.number(), onTimeRepair.number())
                .isEqualTo(drilled(Drill.RECEIVED));
        assertThat(report.firstColumn("Breaches")).containsExactly(openComplaint.number(), lateRepair.number())
                .isEqualTo(drilled(Drill.BREACHED));
        assertThat(report.rowStartingWith("Requests", onTimeRepair.number()))
                .containsExactly(onTimeRepair.number(), "Repair", "Plumbing", site.name(),
                        data.houseCode(house), "Phone", "Normal",
                        "Resolved", at("2026-02-03T09:00"), at("2026-02-03T09:10"), at("2026-02-03T11:00"),
                        at("2026-02-03T15:00"), "王前台", "No");
    }

    @Test
    void theCallbackSheetListsTheCallbacksDueInTheMonthThatAreStillNeeded() throws Exception {
        ReportWorkbook report = workbook(download(manager, "sites", String.valueOf(site.id())));

        List<List<Object>> rows = report.rows("Callbacks");
        assertThat(rows.get(0)).containsExactly("Number", "Due", "Status", "Ended", "By", "Solved", "Satisfaction",
                "What the owner said");
        assertThat(rows.subList(1, rows.size())).containsExactly(
                List.of(onTimeRepair.number(), at("2026-02-04T10:00"), "Done", at("2026-02-04T09:30"), "回访员甲", "Yes",
                        "Satisfied", "=修得很好"),
                Arrays.asList(lateRepair.number(), at("2026-02-12T10:00"), "Due"));
    }

    @Test
    void aChosenMonthReplacesLastMonth() throws Exception {
        ReportWorkbook report = workbook(download(manager, "sites", String.valueOf(site.id()), "month", "2026-03"));

        assertThat(report.firstColumn("Requests")).containsExactly(inMarch.number());
        assertThat(report.firstColumn("Callbacks")).containsExactly(inMarch.number());
    }

    @Test
    void aReportIsForExactlyOneSite() throws Exception {
        PropertyDeskUser both = Users.manager(site.id(), otherSite.id());

        assertThat(refusal(both, "sites", String.valueOf(site.id()), "sites", String.valueOf(otherSite.id())))
                .isEqualTo("A monthly report is for one site: choose exactly one.");
        assertThat(refusal(both)).isEqualTo("A monthly report is for one site: choose exactly one.");
        assertThat(refusal(manager, "sites", String.valueOf(site.id()), "month", "2026-13"))
                .isEqualTo("The month must be given as year and month, e.g. 2026-03.");
    }

    @Test
    void aSiteTheManagerDoesNotServeIsNotFoundAndTheFrontDeskMayNotDownloadReports() throws Exception {
        mvc.perform(get("/dashboard/report").param("sites", String.valueOf(otherSite.id())).cookie(ENGLISH)
                .with(Users.as(manager))).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/report").param("sites", String.valueOf(site.id())).cookie(ENGLISH)
                .with(Users.as(Users.withRole(Role.FRONT_DESK, site.id())))).andExpect(status().isForbidden());
    }

    private void assertRate(ReportWorkbook report, String figure, Dashboard.Rate rate) {
        assertThat(report.figure("KPIs", figure, null).subList(2, 4))
                .containsExactly(number(rate.count().value()), number(rate.of().value()));
        assertThat(report.figure("KPIs", figure, null).size() > 4 ? report.figure("KPIs", figure, null).get(4) : null)
                .isEqualTo(number(rate.percent()));
    }

    private Selection february(long siteId) {
        return new Selection(List.of(siteId), Period.of(Period.Preset.MONTH, FEBRUARY, null, null,
                clock.instant().atZone(MutableClock.SHANGHAI).toLocalDate(), MutableClock.SHANGHAI), clock.instant(),
                MutableClock.SHANGHAI);
    }

    private List<Object> drilled(Drill drill) {
        List<Object> numbers = new ArrayList<>();
        drillDown.each(february(site.id()), drill, DrillFilter.NONE, row -> numbers.add(row.number()));
        return numbers;
    }

    private MvcResult download(PropertyDeskUser user, String... params) throws Exception {
        var request = get("/dashboard/report").cookie(ENGLISH).with(Users.as(user));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn();
    }

    private String refusal(PropertyDeskUser user, String... params) throws Exception {
        var request = get("/dashboard/report").cookie(ENGLISH).with(Users.as(user));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static ReportWorkbook workbook(MvcResult result) {
        return new ReportWorkbook(result.getResponse().getContentAsByteArray());
    }
}
