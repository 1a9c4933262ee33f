package org.propertydesk.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.propertydesk.support.ApiClient;

/**
 * Journey 4: the front desk calls back. A noise complaint at 翠湖苑, acknowledged and resolved, is due for a callback;
 * the front desk finds it in the queue, two calls fail, the third reaches the owner, who says the noise goes on: the
 * request reopens and escalates, with the owner's words on its timeline and in its callback section. The manager is
 * told, and reads last quarter's survey results: the index per site and service line and the response rate.
 */
class CallbackJourneyTest extends BrowserJourneyTest {

    private static final String JOURNEY = "callback";
    private static final String COMPLAINT = "噪音问题仍然存在";

    @Test
    void frontDeskCallsBackAnUnsatisfiedOwnerAndTheRequestReopens() throws Exception {
        // 1. A noise complaint, taken in, acknowledged and resolved through the API: its callback is due.
        Map<String, Object> created = resolvedNoiseComplaint();
        String number = (String) created.get("number");
        long requestId = ((Number) created.get("id")).longValue();

        // 2. The front desk finds it in the callback queue (everything due, 翠湖苑).
        browser.logIn("frontdesk", "demo");
        browser.open("/callbacks");
        browser.find("table thead");
        browser.screenshot(JOURNEY, "01-queue-today");
        browser.checkAccessibility("callback queue, today");

        browser.clickAndLoad(browser.find(".nav-pills a.nav-link[href*='when=DUE']"));
        assertThat(browser.find(".nav-pills a.nav-link.active").getText()).contains("全部待回访");
        Select site = new Select(browser.find("#siteId"));
        WebElement html = browser.find("html");
        site.selectByVisibleText("翠湖苑");
        browser.waitUntil(ExpectedConditions.stalenessOf(html));
        browser.waitForPage();
        assertThat(browser.path()).contains("when=DUE").contains("siteId=");
        WebElement row = queueRow(number);
        String rowText = row.getText();
        assertThat(rowText).as("queue row of %s", number).contains("投诉").contains("噪音").contains("已劝导楼上住户")
                .contains("陈晓静").contains("待回访");
        browser.scrollTo(row);
        browser.screenshot(JOURNEY, "02-queue-due-row");
        browser.checkAccessibility("callback queue, all due");

        browser.clickAndLoad(row.findElement(By.cssSelector("a[href^='/callbacks/']")));
        assertThat(browser.path()).matches("/callbacks/\\d+");
        String callbackPath = browser.path();
        assertThat(browser.find("h1").getText()).contains(number).contains("待回访");
        assertThat(browser.find("main").getText()).contains("噪音").contains("已劝导楼上住户").contains("0 / 3");
        assertThat(browser.findAll(".callback-attempt")).as("no calls yet").isEmpty();
        browser.screenshot(JOURNEY, "03-callback-page");
        browser.checkAccessibility("callback page, no calls yet");

        // Two calls that do not reach the owner.
        failedCall(callbackPath, "NO_ANSWER", "无人接听", "响铃一分钟无人接", number);
        failedCall(callbackPath, "WRONG_NUMBER", "号码错误", "对方说打错了", number);
        browser.open(callbackPath);
        List<String> calls = browser.texts(".callback-attempt");
        assertThat(calls).as("calls so far").hasSize(2);
        assertThat(calls.get(0)).contains("无人接听").contains("陈晓静").contains("响铃一分钟无人接");
        assertThat(calls.get(1)).contains("号码错误").contains("陈晓静").contains("对方说打错了");
        assertThat(browser.find("main").getText()).contains("2 / 3");
        browser.screenshot(JOURNEY, "04-callback-two-failed-calls");
        browser.checkAccessibility("callback page after two failed calls");

        // The third call reaches the owner: not solved, unsatisfied.
        WebElement reached = browser.find("form[action$='/reached']");
        clickRadio(reached, "solved", "false");
        clickRadio(reached, "satisfaction", "UNSATISFIED");
        reached.findElement(By.id("comment")).sendKeys(COMPLAINT);
        reached.findElement(By.id("note")).sendKeys("业主换了新号码，第三次接通");
        browser.scrollTo(reached);
        // The same page as just checked by axe-core, now with the answer filled in.
        browser.screenshot(JOURNEY, "05-callback-reached-unsatisfied");
        browser.clickAndLoad(reached.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.path()).startsWith("/callbacks");
        assertThat(browser.find(".alert-success").getText()).as("flash after the unsatisfied answer")
                .contains(number).contains("重开").contains("升级");
        browser.screenshot(JOURNEY, "06-queue-reopened-flash");

        // 3. The request is back at work, with the owner's words on its timeline and in its callback section.
        browser.open("/requests/" + requestId);
        assertThat(browser.find("h1").getText()).contains(number).contains("已重开");
        List<String> timeline = browser.texts(".timeline li");
        assertThat(timeline).as("timeline of %s", number)
                .anySatisfy(entry -> assertThat(entry).contains("已回访").contains("未解决").contains("不满意")
                        .contains(COMPLAINT))
                .anySatisfy(entry -> assertThat(entry).contains("重开").doesNotContain("已回访").contains(COMPLAINT));
        WebElement round = browser.find(".callback-round");
        browser.waitForHtmxIdle();
        String section = round.getText();
        assertThat(section).as("callback section").contains("已回访").contains("无人接听").contains("号码错误")
                .contains("已接通").contains("未解决").contains("不满意").contains(COMPLAINT);
        assertThat(round.findElements(By.cssSelector("li"))).as("three calls in the section").hasSize(3);
        browser.assertNoUnresolvedMessageKeys("request after the callback");
        browser.scrollTo(browser.find(".timeline"));
        browser.screenshot(JOURNEY, "07-request-reopened-timeline");
        browser.scrollTo(round);
        browser.screenshot(JOURNEY, "08-request-callback-section");
        browser.checkAccessibility("request reopened by its callback");

        // 4. The manager is told, and reads last quarter's survey results.
        browser.logOut();
        browser.logIn("manager", "demo");
        WebElement bell = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bell .badge")));
        assertThat(bell.getText()).as("unread notifications on the bell").isNotBlank();
        browser.clickAndLoad(browser.find("#bell"));
        assertThat(browser.path()).startsWith("/notifications");
        assertThat(browser.texts(".list-group-item")).as("the manager's notifications")
                .anySatisfy(item -> assertThat(item).contains("升级").contains("工单 " + number + " 回访后重开")
                        .contains(COMPLAINT));
        browser.screenshot(JOURNEY, "09-manager-notifications");
        browser.checkAccessibility("manager notifications");

        browser.open("/surveys");
        WebElement closed = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//table//tr[td[2]/span[normalize-space()='已关闭']]//a[contains(@href,'/results')]")));
        browser.screenshot(JOURNEY, "10-surveys");
        browser.checkAccessibility("survey list");
        browser.clickAndLoad(closed);
        assertThat(browser.path()).matches("/surveys/\\d+/results");
        assertThat(browser.find("h1").getText()).contains("已关闭");
        assertThat(browser.find("#formula").getText()).contains("72.3");

        List<String> sites = browser.texts("#sites tbody tr");
        assertThat(sites).as("response rate and index per site").hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(s -> assertThat(s).contains("翠湖苑"))
                .allSatisfy(s -> assertThat(s).containsPattern("\\d+(\\.\\d+)?%").containsPattern("\\b\\d{1,3}\\.\\d\\b"));
        for (WebElement rate : browser.findAll("#sites tbody tr .rate")) {
            double percent = Double.parseDouble(rate.getText().replace("%", "").strip());
            assertThat(percent).as("a response rate").isGreaterThan(0).isLessThanOrEqualTo(100);
        }
        for (WebElement index : browser.findAll("#sites tbody tr .index")) {
            assertThat(Double.parseDouble(index.getText().strip())).as("a site index").isBetween(0.0, 100.0);
        }
        List<String> lines = browser.texts("#lines tbody tr");
        for (String line : List.of("客户服务", "维修", "保洁")) {
            assertThat(lines).as("index per site and line: %s at 翠湖苑", line)
                    .anySatisfy(l -> assertThat(l).contains("翠湖苑").contains(line).containsPattern("\\d{1,3}\\.\\d"));
        }
        assertThat(lines).as("totals per line over all sites").anySatisfy(l -> assertThat(l).contains("全部项目"));
        browser.assertNoUnresolvedMessageKeys("survey results");
        browser.screenshot(JOURNEY, "11-survey-results");
        browser.scrollTo(browser.find("#lines"));
        browser.screenshot(JOURNEY, "12-survey-results-lines");
        browser.checkAccessibility("survey results");
    }

