package org.propertydesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.support.ClockedIntegrationTest;
import org.propertydesk.support.Html;
import org.propertydesk.support.MutableClock;
import org.propertydesk.support.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manager's dashboard page and the lists behind its figures. The clock stands on 25 March 2026; the figures are
 * for February. The site had three requests in February, each due to be acknowledged within 30 minutes: a repair at
 * house "D1-1502" acknowledged after an hour, a repair acknowledged after 10 minutes and an inquiry after 45 minutes;
 * a complaint on 31 January and a repair in March fall outside the month.
 */
@ClockedIntegrationTest
class DashboardPagesTest {

    private static final Cookie ENGLISH = new Cookie("pd_lang", "en");
    private static final Cookie CHINESE = new Cookie("pd_lang", "zh-CN");

    @Autowired
    DashboardPageData data;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    long site;
    long house;
    PropertyDeskUser manager;
    DashboardPageData.Request lateRepair;
    DashboardPageData.Request timelyRepair;
    DashboardPageData.Request lateInquiry;
    DashboardPageData.Request januaryComplaint;
    DashboardPageData.Request marchRepair;

    @BeforeEach
    void aSiteWithFebruaryRequests() {
        clock.set("2026-03-25T10:00");
        site = data.site();
        house = data.house(site, "D1");
        manager = Users.manager(site);
        lateRepair = data.request(site, house, "REPAIR", "PLUMBING", "2026-02-03T09:00", 60);
        timelyRepair = data.request(site, null, "REPAIR", "ELECTRICAL", "2026-02-03T14:00", 10);
        lateInquiry = data.request(site, null, "INQUIRY", "FEES", "2026-02-10T11:00", 45);
        januaryComplaint = data.request(site, null, "COMPLAINT", "NOISE", "2026-01-31T23:30", 90);
        marchRepair = data.request(site, null, "REPAIR", "PLUMBING", "2026-03-02T09:00", 90);
    }

    @Nested
    class TheDashboard {

        @Test
        void showsTheMonthsFiguresForTheManagersSiteEachLinkedToItsList() throws Exception {
            String html = page(february(), manager, ENGLISH);

            assertThat(html).contains("2026-02-01 – 2026-02-28 (28 days)", data.siteName(site));
            assertThat(link(html, "kpi-received")).containsExactly(
                    "/dashboard/requests?drill=RECEIVED&sites=" + site + "&period=MONTH&month=2026-02", "3");
            assertThat(link(html, "kpi-breaches")).containsExactly(
                    "/dashboard/requests?drill=BREACHED&sites=" + site + "&period=MONTH&month=2026-02", "2");
            assertThat(links(html, "stage-ACKNOWLEDGE")).containsExactly(
                    "/dashboard/requests?drill=ACKNOWLEDGE_ON_TIME&sites=" + site + "&period=MONTH&month=2026-02", "1",
                    "/dashboard/requests?drill=ACKNOWLEDGE_BREACHED&sites=" + site + "&period=MONTH&month=2026-02", "2");
        }

        @Test
        void showsResponseTimesAsMeanMedianAndNinetiethPercentileWithTheOnTimeShare() throws Exception {
            String html = page(february(), manager, ENGLISH);

            // Acknowledged after 60, 10 and 45 minutes; one of three within the 30-minute target.
            String allKinds = row(element(html, "response-times"), "All kinds");
            assertThat(allKinds).contains(">3<", ">38.3<", ">45.0<", ">57.0<", "33.3%");
            assertThat(row(element(html, "response-times"), "Complaint")).contains(">0<", "—");
            assertThat(html).contains("47 minutes");
        }

        @Test
        void aShareWithNothingToShareShowsADash() throws Exception {
            String html = page(february(), manager, ENGLISH);

            assertThat(element(html, "quality-promises")).contains("—", ">0</a>");
        }

        @Test
        void offersTheMonthlyReportForOneSiteAndAMonthOnly() throws Exception {
            assertThat(page(february(), manager, ENGLISH))
                    .contains("href=\"/dashboard/report?sites=" + site + "&amp;month=2026-02\"");
            assertThat(page(get("/dashboard").param("period", "DAYS_30"), manager, ENGLISH)).doesNotContain("/dashboard/report");
        }

