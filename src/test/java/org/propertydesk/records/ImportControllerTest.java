package org.propertydesk.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.support.Users.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.records.RecordsFixtures.SiteRef;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.web.Flash.FlashMessage;
import org.propertydesk.support.BrowserSession;
import org.propertydesk.support.Html;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Bulk import as the front desk uses it: upload, read the preview, confirm. Each test makes its own site and imports
 * as someone serving only that site, so other tests' data never matches.
 */
@WebIntegrationTest
class ImportControllerTest {

    private static final String HOUSE_HEADER = "site_code,house,floor,area,use,status,handover_date,warranty_end\r\n";
    private static final String CUSTOMER_HEADER = "项目编码,姓名,类型,电话,邮箱,证件号,价值等级,房号,身份,入住日期,主要联系人\r\n";

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    RecordsFixtures fixtures;
    SiteRef site;
    PropertyDeskUser frontDesk;
    BrowserSession session;

    @BeforeEach
    void siteAndFrontDesk() {
        fixtures = new RecordsFixtures(context);
        site = fixtures.site();
        frontDesk = Users.frontDesk(site.id());
        session = new BrowserSession();
    }

    @Test
    void goodCsvCreatesHousesWithTheirBuildingsAndUnits() throws Exception {
        String csv = HOUSE_HEADER
                + site.code() + ",3-2-1502,15,89.5,RESIDENTIAL,OCCUPIED,2024-03-01,2026-03-01\r\n"
                + site.code().toLowerCase() + ",a-101,1,120,商铺,空置,2024/3/1,\r\n"
                + site.code() + ",3-2-1503,15,,,,,\r\n";

        ImportPreview preview = upload("houses", "houses.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.totalRows()).isEqualTo(3);
        assertThat(preview.validRows()).isEqualTo(3);
        assertThat(preview.problems()).isEmpty();
        assertThat(fixtures.housesAt(site.id())).isZero();

        assertThat(confirm(preview, false)).isEqualTo(done(3, 0, 0, 0));
        assertThat(fixtures.housesAt(site.id())).isEqualTo(3);
        assertThat(fixtures.buildingsAt(site.id())).isEqualTo(2);
        assertThat(count("select count(*) from unit u join building b on b.id = u.building_id where b.site_id = ?", site.id())).isEqualTo(1);
        Map<String, Object> house = house("3-2-1502");
        assertThat(house).containsEntry("floor", 15).containsEntry("house_use", "RESIDENTIAL").containsEntry("status", "OCCUPIED")
                .containsEntry("handover_date", java.sql.Date.valueOf("2024-03-01"));
        assertThat((BigDecimal) house.get("area")).isEqualByComparingTo("89.50");
        assertThat(house("A-101")).containsEntry("house_use", "SHOP").containsEntry("status", "VACANT");
        assertThat(house("3-2-1503")).containsEntry("house_use", "RESIDENTIAL").containsEntry("status", "VACANT");
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws Exception {
        byte[] csv = (HOUSE_HEADER
                + site.code() + ",3-2-1502,15,89.5,RESIDENTIAL,OCCUPIED,2024-03-01,2026-03-01\r\n"
                + site.code() + ",A-101,1,120,SHOP,VACANT,,\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(confirm(upload("houses", "houses.csv", csv), false)).isEqualTo(done(2, 0, 0, 0));
        long version = (long) house("3-2-1502").get("version");

        assertThat(confirm(upload("houses", "houses.csv", csv), false)).isEqualTo(done(0, 0, 2, 0));

        assertThat(fixtures.housesAt(site.id())).isEqualTo(2);
        assertThat(house("3-2-1502").get("version")).isEqualTo(version);

        byte[] changed = (HOUSE_HEADER + site.code() + ",3-2-1502,16,,,,,\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(confirm(upload("houses", "houses.csv", changed), false)).isEqualTo(done(0, 1, 0, 0));
        assertThat(house("3-2-1502")).containsEntry("floor", 16).containsEntry("status", "OCCUPIED");
    }

    @Test
    void aBadRowIsListedAndNothingIsWrittenUntilTheValidRowsAloneAreChosen() throws Exception {
        String csv = HOUSE_HEADER
                + site.code() + ",1-101,1,,,,,\r\n"
                + site.code() + ",1-102,abc,,,,,\r\n"
                + site.code() + ",1-103,1,,,,,\r\n";

        ImportPreview preview = upload("houses", "houses.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.totalRows()).isEqualTo(3);
        assertThat(preview.validRows()).isEqualTo(2);
        assertThat(preview.problems()).containsExactly(
                new ImportProblem(3, ImportColumn.FLOOR, "imports.problem.integer", List.of("abc", "-10", "200")));
        String page = Html.unescape(mvc.perform(get("/records/import/" + preview.upload().token()).param("lang", "en")
                        .with(session).with(as(frontDesk))).andDo(session)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page).contains("<td>3</td>", "<td>floor</td>", "\"abc\" is not a whole number from -10 to 200.",
                "Import only the 2 valid rows");

        MvcResult refused = mvc.perform(post("/records/import/" + preview.upload().token())
                        .with(session).with(as(frontDesk)).with(csrf())).andDo(session)
                .andExpect(redirectedUrl("/records/import/" + preview.upload().token())).andReturn();
        assertThat(((FlashMessage) refused.getFlashMap().get("flashError")).key()).isEqualTo("imports.error.stillProblems");
        assertThat(fixtures.housesAt(site.id())).isZero();

        assertThat(confirm(preview, true)).isEqualTo(done(2, 0, 0, 1));
        assertThat(fixtures.housesAt(site.id())).isEqualTo(2);
    }

    @Test
    void readsGbkCsvWithChineseHeadersAndLabels() throws Exception {
        String csv = "项目编码,房号,楼层,面积,用途,状态,交房日期\r\n" + site.code() + ",5-1-201,2,66.6,商铺,出租,2023/12/1\r\n";

        ImportPreview preview = upload("houses", "房屋.csv", csv.getBytes(Charset.forName("GBK")));

        assertThat(preview.problems()).isEmpty();
        assertThat(confirm(preview, false)).isEqualTo(done(1, 0, 0, 0));
        assertThat(house("5-1-201")).containsEntry("house_use", "SHOP").containsEntry("status", "RENTED")
                .containsEntry("handover_date", java.sql.Date.valueOf("2023-12-01"));
    }

    @Test
    void importsCustomersWithOccupanciesFromUtf8WithBomAndAgainWithoutDuplicates() throws Exception {
        long house101 = fixtures.house(site.id(), "1", "1", "101");
        long house102 = fixtures.house(site.id(), "1", "1", "102");
        String phone1 = RecordsFixtures.uniqueMobile();
        String phone2 = RecordsFixtures.uniqueMobile();
        String phone3 = RecordsFixtures.uniqueMobile();
        String idNumber = "1101011990" + RecordsFixtures.unique().substring(0, 4) + "123X";
        String csv = "\uFEFF" + CUSTOMER_HEADER
                + site.code() + ",张三,个人,\"" + phone1 + " / +86 " + phone2 + "\",zs@example.com," + idNumber + ",重要客户,1-1-101,业主,2020-05-01,是\r\n"
                + site.code() + ",张三,,\"" + phone1 + "\",,,,1-1-102,OWNER,2021-01-01,否\r\n"
                + site.code() + ",华信科技有限公司,企业,010-8888" + phone3.substring(7) + ",,,,1-1-101,租户,,\r\n";
        byte[] content = csv.getBytes(StandardCharsets.UTF_8);

        ImportPreview preview = upload("customers", "customers.csv", content);

        assertThat(preview.problems()).isEmpty();
        assertThat(confirm(preview, false)).isEqualTo(done(2, 1, 0, 0));
        assertThat(fixtures.customersAt(site.id())).isEqualTo(2);
        long zhang = jdbc.sql("select id from customer where site_id = ? and name = '张三'").param(site.id()).query(Long.class).single();
        assertThat(jdbc.sql("select number from customer_phone where customer_id = ? order by position").param(zhang)
                .query(String.class).list()).containsExactly(phone1, phone2);
        assertThat(jdbc.sql("select id_number || ' ' || value_tier || ' ' || email from customer where id = ?").param(zhang)
                .query(String.class).single()).isEqualTo(idNumber.toUpperCase() + " IMPORTANT zs@example.com");
        assertThat(jdbc.sql("select house_id || ' ' || role || ' ' || start_date || ' ' || primary_contact from occupancy where customer_id = ? order by house_id")
                .param(zhang).query(String.class).list())
                .containsExactly(house101 + " OWNER 2020-05-01 true", house102 + " OWNER 2021-01-01 false");
        assertThat(jdbc.sql("select field from customer_change where customer_id = ? order by id").param(zhang).query(String.class).list())
                .containsExactly("customer.change.created", "customer.change.movedIn", "customer.change.movedIn");
        assertThat(count("select count(*) from occupancy where house_id = ? and role = 'TENANT' and not primary_contact", house101)).isEqualTo(1);

        assertThat(confirm(upload("customers", "customers.csv", content), false)).isEqualTo(done(0, 0, 3, 0));
        assertThat(fixtures.customersAt(site.id())).isEqualTo(2);
        assertThat(count("select count(*) from occupancy where house_id in (?, ?)", house101, house102)).isEqualTo(3);
        assertThat(count("select count(*) from customer_change where customer_id = ?", zhang)).isEqualTo(3);
    }

    @Test
    void matchesAnExistingCustomerByNameAndPhoneAndAddsWhatIsNew() throws Exception {
        String phone = RecordsFixtures.uniqueMobile();
        String newPhone = RecordsFixtures.uniqueMobile();
        long customer = fixtures.customer(site.id(), "李四", phone);
        fixtures.house(site.id(), "2", null, "301");
        String csv = CUSTOMER_HEADER + site.code() + ",李四,,\"" + phone + "；" + newPhone + "\",,,,2-301,,,\r\n";

        assertThat(confirm(upload("customers", "customers.csv", csv.getBytes(StandardCharsets.UTF_8)), false)).isEqualTo(done(0, 1, 0, 0));

        assertThat(fixtures.customersAt(site.id())).isEqualTo(1);
        assertThat(jdbc.sql("select number from customer_phone where customer_id = ? order by position").param(customer)
                .query(String.class).list()).containsExactly(phone, newPhone);
        assertThat(fixtures.occupanciesOf(customer)).isEqualTo(1);
    }

    @Test
    void customerRowsAreCheckedLikeTheForm() throws Exception {
        String csv = CUSTOMER_HEADER
                + site.code() + ",,,12,bad-email,ab c,金牌,9-9-999,房东,2020-13-01,也许\r\n"
                + site.code() + ",王五,,,,,,,业主,,\r\n";

        ImportPreview preview = upload("customers", "customers.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.validRows()).isZero();
        assertThat(preview.problems()).extracting(p -> p.rowNumber() + " " + p.column() + " " + p.messageKey()).containsExactly(
                "2 NAME imports.problem.required",
                "2 PHONES imports.problem.phone",
                "2 EMAIL imports.problem.email",
                "2 ID_NUMBER imports.problem.idNumber",
                "2 VALUE_TIER imports.problem.choice",
                "2 ROLE imports.problem.choice",
                "2 START_DATE imports.problem.date",
                "2 PRIMARY_CONTACT imports.problem.yesNo",
                "2 HOUSE imports.problem.houseNotFound",
                "3 PHONES imports.problem.required",
                "3 HOUSE imports.problem.occupancyWithoutHouse");
    }

    @Test
    void readsAnXlsxMadeInExcel() throws Exception {
        byte[] content;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("房屋");
            List<String> headers = List.of("项目编码", "房号", "楼层", "面积", "用途", "状态", "交房日期", "保修截止");
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(site.code());
            row.createCell(1).setCellValue("8-1-1201");
            row.createCell(2).setCellValue(12);
            row.createCell(3).setCellValue(101.25);
            row.createCell(4).setCellValue("Office");
            row.createCell(5).setCellValue("decorating");
            row.createCell(6).setCellValue(LocalDate.of(2025, 6, 30));
            row.getCell(6).setCellStyle(date);
            row.createCell(7).setCellValue("2027/6/30");
            workbook.write(out);
            content = out.toByteArray();
        }

        ImportPreview preview = upload("houses", "houses.xlsx", content);

        assertThat(preview.problems()).isEmpty();
        assertThat(confirm(preview, false)).isEqualTo(done(1, 0, 0, 0));
        Map<String, Object> house = house("8-1-1201");
        assertThat(house).containsEntry("floor", 12).containsEntry("house_use", "OFFICE").containsEntry("status", "DECORATING")
                .containsEntry("handover_date", java.sql.Date.valueOf("2025-06-30"))
                .containsEntry("warranty_end", java.sql.Date.valueOf("2027-06-30"));
        assertThat((BigDecimal) house.get("area")).isEqualByComparingTo("101.25");
    }

    @Test
    void aSiteOutsideTheUsersSitesIsRefused() throws Exception {
        SiteRef other = fixtures.site();
        String csv = HOUSE_HEADER + other.code() + ",1-101,,,,,,\r\n" + site.code() + ",1-101,,,,,,\r\n";

        ImportPreview preview = upload("houses", "houses.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.problems()).containsExactly(
                new ImportProblem(2, ImportColumn.SITE_CODE, "imports.problem.siteNotFound", List.of(other.code())));
        assertThat(confirm(preview, true)).isEqualTo(done(1, 0, 0, 1));
        assertThat(fixtures.housesAt(other.id())).isZero();
        assertThat(fixtures.housesAt(site.id())).isEqualTo(1);
    }

    @Test
    void anUnusableFileGetsAMessageOnTheUploadPage() throws Exception {
        assertThat(uploadRefused("houses", "houses.txt", "x".getBytes(StandardCharsets.UTF_8))).isEqualTo("imports.error.extension");
        assertThat(uploadRefused("houses", "", new byte[0])).isEqualTo("imports.error.noFile");
        assertThat(uploadRefused("houses", "houses.csv", new byte[0])).isEqualTo("imports.error.empty");
        assertThat(uploadRefused("houses", "houses.csv", "\r\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("imports.error.empty");
        assertThat(uploadRefused("customers", "customers.csv", (HOUSE_HEADER + "X,1-101,,,,,,\r\n").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("imports.error.missingHeaders");
        assertThat(uploadRefused("houses", "houses.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("imports.error.unreadable");
    }

    @Test
    void aFileOverTheSizeLimitGetsAMessageOnTheUploadPage() throws Exception {
        byte[] body = new byte[11 * 1024 * 1024];

        mvc.perform(multipart("/records/import").file(file("houses.csv", new byte[] {1})).content(body).param("kind", "houses")
                        .with(session).with(as(frontDesk)).with(csrf())).andDo(session)
                .andExpect(redirectedUrl("/records/import"));

        String page = mvc.perform(get("/records/import").param("lang", "en").with(session).with(as(frontDesk))).andDo(session)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The file is larger than 10 MB");
    }

    @Test
    void aStaleOrForeignTokenFindsNothing() throws Exception {
        MvcResult result = mvc.perform(post("/records/import/" + java.util.UUID.randomUUID()).with(session)
                        .with(as(frontDesk)).with(csrf())).andDo(session)
                .andExpect(redirectedUrl("/records/import")).andReturn();

        assertThat(((FlashMessage) result.getFlashMap().get("flashError")).key()).isEqualTo("imports.error.expired");
    }

    @Test
    void thePageDocumentsTheColumnsAndOffersTemplates() throws Exception {
        String page = mvc.perform(get("/records/import").param("lang", "en").with(as(frontDesk)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("site_code", "项目编码", "/records/import/template/customers.csv", site.code());

        byte[] chinese = mvc.perform(get("/records/import/template/houses.csv").param("lang", "zh-CN").with(as(frontDesk)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(chinese, StandardCharsets.UTF_8)).isEqualTo("\uFEFF项目编码,房号,楼层,面积,用途,状态,交房日期,保修截止\r\n");
        byte[] english = mvc.perform(get("/records/import/template/customers.csv").param("lang", "en").with(as(frontDesk)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(english, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFsite_code,name,type,phones,email,id_number,value_tier,house,role,start_date,primary_contact\r\n");
    }

    @Test
    void techniciansAndDispatchersMayNotImport() throws Exception {
        for (Role role : List.of(Role.TECHNICIAN, Role.DISPATCHER)) {
            PropertyDeskUser user = Users.withRole(role, site.id());
            mvc.perform(get("/records/import").with(as(user))).andExpect(status().isForbidden());
            mvc.perform(multipart("/records/import").file(file("houses.csv", HOUSE_HEADER.getBytes(StandardCharsets.UTF_8)))
                    .param("kind", "houses").with(as(user)).with(csrf())).andExpect(status().isForbidden());
        }
    }

    private ImportPreview upload(String kind, String fileName, byte[] content) throws Exception {
        MvcResult uploaded = mvc.perform(multipart("/records/import").file(file(fileName, content)).param("kind", kind)
                        .with(session).with(as(frontDesk)).with(csrf())).andDo(session)
                .andExpect(status().is3xxRedirection()).andReturn();
        String previewUrl = uploaded.getResponse().getRedirectedUrl();
        assertThat(previewUrl).startsWith("/records/import/");
        MvcResult shown = mvc.perform(get(previewUrl).with(session).with(as(frontDesk))).andDo(session)
                .andExpect(status().isOk()).andReturn();
        return (ImportPreview) shown.getModelAndView().getModel().get("preview");
    }

    private String uploadRefused(String kind, String fileName, byte[] content) throws Exception {
        MvcResult result = mvc.perform(multipart("/records/import").file(file(fileName, content)).param("kind", kind)
                        .with(session).with(as(frontDesk)).with(csrf())).andDo(session)
                .andExpect(redirectedUrl("/records/import?kind=" + kind)).andReturn();
        return ((FlashMessage) result.getFlashMap().get("flashError")).key();
    }

    /** The summary shown after confirming, as "key [arguments]". */
    private String confirm(ImportPreview preview, boolean validRowsOnly) throws Exception {
        MvcResult result = mvc.perform(post("/records/import/" + preview.upload().token())
                        .param("validRowsOnly", String.valueOf(validRowsOnly))
                        .with(session).with(as(frontDesk)).with(csrf())).andDo(session)
                .andExpect(status().is3xxRedirection()).andReturn();
        FlashMessage success = (FlashMessage) result.getFlashMap().get("flashSuccess");
        assertThat(success).as("import summary, error was %s", result.getFlashMap().get("flashError")).isNotNull();
        return success.key() + " " + Arrays.toString(success.arguments());
    }

    private static String done(int created, int updated, int unchanged, int skipped) {
        return "imports.done " + Arrays.toString(new Object[] {created, updated, unchanged, skipped});
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content);
    }

    private Map<String, Object> house(String code) {
        return jdbc.sql("select * from house where site_id = ? and code = ?").params(site.id(), code).query().singleRow();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
