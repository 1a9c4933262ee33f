package org.propertydesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.dashboard.ReportWorkbook.at;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The list behind a dashboard figure as CSV and .xlsx: the rows DrillDown lists for the same choice, in English.
 * The clock stands on 10 March 2026; February has two repairs (one acknowledged late) and a complaint left open past
 * its resolve target.
 */
@ClockedIntegrationTest
class DrillExportTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    ExportTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    DrillDown drillDown;

    ExportTestData.Site site;
    PropertyDeskUser manager;
    ExportTestData.Saved onTimeRepair;
    ExportTestData.Saved lateRepair;
    ExportTestData.Saved openComplaint;

    @BeforeEach
    void february() {
        clock.set("2026-03-10T10:00");
        site = data.site();
        manager = Users.manager(site.id());
        onTimeRepair = data.request(site.id(), RequestKind.REPAIR, "2026-02-03T09:00").status("RESOLVED")
                .acknowledged("2026-02-03T09:10").arrived("2026-02-03T11:00").resolved("2026-02-03T15:00").save();
        lateRepair = data.request(site.id(), RequestKind.REPAIR, "2026-02-10T09:00").status("RESOLVED").channel("WECHAT")
                .acknowledged("2026-02-10T10:00").arrived("2026-02-10T12:00").resolved("2026-02-11T09:00").save();
        openComplaint = data.request(site.id(), RequestKind.COMPLAINT, "2026-02-20T09:00").status("ACKNOWLEDGED")
                .owner("李前台").acknowledged("2026-02-20T09:05").save();
    }

    @Test
    void theBreachesAsCsvAreTheDrilledRowsWithTranslatedColumnsAndATimeInShanghai() throws Exception {
        MvcResult result = mvc.perform(export("csv", "BREACHED")).andExpect(status().isOk()).andReturn();

        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .contains("attachment", "requests-breached-2026-02-01-2026-02-28.csv", "filename*=UTF-8''");
        String csv = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<String> lines = csv.substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Number,Kind,Category,Site,House,Channel,Priority,Status,Received,"
                + "Acknowledged,Arrived,Resolved,Owner,SLA breached");
        assertThat(lines.subList(1, lines.size()).stream().map(line -> line.split(",")[0]).toList())
                .containsExactly(openComplaint.number(), lateRepair.number())
                .isEqualTo(drilled(Drill.BREACHED, DrillFilter.NONE));
        assertThat(lines.get(1)).isEqualTo(openComplaint.number() + ",Complaint,Noise," + site.name()
                + ",,Phone,Normal,Acknowledged,2026-02-20 09:00,2026-02-20 09:05,,,李前台,Yes");
    }

    @Test
    void theXlsxOfAFigureNarrowedToAKindHasOnlyThatKindWithDateCells() throws Exception {
        MvcResult result = mvc.perform(export("xlsx", "RECEIVED").param("kind", "REPAIR")).andExpect(status().isOk())
                .andReturn();

        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .contains("requests-received-2026-02-01-2026-02-28.xlsx");
        ReportWorkbook workbook = new ReportWorkbook(result.getResponse().getContentAsByteArray());
        assertThat(workbook.sheetNames()).containsExactly("Requests");
        assertThat(workbook.firstColumn("Requests")).containsExactly(lateRepair.number(), onTimeRepair.number())
                .isEqualTo(drilled(Drill.RECEIVED, DrillFilter.kind(RequestKind.REPAIR)));
        assertThat(workbook.rowStartingWith("Requests", lateRepair.number()).subList(5, 12)).containsExactly("WeChat",
                "Normal", "Resolved", at("2026-02-10T09:00"), at("2026-02-10T10:00"), at("2026-02-10T12:00"),
                at("2026-02-11T09:00"));
    }

    @Test
    void aChineseReaderGetsChineseHeadersAndCategories() throws Exception {
        String csv = mvc.perform(export("csv", "RECEIVED", new Cookie("pd_lang", "zh-CN")).param("kind", "COMPLAINT"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv).contains("工单号", "投诉", "是");
    }

    @Test
    void aRefusedPeriodOrFormatAnswers400WithTheReason() throws Exception {
        String order = mvc.perform(get("/dashboard/requests/export").param("sites", String.valueOf(site.id()))
                        .param("period", "CUSTOM").param("from", "2026-02-10").param("to", "2026-02-01")
                        .cookie(ENGLISH).with(Users.as(manager)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String format = mvc.perform(export("pdf", "RECEIVED")).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        String month = mvc.perform(get("/dashboard/requests/export").param("sites", String.valueOf(site.id()))
                        .param("period", "MONTH").param("month", "February").cookie(ENGLISH).with(Users.as(manager)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(order).isNotBlank().doesNotContain("dashboard.error");
        assertThat(format).isEqualTo("Exports are available as CSV or .xlsx only.");
        assertThat(month).startsWith("The sites, period or list in this link are not valid.");
    }

    @Test
    void anotherSiteIsNotFoundAndTheFrontDeskMayNotExport() throws Exception {
        ExportTestData.Site other = data.site();
        mvc.perform(get("/dashboard/requests/export").param("sites", String.valueOf(other.id())).cookie(ENGLISH)
                .with(Users.as(manager))).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/requests/export").param("sites", String.valueOf(site.id())).cookie(ENGLISH)
                .with(Users.as(Users.withRole(Role.FRONT_DESK, site.id())))).andExpect(status().isForbidden());
    }

    private MockHttpServletRequestBuilder export(String format, String drill) {
        return export(format, drill, ENGLISH);
    }

    private MockHttpServletRequestBuilder export(String format, String drill, Cookie language) {
        return get("/dashboard/requests/export").param("format", format).param("drill", drill)
                .param("sites", String.valueOf(site.id())).param("period", "MONTH").param("month", "2026-02")
                .cookie(language).with(Users.as(manager));
    }

    private List<String> drilled(Drill drill, DrillFilter filter) {
        Selection selection = new Selection(List.of(site.id()), Period.of(Period.Preset.MONTH, YearMonth.of(2026, 2),
                null, null, clock.instant().atZone(MutableClock.SHANGHAI).toLocalDate(), MutableClock.SHANGHAI),
                clock.instant(), MutableClock.SHANGHAI);
        List<String> numbers = new ArrayList<>();
        drillDown.each(selection, drill, filter, row -> numbers.add(row.number()));
        return numbers;
    }
}
