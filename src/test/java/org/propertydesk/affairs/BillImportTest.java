package org.propertydesk.affairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.records.RecordsFixtures.SiteRef;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.support.BrowserSession;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * Importing bills from the finance system, in English: every bad row is reported by row and column before anything is
 * written, a re-import updates the bills it names, GBK and .xlsx files read as well as UTF-8, and amounts are kept to
 * the fen.
 */
@WebIntegrationTest
class BillImportTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");
    private static final String HEADER = "site_code,house,fee_item,period,amount_due,amount_paid,due_date\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    FeeTestData data;
    SiteRef site;
    long house;
    long otherHouse;
    PropertyDeskUser manager;
    BrowserSession session;

    @BeforeEach
    void aSiteWithTwoHousesAndItsManager() {
        data = new FeeTestData(context);
        site = data.site();
        house = data.house(site, "3", "2", "1502");
        otherHouse = data.house(site, "3", "2", "1501");
        manager = Users.manager(site.id());
        session = new BrowserSession();
    }

    @Test
    void aCleanFileIsPreviewedThenImportedWithExactAmounts() throws Exception {
        String token = upload("bills.csv", (HEADER
                + "%s,3-2-1502,Property fee,2026-3,1280.50,1280.5,2026-03-31\n"
                + "%s,3-2-1501,Property fee,2026年3月,\"1,024.10\",0.10,2026/3/31\n").formatted(site.code(), site.code())
                .getBytes(StandardCharsets.UTF_8));

        String preview = page(token);
        assertThat(preview).contains("No problems found", "Import 2 rows");
        assertThat(data.bills(house)).isEmpty();

        MvcResult done = confirm(token, false);
        assertThat(flash(done, "flashSuccess")).isEqualTo("imports.done:[2, 0, 0, 0]");
        assertThat(data.bills(house)).containsExactly("Property fee 2026-03 1280.50/1280.50 2026-03-31");
        assertThat(data.bills(otherHouse)).containsExactly("Property fee 2026-03 1024.10/0.10 2026-03-31");
    }

    @Test
    void everyBadRowIsReportedAtItsColumnAndNothingIsWrittenUntilValidRowsOnlyIsChosen() throws Exception {
        String csv = HEADER
                + "%1$s,3-2-1502,Property fee,2026-03,100.00,0,2026-03-31\n"      // row 2: fine
                + "NOPE,3-2-1502,Property fee,2026-04,100,0,2026-04-30\n"          // row 3: unknown site
                + "%1$s,9-9-999,Property fee,2026-04,100,0,2026-04-30\n"           // row 4: no such house
                + "%1$s,3-2-1502,Property fee,2026-04,100.005,0,2026-04-30\n"      // row 5: third decimal
                + "%1$s,3-2-1502,Property fee,2026-05,-5,0,2026-05-31\n"           // row 6: negative
                + "%1$s,3-2-1502,Property fee,2026-06,100,120,2026-06-30\n"        // row 7: paid more than due
                + "%1$s,3-2-1502,Property fee,2026-07,100,0,2026-02-30\n"          // row 8: no such day
                + "%1$s,3-2-1502,,2026-08,100,0,2026-08-31\n"                      // row 9: no fee item
                + "%1$s,3-2-1502,Property fee,2026/3,90,0,2026-03-31\n";           // row 10: same bill as row 2
        String token = upload("bills.csv", csv.formatted(site.code()).getBytes(StandardCharsets.UTF_8));

        String preview = page(token);
        assertThat(preview).contains("Site \"NOPE\" not found",
                "Site " + site.code() + " has no house 9-9-999",
                "\"100.005\" is not an amount in yuan", "\"-5\" is not an amount in yuan",
                "Paid (120.00) is more than the amount due (100.00)",
                "\"2026-02-30\" is not a date", "Required.",
                "The same bill (house, fee item and period) as row 2");
        assertThat(problemRows(preview)).containsExactly("3 site_code", "4 house", "5 amount_due", "6 amount_due",
                "7 amount_paid", "8 due_date", "9 fee_item", "10 period");

        MvcResult refused = confirm(token, false);
        assertThat(flash(refused, "flashError")).startsWith("imports.error.stillProblems");
        assertThat(data.bills(house)).isEmpty();

        MvcResult partly = confirm(token, true);
        assertThat(flash(partly, "flashSuccess")).isEqualTo("imports.done:[1, 0, 0, 8]");
        assertThat(data.bills(house)).containsExactly("Property fee 2026-03 100.00/0.00 2026-03-31");
    }

    @Test
    void reImportingUpdatesTheBillsItNamesAndCountsTheUnchanged() throws Exception {
        String first = (HEADER
                + "%1$s,3-2-1502,Property fee,2026-03,300.00,0,2026-03-31\n"
                + "%1$s,3-2-1502,Parking fee,2026-03,150.00,0,2026-03-31\n").formatted(site.code());
        confirm(upload("march.csv", first.getBytes(StandardCharsets.UTF_8)), false);

        String second = (HEADER
                + "%1$s,3-2-1502,Property fee,2026-03,300.00,300.00,2026-03-31\n"
                + "%1$s,3-2-1502,Parking fee,2026-03,150,0,2026-03-31\n"
                + "%1$s,3-2-1502,Property fee,2026-04,300.00,0,2026-04-30\n").formatted(site.code());
        MvcResult done = confirm(upload("march-again.csv", second.getBytes(StandardCharsets.UTF_8)), false);

        assertThat(flash(done, "flashSuccess")).isEqualTo("imports.done:[1, 1, 1, 0]");
        assertThat(data.bills(house)).containsExactly(
                "Parking fee 2026-03 150.00/0.00 2026-03-31",
                "Property fee 2026-03 300.00/300.00 2026-03-31",
                "Property fee 2026-04 300.00/0.00 2026-04-30");
    }

    @Test
    void aGbkFileWithChineseHeadersAsChineseExcelSavesItIsRead() throws Exception {
        String csv = "项目编码,房号,收费项目,账期,应收金额,实收金额,缴费截止日\n"
                + site.code() + ",3栋2单元1502室,物业服务费,2026年3月,￥2560.00,1000,2026年3月31日\n";
        String token = upload("账单.csv", csv.getBytes(Charset.forName("GBK")));

        assertThat(page(token)).contains("No problems found");
        confirm(token, false);
        assertThat(data.bills(house)).containsExactly("物业服务费 2026-03 2560.00/1000.00 2026-03-31");
    }

    @Test
    void anXlsxFileWithNumberAndDateCellsIsRead() throws Exception {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("账单");
            String[] headers = {"项目编码", "房号", "收费项目", "账期", "应收金额", "实收金额", "缴费截止日"};
            XSSFRow header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellValue(site.code());
            row.createCell(1).setCellValue("3-2-1501");
            row.createCell(2).setCellValue("水费");
            row.createCell(3).setCellValue("2026-02");
            row.createCell(4).setCellValue(88.8);
            row.createCell(5).setCellValue(0);
            row.createCell(6).setCellValue(LocalDate.of(2026, 2, 28));
            row.getCell(6).setCellStyle(workbook.createCellStyle());
            row.getCell(6).getCellStyle().setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            workbook.write(xlsx);
        }
        confirm(upload("bills.xlsx", xlsx.toByteArray()), false);

        assertThat(data.bills(otherHouse)).containsExactly("水费 2026-02 88.80/0.00 2026-02-28");
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedAsAWhole() throws Exception {
        MvcResult refused = mvc.perform(multipart("/affairs/fees/import")
                        .file(new MockMultipartFile("file", "bills.csv", "text/csv",
                                ("site_code,house,fee_item,period,amount_paid,due_date\n" + site.code()
                                        + ",3-2-1502,Property fee,2026-03,0,2026-03-31\n").getBytes(StandardCharsets.UTF_8)))
                        .with(Users.as(manager)).with(csrf()).with(session).cookie(ENGLISH)).andDo(session)
                .andExpect(status().is3xxRedirection())
                .andReturn();

        assertThat(flash(refused, "flashError")).isEqualTo("imports.error.missingHeaders:[应收金额 / amount_due]");
    }

    @Test
    void aSiteTheManagerDoesNotServeReadsAsUnknownInTheFile() throws Exception {
        SiteRef elsewhere = data.site();
        data.house(elsewhere, "1", "1", "101");
        String token = upload("bills.csv", (HEADER + elsewhere.code() + ",1-1-101,Property fee,2026-03,10,0,2026-03-31\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(page(token)).contains("Site \"" + elsewhere.code() + "\" not found, or not one of your sites.");
    }

    @Test
    void onlyManagersAndAdminsImportBills() throws Exception {
        mvc.perform(get("/affairs/fees/import").with(Users.as(Users.frontDesk(site.id()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/affairs/fees/import").with(Users.as(Users.withRole(Role.DISPATCHER, site.id()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/affairs/fees/import").with(Users.as(manager)).cookie(ENGLISH))
                .andExpect(status().isOk());
        mvc.perform(get("/affairs/fees/import").with(Users.as(Users.admin())).cookie(ENGLISH))
                .andExpect(status().isOk());
    }

    private String upload(String fileName, byte[] content) throws Exception {
        MvcResult result = mvc.perform(multipart("/affairs/fees/import")
                        .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                        .with(Users.as(manager)).with(csrf()).with(session).cookie(ENGLISH)).andDo(session)
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).as("redirected to the preview, flash: %s", result.getFlashMap()).startsWith("/affairs/fees/import/");
        return location.substring("/affairs/fees/import/".length());
    }

    /** The preview page as a person reads it (entities unescaped). */
    private String page(String token) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get("/affairs/fees/import/" + token).with(Users.as(manager)).with(session).cookie(ENGLISH)).andDo(session)
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private MvcResult confirm(String token, boolean validRowsOnly) throws Exception {
        return mvc.perform(post("/affairs/fees/import/" + token).param("validRowsOnly", String.valueOf(validRowsOnly))
                        .with(Users.as(manager)).with(csrf()).with(session).cookie(ENGLISH)).andDo(session)
                .andExpect(status().is3xxRedirection())
                .andReturn();
    }

    private static String flash(MvcResult result, String name) {
        Flash.FlashMessage message = (Flash.FlashMessage) result.getFlashMap().get(name);
        return message == null ? null : message.key() + ":" + Arrays.toString(message.arguments());
    }

    /** "row column" of each problem listed in the preview, in order. */
    private static List<String> problemRows(String html) {
        Matcher row = Pattern
                .compile("<tr>\\s*<td>(\\d+)</td>\\s*<td>([^<]*)</td>")
                .matcher(html.substring(html.indexOf("bill-problems")));
        List<String> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(row.group(1) + " " + row.group(2));
        }
        return rows;
    }
}
