package org.propertydesk.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.propertydesk.support.Users.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.propertydesk.records.RecordsFixtures.SiteRef;
import org.propertydesk.shared.export.ExportFormat;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.web.Flash.FlashMessage;
import org.propertydesk.support.BrowserSession;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Exports of the house and customer lists: the user's sites only, in the import's columns, safe to open in Excel,
 * and importable again without changing anything.
 */
@WebIntegrationTest
class ExportControllerTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    RecordsFixtures fixtures;
    SiteRef site;
    SiteRef otherSite;
    long house;

    @BeforeEach
    void twoSitesWithHouses() {
        fixtures = new RecordsFixtures(context);
        site = fixtures.site();
        otherSite = fixtures.site();
        house = fixtures.house(site.id(), "3", "2", "1502");
        fixtures.house(site.id(), "B", null, "101");
        fixtures.house(otherSite.id(), "1", "1", "101");
        jdbc.sql("update house set floor = -1, handover_date = date '2024-03-01', status = 'OCCUPIED' where id = ?").param(house).update();
    }

    @Test
    void housesCsvHasTheImportColumnsAndOnlyTheUsersSites() throws Exception {
        MvcResult result = mvc.perform(get("/records/houses/export").param("format", "csv").param("lang", "en")
                        .with(as(Users.frontDesk(site.id()))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn();
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment").contains("houses-").endsWith(".csv\"");
        String csv = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFF");
        assertThat(csv.substring(1).split("\r\n")).containsExactly(
                "site_code,house,floor,area,use,status,handover_date,warranty_end",
                site.code() + ",3-2-1502,-1,89.50,Residential,Occupied,2024-03-01,",
                site.code() + ",B-101,,89.50,Residential,Vacant,,");
    }

    @Test
    void aSiteOutsideTheUsersSitesIsNotFound() throws Exception {
        mvc.perform(get("/records/houses/export").param("siteId", String.valueOf(otherSite.id())).with(as(Users.frontDesk(site.id()))))
                .andExpect(status().isNotFound());
        String csv = mvc.perform(get("/records/houses/export").param("siteId", String.valueOf(site.id())).with(as(Users.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("3-2-1502").doesNotContain(otherSite.code());
    }

    @Test
    void housesXlsxOpensWithRealNumbersAndDates() throws Exception {
        byte[] xlsx = mvc.perform(get("/records/houses/export").param("format", "xlsx").param("lang", "zh-CN")
                        .with(as(Users.frontDesk(site.id()))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", ExportFormat.XLSX.mediaType().toString()))
                .andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("房屋");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("项目编码");
            Row row = sheet.getRow(1);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("3-2-1502");
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(-1);
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(89.5);
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("住宅");
            assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(6))).isTrue();
            assertThat(row.getCell(6).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 1));
        }
    }

    @Test
    void customersCsvMasksIdNumbersForTheFrontDeskAndGuardsAgainstFormulas() throws Exception {
        String phone = RecordsFixtures.uniqueMobile();
        long customer = fixtures.customerIn(house, "=HYPERLINK(\"http://x\")", phone);
        jdbc.sql("update customer set id_number = '110101199003071234' where id = ?").param(customer).update();
        fixtures.customer(site.id(), "陈六");

        String frontDeskCsv = customersCsv(Users.frontDesk(site.id()), "zh-CN");
        String managerCsv = customersCsv(Users.manager(site.id()), "zh-CN");

        assertThat(frontDeskCsv.split("\r\n")[0]).isEqualTo("\uFEFF项目编码,姓名,类型,电话,邮箱,证件号,价值等级,房号,身份,入住日期,主要联系人");
        assertThat(frontDeskCsv).contains(site.code() + ",\"'=HYPERLINK(\"\"http://x\"\")\",个人," + phone
                + ",,**************1234,普通客户,3-2-1502,业主,")
                .contains(",是\r\n")
                .contains(site.code() + ",陈六,个人,")
                .doesNotContain("110101199003071234");
        assertThat(managerCsv).contains(",110101199003071234,");
    }

    @Test
    void anExportImportsBackUnchanged() throws Exception {
        long owner = fixtures.customerIn(house, "周七", RecordsFixtures.uniqueMobile(), RecordsFixtures.uniqueMobile());
        jdbc.sql("update customer set id_number = '11010119900307777X', email = 'zhou@example.com' where id = ?").param(owner).update();
        fixtures.moveIn(fixtures.customer(site.id(), "-吴八"), site.id(), "3-2-1502", OccupancyRole.TENANT, false);
        fixtures.customer(site.id(), "郑九");

        for (PropertyDeskUser user : List.of(Users.frontDesk(site.id()), Users.manager(site.id()))) {
            for (String format : List.of("csv", "xlsx")) {
                byte[] houses = export("/records/houses/export", format, user);
                assertThat(reimport(user, "houses", "houses." + format, houses)).isEqualTo("imports.done [0, 0, 2, 0]");
                byte[] customers = export("/records/customers/export", format, user);
                assertThat(reimport(user, "customers", "customers." + format, customers)).isEqualTo("imports.done [0, 0, 3, 0]");
            }
        }
        assertThat(fixtures.customersAt(site.id())).isEqualTo(3);
        assertThat(jdbc.sql("select id_number from customer where id = ?").param(owner).query(String.class).single())
                .isEqualTo("11010119900307777X");
    }

    @Test
    void dispatchersMayExportAndTechniciansMayNot() throws Exception {
        mvc.perform(get("/records/customers/export").with(as(Users.withRole(Role.DISPATCHER, site.id()))))
                .andExpect(status().isOk());
        mvc.perform(get("/records/houses/export").with(as(Users.withRole(Role.TECHNICIAN, site.id()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/records/customers/export").with(as(Users.withRole(Role.TECHNICIAN, site.id()))))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUnknownFormatIsABadRequest() throws Exception {
        mvc.perform(get("/records/houses/export").param("format", "pdf").with(as(Users.frontDesk(site.id()))))
                .andExpect(status().isBadRequest());
    }

    private String customersCsv(PropertyDeskUser user, String lang) throws Exception {
        return mvc.perform(get("/records/customers/export").param("format", "csv").param("lang", lang).with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private byte[] export(String url, String format, PropertyDeskUser user) throws Exception {
        return mvc.perform(get(url).param("format", format).with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private String reimport(PropertyDeskUser user, String kind, String fileName, byte[] content) throws Exception {
        BrowserSession session = new BrowserSession();
        String preview = mvc.perform(multipart("/records/import").file(new MockMultipartFile("file", fileName, null, content))
                        .param("kind", kind).with(session).with(as(user)).with(csrf())).andDo(session)
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        MvcResult result = mvc.perform(post(preview).with(session).with(as(user)).with(csrf())).andDo(session)
                .andExpect(status().is3xxRedirection()).andReturn();
        FlashMessage message = (FlashMessage) (result.getFlashMap().containsKey("flashSuccess")
                ? result.getFlashMap().get("flashSuccess") : result.getFlashMap().get("flashError"));
        return message.key() + " " + Arrays.toString(message.arguments());
    }
}
