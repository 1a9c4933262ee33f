package org.propertydesk.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.staff.StaffService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Journey 6: a manager reads the dashboard of their site. Today's work shows what came in and what broke a target,
 * with the charts drawn; last month's dashboard shows its breaches, a click on that count lists exactly those
 * requests, and the monthly report downloaded from the page carries the same received and breach figures.
 */
class ManagerDashboardJourneyTest extends BrowserJourneyTest {

    private static final String JOURNEY = "manager-dashboard";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffService staff;

    @Autowired
    Dates dates;

    @Test
    void managerReadsTodayAndLastMonthAndDownloadsTheMonthlyReport() throws Exception {
        ManagerDashboardData data = new ManagerDashboardData(jdbc, staff, dates.zone());
        ManagerDashboardData.Site site = data.site();
        String manager = data.managerOf(site);
        LocalDate today = dates.today();
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);

        // Today: three requests in, one acknowledged after its target (times spread over the part of today gone by).
        Instant startOfToday = today.atStartOfDay(dates.zone()).toInstant();
        Duration soFar = Duration.between(startOfToday, dates.now());
        Instant early = startOfToday.plus(soFar.multipliedBy(2).dividedBy(10));
        data.request(site, "INQUIRY", "FEES", early).dueAcknowledge(early.plus(soFar.dividedBy(10)))
                .acknowledged(early.plus(soFar.dividedBy(20))).save();
        Instant later = startOfToday.plus(soFar.multipliedBy(4).dividedBy(10));
        data.request(site, "COMPLAINT", "NOISE", later).dueAcknowledge(later.plus(soFar.dividedBy(20)))
                .acknowledged(later.plus(soFar.dividedBy(10))).save();
        Instant latest = startOfToday.plus(soFar.multipliedBy(6).dividedBy(10));
        data.request(site, "REPAIR", "PLUMBING", latest).dueAcknowledge(latest.plus(Duration.ofDays(1))).save();

        // Last month: five requests in, three of them past a target (acknowledged late, never resolved, arrived late).
        LocalDate d = lastMonth.atDay(1);
        data.request(site, "INQUIRY", "FEES", data.at(d.plusDays(2), "09:00"))
                .acknowledged(data.at(d.plusDays(2), "09:10")).resolved(data.at(d.plusDays(2), "15:00")).save();
        String acknowledgedLate = data.request(site, "COMPLAINT", "NOISE", data.at(d.plusDays(7), "10:00"))
                .acknowledged(data.at(d.plusDays(7), "11:00")).resolved(data.at(d.plusDays(8), "10:00")).save();
        String neverResolved = data.request(site, "COMPLAINT", "NOISE", data.at(d.plusDays(11), "14:00"))
                .acknowledged(data.at(d.plusDays(11), "14:05")).save();
        Instant atIntake = data.at(d.plusDays(19), "08:00");
        data.request(site, "INQUIRY", "FEES", atIntake).acknowledged(atIntake).resolved(atIntake).save();
        String arrivedLate = data.request(site, "REPAIR", "PLUMBING", data.at(d.plusDays(24), "16:00"))
                .acknowledged(data.at(d.plusDays(24), "16:10")).dueArrival(data.at(d.plusDays(24), "18:00"))
                .arrived(data.at(d.plusDays(24), "19:00")).resolved(data.at(d.plusDays(24), "20:00")).save();
        // The month before: a breach that is not last month's.
        LocalDate before = lastMonth.minusMonths(1).atDay(20);
        data.request(site, "COMPLAINT", "NOISE", data.at(before, "10:00"))
                .acknowledged(data.at(before, "12:00")).resolved(data.at(before, "13:00")).save();

        // 1. The manager opens the dashboard from the menu.
        browser.logIn(manager, "demo");
        assertThat(browser.htmlLang()).as("Chinese is the default language").isEqualTo("zh-CN");
        WebElement menu = browser.findAll("#mainNav a.nav-link").stream()
                .filter(link -> "看板".equals(link.getText().strip())).findFirst()
                .orElseThrow(() -> new AssertionError("no 看板 in the menu: " + browser.texts("#mainNav a.nav-link")));
        browser.clickAndLoad(menu);
        assertThat(browser.path()).startsWith("/dashboard");
        assertThat(browser.find("h1").getText()).isEqualTo("数据看板");
        assertNoRawKeys("dashboard, last 30 days");
        browser.checkAccessibility("dashboard, last 30 days");

        // 2. Today's work.
        new Select(browser.find("#period")).selectByValue("TODAY");
        browser.clickAndLoad(browser.find("#dashboard-filter button[type=submit]"));
        assertThat(browser.path()).contains("period=TODAY");
        assertThat(browser.find("#kpis").getText()).contains("受理量").contains("超时工单");
        assertThat(scope()).contains(today + " 至 " + today).contains(site.name());
        assertThat(figure("#kpi-received")).as("received today").isEqualTo(3);
        assertThat(figure("#kpi-breaches")).as("breaches today").isEqualTo(1);
        assertChartsDrawn(3);
        assertNoRawKeys("dashboard, today");
        browser.screenshot(JOURNEY, "01-dashboard-today");
        browser.checkAccessibility("dashboard, today");

