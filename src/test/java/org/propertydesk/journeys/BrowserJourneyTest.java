package org.propertydesk.journeys;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The one setup of every browser journey: the whole application on a random port with its own embedded PostgreSQL
 * and the demo data (sites, customers, the demo accounts with the password "demo"), driven by Debian's headless
 * Chromium through its chromedriver. Every journey class extends this class and adds nothing that changes the
 * Spring context, so all journeys share one context and one database.
 *
 * <p>Without {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} the journeys are skipped with one line saying
 * why, before the application is started ({@link ChromiumAvailable}). Nothing is ever downloaded: the driver and the
 * browser are given explicitly.
 */
@Tag("browser")
@ExtendWith(ChromiumAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "propertydesk.demo-data.enabled=true")
abstract class BrowserJourneyTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** One browser per journey class; closed after the class. */
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(CHROMIUM, CHROMEDRIVER);
    }

    @BeforeEach
    void pointBrowserAtApp() {
        browser.baseUrl("http://localhost:" + port);
        browser.logOut();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }
}
