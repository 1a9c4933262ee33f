package org.propertydesk.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Journey 7: on every page a front desk, a manager and an administrator visit, switching zh-CN → en → zh-CN with the
 * layout's language menu leaves no unresolved message key on screen, no Chinese in the English navigation bar, and
 * {@code <html lang>} follows the language.
 */
class LanguageSwitchJourneyTest extends BrowserJourneyTest {

    private static final String JOURNEY = "language-switch";
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}]");

    @Test
    void frontDeskPagesInBothLanguages() {
        browser.logIn("frontdesk", "demo");
        checkBothLanguages("home");

        browser.open("/records/lookup?q=1-1-101");
        browser.find("#lookup-results .lookup-hit");
        checkBothLanguages("lookup");

        WebElement customer = browser.find("#lookup-results .lookup-hit a.fw-semibold");
        browser.clickAndLoad(customer);
        String customerPath = browser.path();
        checkBothLanguages("customer-360");

        browser.clickAndLoad(browser.waitUntil(ExpectedConditions.elementToBeClickable(
                By.cssSelector("a[href*='/requests/new?customerId=']"))));
        checkBothLanguages("intake");

        for (String page : List.of("/records/customers", "/records/houses", "/records/sites", "/requests", "/callbacks",
                "/surveys")) {
            browser.open(page);
            checkBothLanguages(page.substring(1).replace('/', '-'));
        }

        // A request page (the demo data has requests in the front desk's sites).
        browser.open("/requests");
        List<WebElement> requests = browser.findAll("main a[href^='/requests/']").stream()
                .filter(link -> link.getDomAttribute("href").matches("/requests/\\d+"))
                .toList();
        assertThat(requests).as("demo requests listed on %s", customerPath).isNotEmpty();
        browser.clickAndLoad(requests.get(0));
        checkBothLanguages("request");
    }

    @Test
    void managerSettingsInBothLanguages() {
        browser.logIn("manager", "demo");
        for (String page : List.of("/requests/settings/sla", "/dispatch", "/dispatch/roster", "/callbacks/settings",
                "/surveys/improvements")) {
            browser.open(page);
            checkBothLanguages(page.substring(1).replace('/', '-'));
        }
    }

    @Test
    void technicianJobsInBothLanguages() {
        browser.logIn("technician", "demo");
        assertThat(browser.path()).as("a technician starts from their jobs").startsWith("/work");
        checkBothLanguages("work");
    }

    @Test
    void adminStaffInBothLanguages() {
        browser.logIn("admin", "demo");
        browser.open("/staff");
        checkBothLanguages("staff");
    }

    /**
     * On the current page: to English and back to Chinese, each checked and screenshotted. axe-core runs once per page,
     * on the English version (about 1.5 s a run; the Chinese versions of the call pages are checked in journey 1, and
     * the languages share the markup).
     */
    private void checkBothLanguages(String page) {
        String path = browser.path().replaceAll("([?&])lang=[^&]*&?", "$1").replaceAll("[?&]$", "");

        browser.switchLanguage("en");
        assertThat(browser.path()).as("the language link stays on the page").startsWith(path);
        browser.assertNoUnresolvedMessageKeys(page + " (en)");
        List<String> labels = browser.texts("#mainNav .navbar-nav .nav-link");
        assertThat(labels).as("navigation labels on %s", path).isNotEmpty();
        for (String label : labels) {
            assertThat(CJK.matcher(label).find()).as("English navigation label '%s' on %s", label, path).isFalse();
        }
        browser.screenshot(JOURNEY, page + "-en");
        browser.checkAccessibility(page + " (en)");

        browser.switchLanguage("zh-CN");
        assertThat(browser.path()).startsWith(path);
        assertThat(browser.htmlLang()).isEqualTo("zh-CN");
        browser.assertNoUnresolvedMessageKeys(page + " (zh-CN)");
        browser.screenshot(JOURNEY, page + "-zh-CN");
    }
}