        @Test
        void carriesTheChartsDataWithTranslatedLabelsAndTheNationalIndex() throws Exception {
            String holder = element(page(february(), manager, ENGLISH), "dashboard-data");
            JsonNode charts = json.readTree(Html.unescape(holder.replaceAll("(?s)^.*data-charts=\"([^\"]*)\".*$", "$1")));

            JsonNode volume = charts.get("volume");
            assertThat(volume.get("labels")).hasSize(28);
            assertThat(volume.get("labels").get(2).asString()).isEqualTo("2026-02-03");
            assertThat(volume.get("datasets").get(1).get("label").asString()).isEqualTo("Repair");
            assertThat(volume.get("datasets").get(1).get("data").get(2).asLong()).isEqualTo(2);
            assertThat(charts.get("stages").get("labels").get(0).asString()).isEqualTo("Acknowledge");
            assertThat(charts.get("ratings").get("datasets").get(1).get("data").get(0).decimalValue())
                    .isEqualByComparingTo("72.3");
            assertThat(page(february(), manager, CHINESE)).contains("&quot;label&quot;:&quot;报修&quot;");
            mvc.perform(get("/webjars/chart.js/dist/chart.umd.js")).andExpect(status().isOk());
            mvc.perform(get("/js/dashboard.js")).andExpect(status().isOk());
        }

