package org.propertydesk.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.dashboard.ExportTestData;
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
 * The callback list as CSV and .xlsx with its tab and site, in English. The clock stands on 10 March 2026, 10:00 in
 * Shanghai: one callback was due at 09:00 (overdue), one is due at 11:00, one is due tomorrow and one is done.
 */
@ClockedIntegrationTest
class CallbackExportTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    ExportTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    ExportTestData.Site site;
    PropertyDeskUser desk;
    ExportTestData.Saved overdue;
    ExportTestData.Saved dueLater;
    ExportTestData.Saved tomorrow;
    ExportTestData.Saved done;

    @BeforeEach
    void aMorningOfCallbacks() {
        clock.set("2026-03-10T10:00");
        site = data.site();
        desk = Users.frontDesk(site.id());
        overdue = resolvedRepair("2026-03-09T09:00");
        dueLater = resolvedRepair("2026-03-09T10:00");
        tomorrow = resolvedRepair("2026-03-09T11:00");
        done = resolvedRepair("2026-03-08T09:00");
        data.callback(overdue, site.id(), "DUE", "2026-03-10T09:00", null, null, null, null, null);
        data.callback(dueLater, site.id(), "DUE", "2026-03-10T11:00", null, null, null, null, null);
        data.callback(tomorrow, site.id(), "DUE", "2026-03-11T11:00", null, null, null, null, null);
        data.callback(done, site.id(), "DONE", "2026-03-09T09:00", "2026-03-09T08:30", "回访员乙", true, "SATISFIED", null);
        ExportTestData.Site other = data.site();
        ExportTestData.Saved elsewhere = data.request(other.id(), RequestKind.REPAIR, "2026-03-09T09:00").status("RESOLVED")
                .save();
        data.callback(elsewhere, other.id(), "DUE", "2026-03-10T09:30", null, null, null, null, null);
    }

    @Test
    void todaysTabExportsTheCallbacksDueTodayOverdueFirstWithTheListsColumns() throws Exception {
        MvcResult result = mvc.perform(export("csv").param("siteId", String.valueOf(site.id())))
                .andExpect(status().isOk()).andReturn();

        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .contains("attachment", "callbacks-today-2026-03-10.csv");
        List<String> lines = csv(result);
        assertThat(lines.get(0)).isEqualTo("Number,Kind,Category,Where,Contact phone,What was done,Done by,Done at,Due,"
                + "Failed calls,Status,Satisfaction,Overdue");
        assertThat(numbers(lines)).containsExactly(overdue.number(), dueLater.number());
        assertThat(lines.get(1)).endsWith(",2026-03-10 09:00,0,Due,,Yes");
        assertThat(lines.get(2)).endsWith(",2026-03-10 11:00,0,Due,,No");
        assertThat(lines.get(1)).startsWith(overdue.number() + ",Repair,Plumbing,3号楼 1502,");
    }

    @Test
    void theTabsAndTheSitesOfTheDeskApply() throws Exception {
        assertThat(numbers(csv(mvc.perform(export("csv").param("when", "OVERDUE")).andReturn())))
                .containsExactly(overdue.number());
        assertThat(numbers(csv(mvc.perform(export("csv").param("when", "DUE")).andReturn())))
                .containsExactly(overdue.number(), dueLater.number(), tomorrow.number());
    }

    @Test
    void theFinishedTabAsXlsxShowsWhatTheOwnerSaid() throws Exception {
        MvcResult result = mvc.perform(export("xlsx").param("when", "FINISHED")).andExpect(status().isOk()).andReturn();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            var sheet = workbook.getSheet("Callbacks");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(done.number());
            assertThat(row.getCell(10).getStringCellValue()).isEqualTo("Done");
            assertThat(row.getCell(11).getStringCellValue()).isEqualTo("Satisfied");
            assertThat(row.getCell(8).getLocalDateTimeCellValue()).isEqualTo("2026-03-09T09:00");
        }
    }

    @Test
    void anotherSitesFilterIsNotFoundAndDispatchersMayNotExport() throws Exception {
        ExportTestData.Site other = data.site();
        mvc.perform(export("csv").param("siteId", String.valueOf(other.id()))).andExpect(status().isNotFound());
        mvc.perform(get("/callbacks/export").cookie(ENGLISH).with(Users.as(Users.withRole(Role.DISPATCHER, site.id()))))
                .andExpect(status().isForbidden());
        assertThat(mvc.perform(export("ods")).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).isEqualTo("Exports are available as CSV or .xlsx only.");
    }

    private ExportTestData.Saved resolvedRepair(String received) {
        return data.request(site.id(), RequestKind.REPAIR, received).status("RESOLVED").acknowledged(received)
                .arrived(received).resolved(received).save();
    }

    private MockHttpServletRequestBuilder export(String format) {
        return get("/callbacks/export").param("format", format).cookie(ENGLISH).with(Users.as(desk));
    }

    private static List<String> csv(MvcResult result) throws Exception {
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFF");
        return body.substring(1).lines().toList();
    }

    private static List<String> numbers(List<String> lines) {
        return lines.stream().skip(1).map(line -> line.split(",")[0]).toList();
    }
}
