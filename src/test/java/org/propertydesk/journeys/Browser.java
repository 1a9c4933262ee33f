package org.propertydesk.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small page helper over one headless Chromium: log in through the real form, open pages, wait for htmx,
 * switch the language with the layout's links, save screenshots and run axe-core.
 */
final class Browser {

    private static final Logger log = LoggerFactory.getLogger(Browser.class);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;
    private String baseUrl;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(25));
    }

    /** Starts Debian's Chromium through its own chromedriver; Selenium Manager is never asked to find or fetch one. */
    static Browser start(Path chromium, Path chromedriver) {
        Path profile;
        try {
            profile = Files.createDirectories(Path.of("target", "chromium-profiles", UUID.randomUUID().toString()))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--force-prefers-reduced-motion", "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    WebDriver driver() {
        return driver;
    }

    void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Closes the browser and removes its throw-away profile. */
    void quit() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not remove the Chromium profile {}", profile, e);
        }
    }

    // ---- navigation -----------------------------------------------------------------------------------------

    /** Opens a path of the app and waits until the document and any htmx loads triggered on load are done. */
    void open(String path) {
        long t0 = System.nanoTime();
        driver.get(baseUrl + path);
        waitForPage();
        log.debug("TIMING open {} {} ms", path, (System.nanoTime() - t0) / 1_000_000);
    }

    void waitForPage() {
        wait.until(d -> "complete".equals(js("return document.readyState")));
        waitForHtmxIdle();
    }

    /** No htmx request in flight (htmx marks the element that issued a request with the class htmx-request). */
    void waitForHtmxIdle() {
        wait.until(d -> Boolean.TRUE.equals(js("return !document.querySelector('.htmx-request')")));
    }

    /** Counts htmx swaps from now on, so a test can wait for the swap its own change caused. */
    void startCountingSwaps() {
        js("window.__pdSwaps = 0;"
                + "if (!window.__pdSwapListener) { window.__pdSwapListener = true;"
                + "  document.body.addEventListener('htmx:afterSettle', function () { window.__pdSwaps++; }); }");
    }

    void waitForSwap() {
        wait.until(d -> Boolean.TRUE.equals(js("return window.__pdSwaps > 0 && !document.querySelector('.htmx-request')")));
    }

    <T> T waitUntil(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String css) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        scrollTo(element);
        element.click();
    }

    /** Scrolls at once (Bootstrap asks for smooth scrolling, which moves the element under a native click). */
    void scrollTo(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
    }

    /** Clicks a link or button that leaves the page and waits for the next one. */
    void clickAndLoad(WebElement element) {
        WebElement html = driver.findElement(By.tagName("html"));
        scrollTo(element);
        element.click();
        wait.until(ExpectedConditions.stalenessOf(html));
        waitForPage();
    }

    String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /** The text on screen (innerText: one script call, much faster than WebElement.getText() on long lists). */
    String bodyText() {
        return (String) js("return document.body.innerText");
    }

    /** The rendered texts of the elements a selector matches, in one round trip. */
    @SuppressWarnings("unchecked")
    List<String> texts(String css) {
        return (List<String>) js("return Array.from(document.querySelectorAll(arguments[0])).map(e => e.innerText)", css);
    }

    String htmlLang() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    // ---- session --------------------------------------------------------------------------------------------

    /** Logs in through the real login form (the language cookie is gone too, so pages start in Chinese). */
    void logIn(String username, String password) {
        logOut();
        open("/login");
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        clickAndLoad(find("form button[type=submit]"));
        assertThat(path()).as("logged in as %s", username).doesNotStartWith("/login");
        find("#mainNav");
    }

    void logOut() {
        if (baseUrl != null && !driver.getCurrentUrl().startsWith(baseUrl)) {
            driver.get(baseUrl + "/login");
        }
        driver.manage().deleteAllCookies();
    }

    /** Switches the language with the layout's language menu (?lang=en or ?lang=zh-CN on the current page). */
    void switchLanguage(String tag) {
        long t0 = System.nanoTime();
        WebElement toggle = find("#language-menu");
        toggle.click();
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#language-menu + .dropdown-menu a.dropdown-item[lang='" + tag + "']")));
        clickAndLoad(link);
        assertThat(htmlLang()).as("<html lang> after switching to %s on %s", tag, path()).isEqualTo(tag);
        log.debug("TIMING switch {} {} ms", tag, (System.nanoTime() - t0) / 1_000_000);
    }

    // ---- artifacts and checks -------------------------------------------------------------------------------

    void screenshot(String journey, String step) {
        long t0 = System.nanoTime();
        try {
            Path target = Files.createDirectories(SCREENSHOTS.resolve(journey)).resolve(step + ".png");
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(shot);
            log.debug("TIMING screenshot {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core on the page as it is now: critical violations fail the journey, serious ones are logged.
     */
    void checkAccessibility(String where) {
        long start = System.nanoTime();
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        Results results = new AxeBuilder().disableIframeTesting().withOptions(options).analyze(driver);
        log.debug("axe-core on {} took {} ms", where, (System.nanoTime() - start) / 1_000_000);
        assertThat(results.isErrored()).as("axe-core ran on %s: %s", where, results.getErrorMessage()).isFalse();
        List<Rule> serious = violations(results, "serious");
        if (!serious.isEmpty()) {
            log.warn("axe-core: serious accessibility violations on {} ({}): {}", where, path(), describe(serious));
        }
        List<Rule> critical = violations(results, "critical");
        assertThat(critical).as("critical accessibility violations on %s (%s): %s", where, path(), describe(critical))
                .isEmpty();
    }

    private static List<Rule> violations(Results results, String impact) {
        return results.getViolations().stream().filter(rule -> impact.equals(rule.getImpact())).toList();
    }

    private static String describe(List<Rule> rules) {
        return rules.stream()
                .map(rule -> rule.getId() + " (" + rule.getHelp() + ") at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    /** No message key left unresolved: Thymeleaf shows a missing key as ??key_locale?? or ??key??. */
    void assertNoUnresolvedMessageKeys(String where) {
        String text = driver.getTitle() + "\n" + bodyText();
        assertThat(text).as("text of %s (%s) has an unresolved message key", where, path()).doesNotContain("??");
    }
}