        // 3. Last month, for the site.
        WebElement siteBox = browser.find("#dashboard-filter input[name=sites][value='" + site.id() + "']");
        browser.click("#dashboard-filter label[for='" + siteBox.getDomAttribute("id") + "']");
        browser.waitUntil(driver -> siteBox.isSelected());
        new Select(browser.find("#period")).selectByValue("MONTH");
        browser.clickAndLoad(browser.find("#dashboard-filter button[type=submit]"));
        assertThat(browser.path()).contains("period=MONTH").contains("sites=" + site.id());
        assertThat(scope()).contains(lastMonth.atDay(1) + " 至 " + lastMonth.atEndOfMonth()).contains(site.name());
        long received = figure("#kpi-received");
        long breaches = figure("#kpi-breaches");
        assertThat(received).as("received last month").isEqualTo(5);
        assertThat(breaches).as("breaches last month").isEqualTo(3);
        assertChartsDrawn(received);
        assertNoRawKeys("dashboard, last month");
        browser.screenshot(JOURNEY, "02-dashboard-last-month");
        browser.checkAccessibility("dashboard, last month");

        // 4. The breach count lists exactly those requests.
        browser.clickAndLoad(browser.find("#kpi-breaches a.dash-count"));
        assertThat(browser.path()).startsWith("/dashboard/requests").contains("drill=BREACHED");
        assertThat(browser.find("#drill-heading").getText()).isEqualTo("有超时的工单");
        assertThat(browser.find("#drill-total").getText()).isEqualTo("共 " + breaches + " 张工单");
        List<String> listed = browser.texts("#drill-rows tbody tr td:first-child a");
        assertThat(listed).as("the requests behind the breach count")
                .containsExactlyInAnyOrder(acknowledgedLate, neverResolved, arrivedLate);
        assertThat(browser.findAll("#drill-rows tbody tr .badge.text-bg-danger")).as("each marked breached")
                .hasSize(listed.size());
        assertNoRawKeys("breach list");
        browser.screenshot(JOURNEY, "03-breach-list");
        browser.checkAccessibility("breach list");

        // 5. Back on the dashboard, the monthly report carries the page's figures.
        browser.clickAndLoad(browser.find("#back-to-dashboard"));
        assertThat(browser.path()).startsWith("/dashboard?").contains("period=MONTH").contains("sites=" + site.id());
        assertThat(figure("#kpi-breaches")).as("breaches, back on the dashboard").isEqualTo(breaches);
        String reportLink = browser.find("#monthly-report").getDomAttribute("href");
        assertThat(reportLink).startsWith("/dashboard/report").contains("sites=" + site.id())
                .contains("month=" + lastMonth);
        Map<String, List<String>> kpis = kpiSheet(download(reportLink));
        assertThat(kpis.get("项目")).as("site on the report").contains(site.code() + " " + site.name());
        assertThat(kpis.get("受理工单数")).as("received on the report").containsExactly("", String.valueOf(received));
        assertThat(kpis.get("超时工单数")).as("breaches on the report").containsExactly("", String.valueOf(breaches));
    }

    /** A headline figure as shown: the count that links to its list. */
    private long figure(String css) {
        return Long.parseLong(browser.find(css + " a.dash-count").getText().strip());
    }

    private String scope() {
        return browser.find("section > p.mb-2").getText();
    }

    /**
     * Chart.js drew the charts that always have something to show, and the requests over time add up to the
     * received figure.
     */
    @SuppressWarnings("unchecked")
    private void assertChartsDrawn(long received) {
        List<String> drawn = (List<String>) browser.js("return Array.from(document.querySelectorAll('canvas[data-chart]'))"
                + ".filter(c => window.Chart && Chart.getChart(c) != null).map(c => c.dataset.chart)");
        assertThat(drawn).as("charts drawn on %s", browser.path()).contains("volume", "categories", "channels", "stages");
        Number plotted = (Number) browser.js("return Chart.getChart(document.querySelector('canvas[data-chart=volume]'))"
                + ".data.datasets.flatMap(s => s.data).reduce((a, b) => a + Number(b), 0)");
        assertThat(plotted.longValue()).as("requests over time in the chart").isEqualTo(received);
    }

    private void assertNoRawKeys(String where) {
        browser.assertNoUnresolvedMessageKeys(where);
        assertThat(browser.bodyText()).as("text of %s", where).doesNotContain("dashboard.");
    }

    /** The link fetched as the browser would, with its session: headless Chromium's downloads are not worth waiting on. */
    private byte[] download(String link) throws IOException, InterruptedException {
        String cookies = browser.driver().manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + link)).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("report download").isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(XLSX));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains("attachment").contains(".xlsx"));
        return response.body();
    }

    /** The KPI sheet (指标) as text, each row's later cells under its first cell; the first row of each name wins. */
    private static Map<String, List<String>> kpiSheet(byte[] workbook) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheet("指标");
            assertThat(sheet).as("KPI sheet 指标 in the report").isNotNull();
            DataFormatter format = new DataFormatter();
            Map<String, List<String>> rows = new LinkedHashMap<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                if (!cells.isEmpty() && !Objects.equals(cells.get(0), "")) {
                    rows.putIfAbsent(cells.get(0), cells.subList(1, cells.size()));
                }
            }
            return rows;
        }
    }
}
