package org.propertydesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.propertydesk.requests.Channel;
import org.propertydesk.requests.Priority;
import org.propertydesk.requests.RequestIntake;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.support.Users;
import org.propertydesk.support.WebIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Whatever anyone types into a free-text field (a customer's name, a request's description and place, a note, a
 * call summary) is shown as the text it is, on every page and fragment, and a spreadsheet export never runs it as a
 * formula.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredXssTest {

    static final String SCRIPT = "<script>alert(1)</script><img src=x onerror=alert(1)>";
    static final String SCRIPT_AS_TEXT = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example/\",\"点我\")";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    RequestIntake intake;

    SecurityData.Household household;
    PropertyDeskUser desk;
    long houseRequest;
    long placeRequest;

    @BeforeAll
    void textsWithMarkupEverywhere() throws Exception {
        SecurityData data = new SecurityData(context);
        household = data.household(SCRIPT);
        desk = Users.frontDesk(household.siteId());
        data.records().communication(household.customerId(), "来电 " + SCRIPT);
        data.records().customer(household.siteId(), FORMULA);
        houseRequest = data.request(household, "厨房漏水 " + SCRIPT);
        placeRequest = Users.callAs(desk, () -> intake.receive(new RequestIntake.NewRequest(RequestKind.REPAIR,
                "PLUMBING", Channel.PHONE, household.siteId(), Priority.NORMAL, null, null, "13800000000",
                "大堂 " + SCRIPT, "门禁坏了", null)));
        mvc.perform(post("/requests/{id}/notes", houseRequest).param("note", "备注 " + SCRIPT).with(csrf())
                        .with(Users.as(desk)))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void markupTypedIntoFreeTextIsShownAsTextOnEveryPage() throws Exception {
        Map<String, MockHttpServletRequestBuilder> pages = new LinkedHashMap<>();
        pages.put("customer page", get("/records/customers/{id}", household.customerId()));
        pages.put("lookup", get("/records/lookup").param("q", "1-1-0101"));
        pages.put("lookup results", get("/records/lookup").param("q", "1-1-0101").header("HX-Request", "true"));
        pages.put("house page", get("/records/houses/{id}", household.houseId()));
        pages.put("customer's requests", get("/requests/customer/{id}", household.customerId()).header("HX-Request", "true"));
        pages.put("house's requests", get("/requests/house/{id}", household.houseId()).header("HX-Request", "true"));
        pages.put("request at the house", get("/requests/{id}", houseRequest));
        pages.put("request at a place", get("/requests/{id}", placeRequest));
        pages.put("open queue", get("/requests").param("siteId", String.valueOf(household.siteId())));
        pages.put("new queue", get("/requests").param("q", "NEW").param("siteId", String.valueOf(household.siteId())));

        SoftAssertions softly = new SoftAssertions();
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, MockHttpServletRequestBuilder> page : pages.entrySet()) {
            MockHttpServletResponse response = mvc.perform(page.getValue().with(Users.as(desk))
                            .cookie(new Cookie("pd_lang", "en")))
                    .andReturn().getResponse();
            String html = response.getContentAsString();
            String what = page.getKey() + " (" + response.getStatus() + ")";
            softly.assertThat(response.getStatus()).as(what).isEqualTo(200);
            softly.assertThat(html).as(what).doesNotContain("<script>alert", "<img src=x", "onerror=alert(1)>");
            if (html.contains(SCRIPT_AS_TEXT)) {
                shown.add(page.getKey());
            }
        }
        softly.assertAll();
        assertThat(shown).as("pages showing the texts (escaped)").hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void theRequestPageShowsTheDescriptionAndTheNoteAsText() throws Exception {
        String html = mvc.perform(get("/requests/{id}", houseRequest).with(Users.as(desk)))
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("厨房漏水 " + SCRIPT_AS_TEXT).contains("备注 " + SCRIPT_AS_TEXT);
    }

    @Test
    void theCustomerPageShowsTheNameAndTheCallSummaryAsText() throws Exception {
        String html = mvc.perform(get("/records/customers/{id}", household.customerId()).with(Users.as(desk)))
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains(SCRIPT_AS_TEXT).contains("来电 " + SCRIPT_AS_TEXT);
    }

    @Test
    void aCsvExportNeverStartsACellWithAFormula() throws Exception {
        for (String url : List.of("/records/customers/export", "/requests/export")) {
            MockHttpServletResponse response = mvc.perform(get(url).param("siteId", String.valueOf(household.siteId()))
                            .param("q", "NEW").with(Users.as(desk)))
                    .andReturn().getResponse();
            String csv = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);

            assertThat(response.getContentType()).as(url).startsWith("text/csv");
            assertThat(response.getHeader("Content-Disposition")).as(url).startsWith("attachment");
            assertThat(csv).as(url).doesNotContainPattern("(^|,|\\n)\"?[=+@-][A-Z]");
        }
        String customers = new String(mvc.perform(get("/records/customers/export")
                        .param("siteId", String.valueOf(household.siteId())).with(Users.as(desk)))
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(customers).contains("'=HYPERLINK(").contains(SCRIPT);
    }

    @Test
    void aWorkbookExportHoldsTheFormulaAsTextNeverAsAFormula() throws Exception {
        byte[] xlsx = mvc.perform(get("/records/customers/export").param("format", "xlsx")
                        .param("siteId", String.valueOf(household.siteId())).with(Users.as(desk)))
                .andReturn().getResponse().getContentAsByteArray();

        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            texts.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        assertThat(texts).anyMatch(text -> text.contains("HYPERLINK(")).contains(SCRIPT);
    }
}