    /** POST a noise complaint at 翠湖苑 as the front desk, then acknowledge and resolve it with a note. */
    private Map<String, Object> resolvedNoiseComplaint() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        HttpResponse<String> token = post(http, base + "/api/v1/auth/token", null,
                ApiClient.json("username", "frontdesk", "password", "demo"));
        assertThat(token.statusCode()).as("token: %s", token.body()).isEqualTo(200);
        String bearer = JsonPath.read(token.body(), "$.accessToken");
        HttpResponse<String> created = post(http, base + "/api/v1/requests", bearer, ApiClient.json("kind", "COMPLAINT",
                "categoryCode", "NOISE", "channel", "PHONE", "siteCode", "CHY", "priority", "NORMAL",
                "contactPhone", "13900139000", "locationText", "5号楼1单元",
                "description", "楼上每晚十一点后装修噪音，影响休息（浏览器旅程测试）"));
        assertThat(created.statusCode()).as("complaint created: %s", created.body()).isEqualTo(201);
        Map<String, Object> request = JsonPath.read(created.body(), "$");
        long id = ((Number) request.get("id")).longValue();
        HttpResponse<String> acknowledged = post(http, base + "/api/v1/requests/" + id + "/acknowledge", bearer,
                ApiClient.json("note", "已致电业主，了解噪音情况"));
        assertThat(acknowledged.statusCode()).as("acknowledged: %s", acknowledged.body()).isEqualTo(200);
        HttpResponse<String> resolved = post(http, base + "/api/v1/requests/" + id + "/resolve", bearer,
                ApiClient.json("note", "已劝导楼上住户，承诺晚十点后停止施工"));
        assertThat(resolved.statusCode()).as("resolved: %s", resolved.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(resolved.body(), "$.status")).isEqualTo("RESOLVED");
        return request;
    }

    private static HttpResponse<String> post(HttpClient http, String url, String bearer, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The queue row of a request, paging on with the pager's "next" link until it shows. */
    private WebElement queueRow(String number) {
        By row = By.xpath("//table//tr[td[1]/a[normalize-space()='" + number + "']]");
        for (int page = 0; page < 20; page++) {
            List<WebElement> found = browser.driver().findElements(row);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Optional<WebElement> next = browser.findAll("nav .pagination li.page-item:not(.disabled):last-child a")
                    .stream().findFirst();
            if (next.isEmpty()) {
                break;
            }
            browser.clickAndLoad(next.get());
        }
        throw new AssertionError(number + " not in the callback queue " + browser.path() + ": "
                + browser.texts("table tbody tr td:first-child"));
    }

    /** Records a call that did not reach the owner, back in the queue with its confirmation. */
    private void failedCall(String callbackPath, String outcome, String label, String note, String number) {
        if (!browser.path().equals(callbackPath)) {
            browser.open(callbackPath);
        }
        WebElement form = browser.find("form[action$='/attempts']");
        clickRadio(form, "outcome", outcome);
        form.findElement(By.id("attemptNote")).sendKeys(note);
        browser.clickAndLoad(form.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.path()).startsWith("/callbacks");
        assertThat(browser.find(".alert-success").getText()).as("flash after %s", outcome)
                .contains(number).contains(label);
    }

    /** Checks a radio of a form through its label, as a person clicks it. */
    private void clickRadio(WebElement form, String name, String value) {
        WebElement radio = form.findElement(By.cssSelector("input[type=radio][name='" + name + "'][value='" + value + "']"));
        WebElement label = form.findElement(By.cssSelector("label[for='" + radio.getDomAttribute("id") + "']"));
        browser.scrollTo(label);
        label.click();
        browser.waitUntil(d -> radio.isSelected());
    }
}
