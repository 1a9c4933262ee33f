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
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.propertydesk.portal.OwnerAccounts;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.staff.StaffService;
import org.propertydesk.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Journey 5: the owner on a phone. The front desk prints an activation code; the owner activates the account on a
 * 390×844 screen, logs in, reads the urgent notice the banner shows, reports a leak with a photo and sees the promise,
 * follows the request while a plumber is sent and does the job, confirms it is fixed, rates it and answers the open
 * survey. A neighbour of another household, logged in on the same phone, sees none of it, and the first owner's
 * request is "not found" for them.
 */
class OwnerOnPhoneJourneyTest extends BrowserJourneyTest {

    private static final String JOURNEY = "owner-on-phone";
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final String NOTICE = "紧急停水通知（浏览器旅程测试）";
    private static final String LEAK = "卫生间洗手盆下水管漏水，地面有积水（浏览器旅程测试）";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffService staff;

    @Autowired
    OwnerAccounts ownerAccounts;

    @Autowired
    Dates dates;

    @AfterEach
    void backToDesktopSize() {
        browser.driver().manage().window().setSize(DESKTOP);
    }

    @Test
    void ownerActivatesReportsFollowsConfirmsRatesAndANeighbourSeesNoneOfIt() throws Exception {
        OwnerOnPhoneData data = new OwnerOnPhoneData(jdbc, staff, ownerAccounts);
        OwnerOnPhoneData.Site site = data.site();
        OwnerOnPhoneData.Household owner = data.household(site);
        String frontDesk = data.staffOf(site, Role.FRONT_DESK);
        String dispatcher = data.staffOf(site, Role.DISPATCHER);
        OwnerOnPhoneData.Technician plumber = data.plumberOf(site);
        long notice = data.urgentNotice(site, NOTICE, dates.now());
        OwnerOnPhoneData.Survey survey = data.openSurvey(site, dates.today());
        OwnerOnPhoneData.Site elsewhere = data.site();
        OwnerOnPhoneData.Household neighbour = data.household(elsewhere);
        String neighbourLogin = data.ownerAccount(neighbour);

        // 1. The front desk, at a desk, issues an activation code from the customer's page.
        browser.logIn(frontDesk, OwnerOnPhoneData.PASSWORD);
        browser.open("/records/customers/" + owner.customerId());
        WebElement issue = browser.waitUntil(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#owner-account form[action$='/codes'] button[type=submit]")));
        assertThat(browser.find("#owner-account").getText()).as("no account yet").contains("发放激活码");
        browser.clickAndLoad(issue);
        assertThat(browser.path()).endsWith("/owner-accounts/customers/" + owner.customerId() + "/codes");
        String code = browser.find("#activation-code").getText().strip();
        assertThat(code).as("the code as the slip prints it").matches("\\d{4} \\d{4}");
        assertThat(browser.find("main").getText()).contains(owner.name()).contains("/portal/activate");
        browser.screenshot(JOURNEY, "01-desk-activation-slip");
        browser.checkAccessibility("activation slip");

        // 2. The owner, on a phone, activates the account with the code as printed.
        browser.logOut();
        phoneSize();
        browser.open("/portal/activate");
        assertThat(innerWidth()).as("phone viewport").isEqualTo(PHONE.getWidth());
        assertThat(browser.findAll("#mainNav")).as("no navigation before logging in").isEmpty();
        String login = "op-" + owner.mobile();
        browser.find("#phone").sendKeys(owner.mobile());
        browser.find("#code").sendKeys(code);
        browser.find("#username").sendKeys(login);
        browser.find("#password").sendKeys("leak-fixed-2026");
        browser.find("#passwordRepeat").sendKeys("leak-fixed-2026");
        checkPhonePage("activation form", "02-phone-activate");
        browser.clickAndLoad(browser.find("form button[type=submit]"));
        assertThat(browser.find("h1").getText()).isEqualTo("账号已激活");
        assertThat(browser.find("#login-name").getText()).isEqualTo(login);
        checkPhonePage("account activated", "03-phone-activated");

        // 3. The owner logs in and lands on their houses, with the urgent notice in the banner.
        browser.clickAndLoad(browser.find("main a.btn-primary[href='/login']"));
        assertThat(browser.path()).startsWith("/login");
        browser.logIn(login, "leak-fixed-2026");
        assertThat(browser.path()).as("owners start on their portal").isEqualTo("/portal");
        WebElement banner = browser.find("#notice-banner a[data-notice='" + notice + "']");
        assertThat(banner.getText()).contains("紧急").contains(NOTICE);
        assertThat(browser.find("main").getText()).contains(owner.houseCode()).contains(site.name())
                .contains("有 1 份满意度问卷等待您填写").contains("您目前没有处理中的工单。");
        checkPhonePage("portal home with the banner", "04-phone-home-banner");

        // 4. Opening the notice from the banner counts it read: the banner is gone, the list shows it read.
        browser.clickAndLoad(banner);
        assertThat(browser.path()).isEqualTo("/portal/notices/" + notice);
        assertThat(browser.find("h1").getText()).isEqualTo(NOTICE);
        assertThat(browser.find("main").getText()).contains("二次供水设备检修").contains("物业服务中心");
        checkPhonePage("urgent notice", "05-phone-notice");
        assertThat(data.noticeRead(notice, owner.customerId())).as("the household's reading is recorded").isTrue();
        browser.open("/portal");
        browser.find("main h1");
        assertThat(browser.findAll("#notice-banner")).as("no banner once the notice is read").isEmpty();
        browser.open("/portal/notices");
        WebElement listed = browser.find("#notices a[data-notice='" + notice + "']");
        assertThat(listed.getText()).contains(NOTICE).contains("紧急");
        assertThat(listed.findElements(By.cssSelector(".badge.text-bg-primary"))).as("no 'new' badge once read").isEmpty();

        // 5. The owner reports a leak with a photo; the promise shows before sending.
        browser.open("/portal");
        browser.clickAndLoad(browser.find("main a.btn-lg[href='/portal/requests/new']"));
        assertThat(browser.path()).isEqualTo("/portal/requests/new");
        assertThat(browser.find("#request-form input[name=kind][value=REPAIR]").isSelected()).as("a repair by default")
                .isTrue();
        assertThat(new Select(browser.find("#houseId")).getFirstSelectedOption().getText())
                .as("the one house chosen").contains(owner.houseCode());
        assertThat(browser.find("#contactPhone").getDomProperty("value").replaceAll("\\D", "")).as("the phone prefilled")
                .isEqualTo(owner.mobile());
        assertThat(browser.find("#promise").getText()).contains("选择事项类型");
        browser.waitForHtmxIdle();
        browser.startCountingSwaps();
        new Select(browser.find("#categoryCode")).selectByValue("PLUMBING");
        browser.waitForSwap();
        String promise = browser.find("#promise").getText();
        assertThat(promise).as("the promise for a plumbing repair").contains("前答复您").contains("前维修人员到场")
                .contains("前处理完毕").containsPattern("\\d{1,2}:\\d{2}");
        browser.find("#description").sendKeys(LEAK);
        browser.find("#photos").sendKeys(photo().toString());
        assertThat(browser.find("#photos").getDomProperty("validationMessage")).isEmpty();
        checkPhonePage("report form with the promise", "06-phone-report-form");
        browser.clickAndLoad(browser.find("#request-form button[type=submit]"));
        assertThat(browser.path()).as("sent, and on its page").matches("/portal/requests/\\d+");
        String requestPath = browser.path();
        long requestId = Long.parseLong(requestPath.substring(requestPath.lastIndexOf('/') + 1));
        String number = browser.find("h1 span").getText();
        assertThat(number).matches("R-\\d{6}-\\d{4}");
        assertThat(browser.find(".alert-success").getText()).contains("工单 " + number + " 已受理");
        assertThat(browser.find("h1").getText()).contains("新建");
        assertThat(browser.find("main").getText()).contains(LEAK).contains("尚未派工");
        String photoPath = awaitPhoto();
        assertThat(browser.texts("#timeline li")).anySatisfy(e -> assertThat(e).contains("受理"));
        checkPhonePage("request just sent", "07-phone-request-sent");

        // 6. The staff side: the dispatcher sends the plumber, who accepts and arrives.
        String dispatcherToken = token(dispatcher);
        String technicianToken = token(plumber.username());
        String order = post("/api/v1/requests/" + requestId + "/work-orders", dispatcherToken,
                ApiClient.json("technicianId", plumber.staffId()), 201);
        long workOrder = ((Number) JsonPath.read(order, "$.id")).longValue();
        post("/api/v1/work-orders/" + workOrder + "/accept", technicianToken, "{}", 200);
        post("/api/v1/work-orders/" + workOrder + "/arrive", technicianToken, "{}", 200);

        // The owner follows it: who is there, and since when.
        browser.open(requestPath);
        assertThat(browser.find("h1").getText()).contains("处理中");
        assertThat(browser.find("main").getText()).as("who is coming").contains(plumber.name())
                .doesNotContain("尚未派工");
        assertThat(browser.texts("#timeline li")).anySatisfy(e -> assertThat(e).contains("技术员已到场"));
        checkPhonePage("request with the plumber on site", "08-phone-request-on-site");

        // 7. The plumber finishes; the owner is asked whether it is fixed, says yes and rates it.
        post("/api/v1/work-orders/" + workOrder + "/complete", technicianToken, ApiClient.json(
                "note", "更换洗手盆下水管，试水无渗漏", "labourMinutes", 30, "confirmedBy", owner.name()), 200);
        browser.open("/portal");
        assertThat(browser.find("main").getText()).as("the home page lists it, waiting for the owner's word")
                .contains(number).contains("已解决");
        browser.clickAndLoad(browser.find("main a.list-group-item[href='" + requestPath + "']"));
        assertThat(browser.find("h1").getText()).contains(number).contains("已解决");
        assertThat(browser.find("main").getText()).contains("问题解决了吗？").contains(plumber.name());
        assertThat(browser.texts("#timeline li")).anySatisfy(e -> assertThat(e).contains("作业完成"));
        checkPhonePage("request waiting for the owner's word", "09-phone-is-it-fixed");

        browser.clickAndLoad(browser.find("form[action$='/fixed'] button[type=submit]"));
        assertThat(browser.find(".alert-success").getText()).contains("感谢您确认问题已解决");
        assertThat(browser.find("h1").getText()).contains("已关闭");
        assertThat(browser.findAll("form[action$='/fixed']")).as("asked once").isEmpty();
        assertThat(browser.texts("#timeline li")).anySatisfy(e -> assertThat(e).contains("业主确认已解决"));

        WebElement rating = browser.find("form[action$='/rating']");
        clickRadio(rating, "overall", "5");
        clickRadio(rating, "speed", "5");
        clickRadio(rating, "attitude", "4");
        rating.findElement(By.id("comment")).sendKeys("师傅来得快，活干得干净");
        checkPhonePage("rating form", "10-phone-rating");
        browser.clickAndLoad(rating.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.find(".alert-success").getText()).contains("感谢您的评价");
        assertThat(browser.find("main").getText()).contains("您给本工单的评价是 5 ★");
        assertThat(browser.findAll("form[action$='/rating']")).as("rated once").isEmpty();
        checkPhonePage("request closed and rated", "11-phone-rated");

        // 8. The open survey, from the home page.
        browser.open("/portal");
        browser.clickAndLoad(browser.find("main a.alert-info[href='/portal/surveys']"));
        WebElement answer = browser.waitUntil(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'list-group-item')][.//span[normalize-space()='" + survey.title() + "']]"
                        + "//a[contains(@class,'btn-primary')]")));
        checkPhonePage("open surveys", "12-phone-surveys");
        browser.clickAndLoad(answer);
        assertThat(browser.path()).startsWith("/s/survey/" + survey.id() + "/" + owner.houseId());
        assertThat(browser.find("h1").getText()).isEqualTo(survey.title());
        assertThat(browser.find("main").getText()).contains(site.name()).contains(owner.houseCode());
        String field = "q" + survey.questionId();
        browser.click("label[for='" + field + "-4']");
        browser.waitUntil(d -> browser.find("#" + field + "-4").isSelected());
        checkPhonePage("survey form", "13-phone-survey-form");
        browser.clickAndLoad(browser.find("main form button[type=submit]"));
        assertThat(browser.find("h1").getText()).isEqualTo("感谢您的参与");
        checkPhonePage("survey answered", "14-phone-survey-thanks");
        assertThat(data.surveyRating(survey, owner.houseId())).as("the answer stored for the house").isEqualTo(4);
        browser.open("/portal/surveys");
        assertThat(browser.find("main .list-group").getText()).contains(survey.title()).contains("已填写")
                .doesNotContain("填写问卷");
        browser.open("/portal/requests");
        assertThat(browser.texts("main .list-group a")).as("the owner's requests")
                .singleElement().satisfies(r -> assertThat(r).contains(number).contains("已关闭"));
        checkPhonePage("my requests", "15-phone-my-requests");

        // 9. A neighbour of another household, on the same phone, sees none of it.
        browser.logIn(neighbourLogin, OwnerOnPhoneData.PASSWORD);
        assertThat(browser.path()).isEqualTo("/portal");
        browser.find("main h1");
        assertThat(browser.findAll("#notice-banner")).as("no banner for another site's notice").isEmpty();
        assertThat(browser.find("main").getText()).contains(neighbour.houseCode()).contains("您目前没有处理中的工单。")
                .doesNotContain("满意度问卷").doesNotContain(owner.houseCode());
        checkPhonePage("neighbour's home", "16-phone-neighbour-home");
        browser.open("/portal/requests");
        assertThat(browser.find("main").getText()).contains("您还没有提交过工单。").doesNotContain(number);
        browser.open("/portal/notices");
        assertThat(browser.find("#notices").getText()).contains("暂无通知。").doesNotContain(NOTICE);
        browser.open("/portal/surveys");
        assertThat(browser.find("main").getText()).contains("目前没有面向您房屋的问卷。").doesNotContain(survey.title());
        browser.open(requestPath);
        assertThat(browser.find("main").getText()).as("the first owner's request").contains("未找到")
                .doesNotContain(number).doesNotContain(LEAK);
        checkPhonePage("another household's request", "17-phone-neighbour-not-found");
        assertThat(status(requestPath)).as("the first owner's request, for the neighbour").isEqualTo(404);
        assertThat(status(photoPath)).as("its photo, for the neighbour").isEqualTo(404);
        assertThat(status("/portal/notices/" + notice)).as("the notice of another site").isEqualTo(404);
    }

    /** What every phone page must be: translated, no sideways scrolling, no critical accessibility problem. */
    private void checkPhonePage(String where, String screenshot) {
        browser.assertNoUnresolvedMessageKeys(where);
        assertThat(browser.bodyText()).as("text of %s", where)
                .doesNotContainPattern("\\b(portal|request|rating|survey|file|nav)\\.[a-z]+[A-Za-z.]*\\b");
        assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).longValue())
                .as("page width of %s (%s) on a phone; too wide: %s", where, browser.path(), browser.js(
                        "return Array.from(document.querySelectorAll('body *'))"
                                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth)"
                                + ".slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')"))
                .isLessThanOrEqualTo(innerWidth());
        browser.screenshot(JOURNEY, screenshot);
        browser.checkAccessibility(where + " (phone)");
    }

    /** The photo on the request page has loaded; returns its path. */
    private String awaitPhoto() {
        WebElement thumb = browser.find("img.attachment-thumb");
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.js(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", thumb)));
        assertThat(thumb.getDomAttribute("alt")).isEqualTo("sink-leak.jpg");
        return thumb.getDomAttribute("src");
    }

    /** Checks a radio of a form through its label, as a person taps it. */
    private void clickRadio(WebElement form, String name, String value) {
        WebElement radio = form.findElement(By.cssSelector("input[type=radio][name='" + name + "'][value='" + value + "']"));
        WebElement label = form.findElement(By.cssSelector("label[for='" + radio.getDomAttribute("id") + "']"));
        browser.scrollTo(label);
        label.click();
        browser.waitUntil(d -> radio.isSelected());
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

    /** The status of a page fetched with the browser's session, which the browser itself does not tell. */
    private int status(String path) throws IOException, InterruptedException {
        String cookies = browser.driver().manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String token(String username) throws IOException, InterruptedException {
        String body = post("/api/v1/auth/token", null,
                ApiClient.json("username", username, "password", OwnerOnPhoneData.PASSWORD), 200);
        return JsonPath.read(body, "$.accessToken");
    }

    /** POSTs JSON to the API, expecting the status; answers the body. */
    private String post(String path, String bearer, String json, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(expected);
        return response.body();
    }

    /** A JPEG as a phone camera makes them (the server checks the content, not the name). */
    private static Path photo() throws IOException {
        Path file = Files.createDirectories(Path.of("target", "journey-files")).resolve("sink-leak.jpg").toAbsolutePath();
        BufferedImage image = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x3c, 0x6e, 0x9f));
        graphics.fillRect(0, 0, 120, 90);
        graphics.setColor(Color.WHITE);
        graphics.fillOval(40, 25, 40, 40);
        graphics.dispose();
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }
}
