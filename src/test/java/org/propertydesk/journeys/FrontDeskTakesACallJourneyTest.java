package org.propertydesk.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Journey 1: the front desk takes a call. The caller is found by a house, their 360 opened, a repair with a photo
 * taken in on one screen while the SLA preview shows the due times, and the saved request shows its number, status,
 * timeline and photo.
 */
class FrontDeskTakesACallJourneyTest extends BrowserJourneyTest {

    private static final String JOURNEY = "front-desk-takes-a-call";

    @Test
    void frontDeskTakesACall() throws IOException {
        browser.logIn("frontdesk", "demo");
        assertThat(browser.htmlLang()).as("Chinese is the default language").isEqualTo("zh-CN");

        // Lookup: the caller gives their house; results come live as the agent types.
        browser.open("/records/lookup");
        browser.find("#q").sendKeys("1-1-101");
        WebElement hit = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#lookup-results .lookup-hit")));
        browser.waitForHtmxIdle();
        assertThat(browser.find("#lookup-results").getText()).contains("翠湖苑").contains("1-1-101");
        // The owner of 1-1-101 owes two months: the amount appears beside their name, the list's badges loaded at once.
        WebElement arrears = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#lookup-results .fee-badge a.badge")));
        assertThat(arrears.getText()).contains("¥");
        browser.screenshot(JOURNEY, "01-lookup");
        browser.checkAccessibility("caller lookup with results");

        // The customer 360.
        hit = browser.find("#lookup-results .lookup-hit");
        String customerName = hit.findElement(By.cssSelector("a.fw-semibold")).getText();
        browser.clickAndLoad(hit.findElement(By.cssSelector("a.fw-semibold")));
        assertThat(browser.path()).matches("/records/customers/\\d+");
        assertThat(browser.find("h1").getText()).contains(customerName);
        browser.screenshot(JOURNEY, "02-customer-360");
        browser.checkAccessibility("customer 360");

        // New request from the 360.
        WebElement newRequest = browser.waitUntil(ExpectedConditions.elementToBeClickable(
                By.cssSelector("a[href*='/requests/new?customerId=']")));
        browser.clickAndLoad(newRequest);
        assertThat(browser.path()).startsWith("/requests/new?customerId=");
        assertThat(browser.find("#intake").getText()).contains(customerName);
        assertThat(browser.find("#contactPhone").getDomProperty("value")).as("contact phone prefilled").isNotBlank();

        // Kind REPAIR (a button-styled radio: the agent clicks its label).
        WebElement repair = browser.find("#intake input[name=kind][value=REPAIR]");
        browser.click("#intake label[for='" + repair.getDomAttribute("id") + "']");
        browser.waitUntil(d -> repair.isSelected());
        if (new Select(browser.find("#siteId")).getFirstSelectedOption().getDomAttribute("value").isEmpty()) {
            new Select(browser.find("#siteId")).selectByVisibleText("翠湖苑");
        }

        // Category PLUMBING through the searchable select: typing narrows the options.
        browser.find("input[data-filter-select='#categoryCode']").sendKeys("水管");
        WebElement plumbing = browser.find("#categoryCode option[value=PLUMBING]");
        assertThat(plumbing.getDomProperty("hidden")).isEqualTo("false");
        assertThat(browser.findAll("#categoryCode option").stream()
                .anyMatch(option -> "true".equals(option.getDomProperty("hidden"))))
                .as("the search hides categories that do not match").isTrue();
        browser.waitForHtmxIdle();
        browser.startCountingSwaps();
        new Select(browser.find("#categoryCode")).selectByValue("PLUMBING");
        browser.waitForSwap();

        // The live preview shows the due times.
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "前响应"));
        String preview = browser.find("#preview").getText();
        assertThat(preview).contains("前响应").contains("前解决").matches("(?s).*\\d{1,2}:\\d{2}.*");
        browser.screenshot(JOURNEY, "03-intake-sla-preview");

        // Description and a photo.
        browser.find("#description").sendKeys("厨房水槽下水管漏水，地面有积水（浏览器旅程测试）");
        browser.find("#files").sendKeys(photo().toString());
        browser.waitForHtmxIdle();
        assertThat(browser.find("#files").getDomProperty("validationMessage")).isEmpty();
        browser.checkAccessibility("intake with preview");
        browser.screenshot(JOURNEY, "04-intake-filled");

        // Save: the request page.
        browser.clickAndLoad(browser.find("#intake button.btn-lg[type=submit]"));
        assertThat(browser.path()).as("saved and redirected to the request").matches("/requests/\\d+");
        String heading = browser.find("h1").getText();
        assertThat(heading).matches("(?s).*R-\\d{6}-\\d{4}.*").contains("新建");
        assertThat(browser.findAll(".timeline li")).as("timeline entries").isNotEmpty();
        assertThat(browser.find(".timeline").getText()).as("the timeline records the intake").contains("受理");
        WebElement thumb = browser.find("img.attachment-thumb");
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.js(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", thumb)));
        assertThat(thumb.getDomAttribute("alt")).isEqualTo("pipe-leak.png");
        browser.screenshot(JOURNEY, "05-request-saved");
        browser.checkAccessibility("request page");
    }

    /** A tiny valid PNG, as a phone camera would not make it, but the server checks content, not names. */
    private static Path photo() throws IOException {
        Path file = Files.createDirectories(Path.of("target", "journey-files")).resolve("pipe-leak.png").toAbsolutePath();
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x2a, 0x6f, 0xdb));
        graphics.fillRect(0, 0, 64, 48);
        graphics.setColor(Color.WHITE);
        graphics.fillOval(16, 8, 32, 32);
        graphics.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
