package org.propertydesk.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.propertydesk.support.ApiClient;

/**
 * Journeys 2 and 3: a dispatcher assigns an urgent repair from the board in one click to the suggested on-duty
 * plumber; the plumber, on a 390×844 phone screen, accepts, arrives, pauses for a part, resumes and completes with a
 * material, a photo and a charge; the request then shows each step with its time and whether arrival met the target.
 */
class DispatchJourneyTest extends BrowserJourneyTest {

    private static final String JOURNEY = "dispatch";
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    /** The demo technicians (see {@code DemoDispatch}): display name to username; all have the password "demo". */
    private static final Map<String, String> DEMO_TECHNICIANS = Map.of(
            "张师傅", "technician", "李建国", "tech-li", "赵磊", "tech-zhao", "郑秀英", "tech-zheng",
            "冯海", "tech-feng", "钱志强", "tech-qian", "孙浩然", "tech-sun", "周文斌", "tech-zhou",
            "吴俊杰", "tech-wu", "陈刚", "tech-chen");

    @AfterEach
    void backToDesktopSize() {
        browser.driver().manage().window().setSize(DESKTOP);
    }

    @Test
    void dispatcherAssignsAndTechnicianCompletesOnAPhone() throws Exception {
        // 1. An urgent plumbing repair at 翠湖苑, taken in through the API as an integration would.
        Map<String, Object> created = createUrgentPlumbingRepair();
        String number = (String) created.get("number");
        long requestId = ((Number) created.get("id")).longValue();

        // 2. The dispatcher filters the board to urgent unassigned work and assigns in one click.
        browser.logIn("dispatcher", "demo");
        browser.open("/dispatch?unassigned=true&priority=URGENT");
        WebElement row = boardRow(number);
        assertThat(row.getDomAttribute("class")).as("an unassigned row is marked").contains("unassigned");
        List<WebElement> suggestions = row.findElements(
                By.cssSelector("form[action$='/work-orders'] button[type=submit]"));
        assertThat(suggestions).as("suggested technicians for %s", number).isNotEmpty();
        WebElement first = suggestions.get(0);
        assertThat(first.getDomAttribute("class")).as("the first suggestion is on duty with the skill")
                .contains("btn-primary");
        assertThat(first.getDomAttribute("title")).as("why the first suggestion ranks first")
                .contains("具备技能").containsAnyOf("当前在班", "应急值班");
        String plumbing = browser.findAll("#categoryId option").stream()
                .filter(option -> "水管/给排水".equals(option.getText().strip())).findFirst()
                .map(option -> option.getDomAttribute("value")).orElseThrow();
        String buttonText = first.getText();
        String technician = DEMO_TECHNICIANS.keySet().stream().filter(buttonText::contains).findFirst()
                .orElseThrow(() -> new AssertionError("no demo technician named on '" + buttonText + "'"));
        browser.screenshot(JOURNEY, "01-board-urgent-unassigned");
        browser.checkAccessibility("dispatch board");

        browser.clickAndLoad(first);
        assertThat(browser.path()).startsWith("/dispatch");
        assertThat(browser.find(".alert-success").getText()).as("assignment confirmed")
                .contains(number).contains(technician);
        browser.screenshot(JOURNEY, "02-board-assigned");
        browser.checkAccessibility("dispatch board after assigning");
        // Back on the whole board (the filter is not kept): narrowed again to urgent plumbing, the row shows who has it.
        browser.open("/dispatch?priority=URGENT&categoryId=" + plumbing);
        assertThat(boardRow(number).getText()).as("the board shows who has it").contains(technician).contains("待接单");

        // 3. The plumber, on a phone.
        browser.logOut();
        phoneSize();
        browser.logIn(DEMO_TECHNICIANS.get(technician), "demo");
        assertThat(browser.path()).as("technicians start on their jobs").startsWith("/work");
        WebElement card = browser.findAll("#jobs a.stretched-link").stream()
                .filter(link -> number.equals(link.getText().strip())).findFirst()
                .orElseThrow(() -> new AssertionError(number + " not among " + browser.texts("#jobs a.stretched-link")));
        assertThat(innerWidth()).as("phone viewport").isEqualTo(PHONE.getWidth());
        assertNoHorizontalScroll("my jobs");
        browser.screenshot(JOURNEY, "03-phone-my-jobs");
        browser.checkAccessibility("my jobs (phone)");

        browser.clickAndLoad(card);
        assertThat(browser.path()).matches("/work/\\d+");
        String jobPath = browser.path();
        assertThat(browser.find("h1").getText()).isEqualTo(number);
        assertThat(browser.bodyText()).contains("待接单");
        assertNoHorizontalScroll("job, assigned");
        browser.screenshot(JOURNEY, "04-phone-job-assigned");
        browser.checkAccessibility("job, assigned (phone)");

        step("form[action$='/accept'] button[type=submit]", "已接单");
        browser.screenshot(JOURNEY, "05-phone-job-accepted");
        browser.checkAccessibility("job, accepted (phone)");

        step("form[action$='/arrive'] button[type=submit]", "已记录到场");
        assertNoHorizontalScroll("job, on site");
        browser.screenshot(JOURNEY, "06-phone-job-on-site");
        browser.checkAccessibility("job, on site (phone)");

        // Pause for a part.
        browser.click("button[data-bs-target='#pauseForm']");
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pauseForm #reason")))
                .sendKeys("等待配件");
        browser.screenshot(JOURNEY, "07-phone-pause-form");
        step("#pauseForm button[type=submit]", "已暂停");
        assertThat(browser.find(".alert-warning").getText()).contains("等待配件");
        browser.screenshot(JOURNEY, "08-phone-job-paused");
        browser.checkAccessibility("job, paused (phone)");

        step("form[action$='/resume'] button[type=submit]", "已继续维修");

        // Complete with the work done, a material, a charge, who confirmed, and an after photo.
        browser.click("button[data-bs-target='#completeForm']");
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("workDone")))
                .sendKeys("更换角阀，试水无渗漏（浏览器旅程测试）");
        browser.find("#labourMinutes").sendKeys("40");
        new Select(browser.find("[id='materials0.code']")).selectByValue("VALVE-ANGLE");
        browser.find("[id='materials0.quantity']").sendKeys("2");
        browser.find("#charge").sendKeys("120");
        WebElement paid = browser.find("#completeForm input[name=chargePaid][value=true]");
        browser.click("#completeForm label[for='" + paid.getDomAttribute("id") + "']");
        browser.waitUntil(d -> paid.isSelected());
        browser.find("#confirmedBy").sendKeys("刘女士");
        browser.find("#afterPhotos").sendKeys(photo().toString());
        assertThat(browser.find("#afterPhotos").getDomProperty("validationMessage")).isEmpty();
        assertNoHorizontalScroll("completion form");
        browser.scrollTo(browser.find("#completeForm fieldset"));
        browser.screenshot(JOURNEY, "09-phone-complete-form");
        browser.checkAccessibility("job, completion form (phone)");

        browser.clickAndLoad(browser.find("#completeForm button[type=submit]"));
        assertThat(browser.path()).as("back to my jobs after completing").isEqualTo("/work");
        assertThat(browser.find(".alert-success").getText()).contains("已完工");
        assertThat(browser.bodyText()).contains("今天已完成").contains(number);
        browser.screenshot(JOURNEY, "10-phone-completed");
        browser.checkAccessibility("my jobs after completing (phone)");

        browser.open(jobPath);
        String done = browser.find("main").getText();
        assertThat(done).contains("已完成").contains("角阀 × 2").contains("120.00").contains("刘女士");
        WebElement afterPhoto = browser.find("img.attachment-thumb");
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.js(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", afterPhoto)));
        browser.scrollTo(afterPhoto);
        browser.screenshot(JOURNEY, "11-phone-job-done");
        browser.checkAccessibility("job, completed (phone)");

        // 4. The dispatcher, at a desk, sees the whole story on the request.
        browser.logOut();
        browser.driver().manage().window().setSize(DESKTOP);
        browser.logIn("dispatcher", "demo");
        browser.open("/requests/" + requestId);
        WebElement order = browser.find(".work-order");
        browser.waitForHtmxIdle();
        assertThat(browser.find("h1").getText()).contains(number).contains("已解决");
        browser.screenshot(JOURNEY, "12-request-resolved");

        List<String> timeline = browser.texts(".timeline li");
        for (String step : List.of("已派给技术员", "技术员已接单", "技术员已到场", "暂停作业", "继续作业", "作业完成")) {
            assertThat(timeline).as("timeline of %s", number)
                    .anySatisfy(entry -> assertThat(entry).contains(step).containsPattern("\\d{1,2}:\\d{2}"));
        }
        assertThat(timeline).as("the pause and its reason on the timeline")
                .anySatisfy(entry -> assertThat(entry).contains("暂停作业").contains("等待配件"));
        String workOrder = order.getText();
        assertThat(workOrder).contains(technician).contains("已完成").contains("刘女士");
        assertThat(order.findElement(By.cssSelector(".badge.text-bg-success")).getText())
                .as("arrival a moment after the request met the target").isEqualTo("准时");
        assertThat(browser.texts(".work-order table tbody tr")).as("material lines")
                .anySatisfy(line -> assertThat(line).contains("角阀").contains("2.00").contains("35.00")
                        .contains("70.00"));
        assertThat(workOrder).contains("收费").contains("¥120.00").contains("已收");
        WebElement photo = order.findElement(By.cssSelector("img.attachment-thumb"));
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.js(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", photo)));
        browser.scrollTo(order);
        browser.screenshot(JOURNEY, "13-request-work-order");
        browser.scrollTo(browser.find(".timeline"));
        browser.screenshot(JOURNEY, "14-request-timeline");
        browser.checkAccessibility("request with its completed work order");
    }

    /** POST /api/v1/auth/token as the front desk, then POST /api/v1/requests; answers the created request. */
    private Map<String, Object> createUrgentPlumbingRepair() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                ApiClient.json("username", "frontdesk", "password", "demo")))
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(token.statusCode()).as("token: %s", token.body()).isEqualTo(200);
        String body = ApiClient.json("kind", "REPAIR", "categoryCode", "PLUMBING", "channel", "PHONE",
                "siteCode", "CHY", "priority", "URGENT", "contactPhone", "13800138000",
                "locationText", "3号楼地下水泵房", "description", "水泵房进水管爆裂，正在漏水（浏览器旅程测试）");
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + JsonPath.read(token.body(), "$.accessToken"))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as("request created: %s", created.body()).isEqualTo(201);
        Map<String, Object> request = JsonPath.read(created.body(), "$");
        assertThat(request).containsEntry("priority", "URGENT").containsEntry("status", "NEW");
        return request;
    }

    /** The board row of a request, found by its number. */
    private WebElement boardRow(String number) {
        return browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//table[contains(@class,'dispatch-board')]//tr[td[1]/a[normalize-space()='" + number + "']]")));
    }

    /** Clicks a step button of the job page and waits for the page it redirects to, with its confirmation. */
    private void step(String buttonCss, String confirmation) {
        browser.clickAndLoad(browser.waitUntil(
                ExpectedConditions.elementToBeClickable(By.cssSelector(buttonCss))));
        assertThat(browser.find(".alert-success").getText()).contains(confirmation);
        assertNoHorizontalScroll("job after '" + confirmation + "'");
    }

    /** A 390×844 viewport: the window is sized so that the page, not the window, is 390 px wide. */
    private void phoneSize() {
        browser.driver().manage().window().setSize(PHONE);
        long width = innerWidth();
        long height = ((Number) browser.js("return window.innerHeight")).longValue();
        if (width != PHONE.getWidth() || height != PHONE.getHeight()) {
            browser.driver().manage().window().setSize(new Dimension(
                    2 * PHONE.getWidth() - (int) width, 2 * PHONE.getHeight() - (int) height));
        }
    }

    private long innerWidth() {
        return ((Number) browser.js("return window.innerWidth")).longValue();
    }

    /** Nothing on a phone page should need sideways scrolling. */
    private void assertNoHorizontalScroll(String where) {
        assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).longValue())
                .as("page width of %s (%s) on a phone", where, browser.path())
                .isLessThanOrEqualTo(innerWidth());
    }

    /** A small JPEG, as a phone camera makes them (the server checks the content, not the name). */
    private static Path photo() throws IOException {
        Path file = Files.createDirectories(Path.of("target", "journey-files")).resolve("valve-replaced.jpg")
                .toAbsolutePath();
        BufferedImage image = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x4a, 0x8f, 0x3c));
        graphics.fillRect(0, 0, 120, 90);
        graphics.setColor(Color.LIGHT_GRAY);
        graphics.fillRect(30, 35, 60, 20);
        graphics.dispose();
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }
}
