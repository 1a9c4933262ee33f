package org.propertydesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.dashboard.ExportTestData;
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
 * The request queues as CSV and .xlsx with the list's filters, in English. The clock stands on 10 March 2026, 10:00
 * in Shanghai: a repair received at 09:00 is past its acknowledge target, an inquiry received at 09:50 is not yet,
 * and a complaint is resolved.
 */
@ClockedIntegrationTest
class RequestExportTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");

    @Autowired
    ExportTestData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    ExportTestData.Site site;
    long house;
    PropertyDeskUser desk;
    ExportTestData.Saved repair;
    ExportTestData.Saved inquiry;
    ExportTestData.Saved complaint;
    ExportTestData.Saved elsewhere;

    @BeforeEach
    void aMorningAtTheDesk() {
        clock.set("2026-03-10T10:00");
        site = data.site();
        house = data.house(site.id());
        desk = Users.frontDesk(site.id());
        repair = data.request(site.id(), RequestKind.REPAIR, "2026-03-10T09:00").house(house).owner("王前台").save();
        inquiry = data.request(site.id(), RequestKind.INQUIRY, "2026-03-10T09:50").save();
        complaint = data.request(site.id(), RequestKind.COMPLAINT, "2026-03-09T09:00").status("RESOLVED")
                .acknowledged("2026-03-09T09:05").resolved("2026-03-09T15:00").save();
        ExportTestData.Site other = data.site();
        elsewhere = data.request(other.id(), RequestKind.REPAIR, "2026-03-10T08:00").save();
    }

    @Test
    void theOpenQueueOfASiteExportsInTheListsOrderWithItsColumns() throws Exception {
        MvcResult result = mvc.perform(export("csv").param("siteId", String.valueOf(site.id())))
                .andExpect(status().isOk()).andReturn();

        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .contains("attachment", "requests-open-2026-03-10.csv");
        List<String> lines = csv(result);
        assertThat(lines.get(0)).isEqualTo("Number,Kind,Category,Priority,Where,Status,Next due,SLA breached,Owner,Received");
        assertThat(numbers(lines)).containsExactly(repair.number(), inquiry.number());
        assertThat(lines.get(1)).isEqualTo(repair.number() + ",Repair,Plumbing,Normal," + site.code() + " "
                + data.houseCode(house) + ",New,2026-03-10 09:30,Yes,王前台,2026-03-10 09:00");
        assertThat(lines.get(2)).isEqualTo(inquiry.number() + ",Inquiry,Fees,Normal,3号楼 1502,New,2026-03-10 10:20,No,,"
                + "2026-03-10 09:50");
        String page = mvc.perform(get("/requests").param("siteId", String.valueOf(site.id())).cookie(ENGLISH)
                .with(Users.as(desk))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(repair.number(), inquiry.number()).doesNotContain(complaint.number());
    }

    @Test
    void theQueueAndKindFiltersApplyAndOtherSitesStayOut() throws Exception {
        assertThat(numbers(csv(mvc.perform(export("csv").param("kind", "INQUIRY")).andReturn())))
                .containsExactly(inquiry.number());
        assertThat(numbers(csv(mvc.perform(export("csv").param("q", "CLOSED")).andReturn())))
                .containsExactly(complaint.number());
        assertThat(numbers(csv(mvc.perform(export("csv").param("q", "BREACHED")).andReturn())))
                .containsExactly(repair.number()).doesNotContain(elsewhere.number());
    }

    @Test
    void theXlsxHoldsTheSameRowsWithDateCells() throws Exception {
        MvcResult result = mvc.perform(export("xlsx").param("siteId", String.valueOf(site.id())))
                .andExpect(status().isOk()).andReturn();

        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("requests-open-2026-03-10.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheet("Requests");
            List<String> numbers = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                numbers.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(numbers).containsExactly(repair.number(), inquiry.number());
            Row first = sheet.getRow(1);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(9))).isTrue();
            assertThat(first.getCell(9).getLocalDateTimeCellValue()).isEqualTo("2026-03-10T09:00");
        }
    }

    @Test
    void anotherSitesFilterIsNotFoundAnUnknownFormatIsRefusedAndTechniciansMayNotExport() throws Exception {
        ExportTestData.Site other = data.site();
        mvc.perform(export("csv").param("siteId", String.valueOf(other.id()))).andExpect(status().isNotFound());
        String refusal = mvc.perform(export("pdf")).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refusal).isEqualTo("Exports are available as CSV or .xlsx only.");
        mvc.perform(get("/requests/export").cookie(ENGLISH).with(Users.as(Users.withRole(Role.TECHNICIAN, site.id()))))
                .andExpect(status().isForbidden());
    }

    private MockHttpServletRequestBuilder export(String format) {
        return get("/requests/export").param("format", format).cookie(ENGLISH).with(Users.as(desk));
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