        @Test
        void anotherManagersSiteIsNotFound() throws Exception {
            long other = data.site();

            mvc.perform(get("/dashboard").param("sites", String.valueOf(other)).with(Users.as(manager)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/dashboard/requests").param("sites", String.valueOf(other)).with(Users.as(manager)))
                    .andExpect(status().isNotFound());
        }

        @Test
        void theFrontDeskAndTechniciansMayNotOpenIt() throws Exception {
            for (PropertyDeskUser user : List.of(Users.frontDesk(site), Users.withRole(Role.TECHNICIAN, site))) {
                mvc.perform(get("/dashboard").with(Users.as(user))).andExpect(status().isForbidden());
                mvc.perform(get("/dashboard/requests").param("drill", "BREACHED").with(Users.as(user)))
                        .andExpect(status().isForbidden());
            }
        }
    }

    @Nested
    class APeriodThatIsNotOne {

        @Test
        void aLastDayBeforeTheFirstIsRefusedAtTheLastDayInChineseAndEnglish() throws Exception {
            MockHttpServletRequestBuilder backwards = get("/dashboard").param("period", "CUSTOM")
                    .param("from", "2026-02-10").param("to", "2026-02-01");

            perform(backwards, manager, CHINESE).andExpect(status().isOk())
                    .andExpect(Html.errorAt("to", "结束日期不能早于开始日期。"));
            perform(get("/dashboard").param("period", "CUSTOM").param("from", "2026-02-10").param("to", "2026-02-01"),
                    manager, ENGLISH).andExpect(status().isOk())
                    .andExpect(Html.errorAt("to", "The last day must not be before the first day."));
        }

        @Test
        void moreThan366DaysAreRefused() throws Exception {
            perform(get("/dashboard").param("period", "CUSTOM").param("from", "2025-01-01").param("to", "2026-01-02"),
                    manager, ENGLISH).andExpect(status().isOk())
                    .andExpect(Html.errorAt("to", "A period covers at most 366 days."));
        }

        @Test
        void aCustomPeriodWithoutItsFirstDayAsksForIt() throws Exception {
            perform(get("/dashboard").param("period", "CUSTOM").param("to", "2026-02-01"), manager, ENGLISH)
                    .andExpect(status().isOk())
                    .andExpect(Html.errorAt("from", "Give both the first and the last day."));
        }

        @Test
        void anUnknownPresetOrAnUnreadableDateIsShownAtItsField() throws Exception {
            perform(get("/dashboard").param("period", "FORTNIGHT"), manager, ENGLISH).andExpect(status().isOk())
                    .andExpect(Html.errorAt("period", "Not a valid value."));
            perform(get("/dashboard").param("period", "CUSTOM").param("from", "yesterday").param("to", "2026-02-01"),
                    manager, ENGLISH).andExpect(status().isOk())
                    .andExpect(Html.errorAt("from", "Enter a date as yyyy-mm-dd."));
        }

        @Test
        void onTheListItSaysWhyAndLeadsBack() throws Exception {
            String html = perform(get("/dashboard/requests").param("drill", "BREACHED").param("period", "CUSTOM")
                    .param("from", "2026-02-10").param("to", "2026-02-01"), manager, ENGLISH)
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

            assertThat(html).contains("The last day must not be before the first day.",
                    "href=\"/dashboard?period=CUSTOM&amp;from=2026-02-10&amp;to=2026-02-01\"");
        }
    }

    @Nested
    class TheListBehindAFigure {

        @Test
        void theBreachCountLeadsToExactlyTheBreachedRequests() throws Exception {
            String dashboard = page(february(), manager, ENGLISH);
            String href = link(dashboard, "kpi-breaches").get(0);

            String list = page(get(href), manager, ENGLISH);

            assertThat(element(list, "drill-heading")).contains("Requests with an SLA breach");
            assertThat(list).contains("2 requests", "2026-02-01 – 2026-02-28 (28 days)");
            assertThat(numbers(list)).containsExactly(lateInquiry.number(), lateRepair.number());
            assertThat(list).contains("href=\"/requests/" + lateRepair.id() + "\"", "D1-1502", "Plumbing", "Breached")
                    .contains("href=\"/dashboard?sites=" + site + "&amp;period=MONTH&amp;month=2026-02\"")
                    .contains("href=\"/dashboard/requests/export?format=csv&amp;drill=BREACHED&amp;sites=" + site
                            + "&amp;period=MONTH&amp;month=2026-02\"")
                    .contains("href=\"/dashboard/requests/export?format=xlsx&amp;drill=BREACHED&amp;sites=" + site
                            + "&amp;period=MONTH&amp;month=2026-02\"");
        }

        @Test
        void aSliceIsNamedInTheReadersLanguage() throws Exception {
            String href = links(page(february(), manager, CHINESE), "volume-by-kind").get(2);
            assertThat(href).contains("drill=RECEIVED&kind=REPAIR");

            String list = page(get(href), manager, CHINESE);

            assertThat(element(list, "drill-slice")).contains("报修");
            assertThat(numbers(list)).containsExactly(timelyRepair.number(), lateRepair.number());
            assertThat(list).contains("水管/给排水");
        }

        @Test
        void aHouseOfAnotherSiteIsNotFound() throws Exception {
            long otherHouse = data.house(data.site(), "D9");

            mvc.perform(get("/dashboard/requests").param("drill", "REPEATS").param("houseId", String.valueOf(otherHouse))
                    .with(Users.as(manager))).andExpect(status().isNotFound());
        }

        @Test
        void pagesThirtyAtATimeKeepingTheChoice() throws Exception {
            long busy = data.site();
            PropertyDeskUser busyManager = Users.manager(busy);
            for (int day = 1; day <= 31; day++) {
                data.request(busy, null, "INQUIRY", "FEES", "2026-01-%02dT10:00".formatted(day), 5);
            }
            String january = "/dashboard/requests?drill=RECEIVED&sites=" + busy + "&period=MONTH&month=2026-01";

            String first = page(get(january), busyManager, ENGLISH);
            assertThat(numbers(first)).hasSize(30);
            assertThat(first).contains("31 requests", "href=\"" + january.replace("&", "&amp;") + "&amp;page=1\"");

            String second = page(get(january + "&page=1"), busyManager, ENGLISH);
            assertThat(numbers(second)).hasSize(1).doesNotContainAnyElementsOf(numbers(first));
        }

        @Test
        void anUnknownFigureOrAnUnreadableNumberIsABadRequest() throws Exception {
            perform(get("/dashboard/requests").param("drill", "EVERYTHING"), manager, ENGLISH)
                    .andExpect(status().isBadRequest());
            perform(get("/dashboard/requests").param("drill", "TECHNICIAN_JOBS").param("staffId", "abc"), manager, ENGLISH)
                    .andExpect(status().isBadRequest());
            perform(get("/dashboard/requests").param("drill", "RECEIVED").param("page", "x"), manager, ENGLISH)
                    .andExpect(status().isBadRequest());
        }
    }

    private MockHttpServletRequestBuilder february() {
        return get("/dashboard").param("sites", String.valueOf(site)).param("period", "MONTH").param("month", "2026-02");
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, PropertyDeskUser user, Cookie language)
            throws Exception {
        return mvc.perform(request.with(Users.as(user)).cookie(language));
    }

    private String page(MockHttpServletRequestBuilder request, PropertyDeskUser user, Cookie language) throws Exception {
        return perform(request, user, language).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The element with this id, from its start tag to its end tag. */
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

    /** The table row whose first cell reads {@code label}. */
    private static String row(String table, String label) {
        Matcher rows = Pattern.compile("(?s)<tr[^>]*>\\s*<td[^>]*>" + Pattern.quote(label) + "</td>.*?</tr>").matcher(table);
        assertThat(rows.find()).as("row %s", label).isTrue();
        return rows.group();
    }

    /** The first link in the element: its address and text. */
    private static List<String> link(String html, String id) {
        return links(html, id).subList(0, 2);
    }

    /** Every link in the element, as address and text one after the other. */
    private static List<String> links(String html, String id) {
        Matcher anchors = Pattern.compile("<a[^>]*href=\"([^\"]*)\"[^>]*>([^<]*)</a>").matcher(element(html, id));
        List<String> found = new ArrayList<>();
        while (anchors.find()) {
            found.add(Html.unescape(anchors.group(1)));
            found.add(anchors.group(2).trim());
        }
        return found;
    }

    /** The request numbers the list shows, in order. */
    private static List<String> numbers(String html) {
        Matcher numbers = Pattern.compile("<a href=\"/requests/\\d+\">([^<]+)</a>").matcher(element(html, "drill-rows"));
        List<String> found = new ArrayList<>();
        while (numbers.find()) {
            found.add(numbers.group(1));
        }
        return found;
    }
}
