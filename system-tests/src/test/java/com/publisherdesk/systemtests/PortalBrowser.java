package com.publisherdesk.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Debian's headless Chromium driven through Selenium against the portal, with axe-core's accessibility check and
 * screenshots (under target/screenshots; under docs/portal too with {@code -Dportal.screenshots=docs}).
 */
final class PortalBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
    private static final List<String> BLOCKING = List.of("serious", "critical");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String portal;
    private final ChromeDriver driver;
    private final Path profile;

    PortalBrowser(String portal) throws IOException {
        this.portal = portal;
        this.profile = Files.createTempDirectory("portal-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().implicitlyWait(WAIT);
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(portal + path);
    }

    /** Signs in on the embedded desk's page as one of the demo users it lists. */
    void signInAs(String email, String role) {
        driver.manage().deleteAllCookies();
        open("/sign-in/local");
        driver.findElement(By.cssSelector("button[data-email='" + email + "'][data-role='" + role + "']")).click();
        driver.findElement(By.cssSelector("form.who"));
    }

    /** Signs in on the embedded desk's page as anyone, with a role of the desk's. */
    void signInAsSomeoneElse(String email, String role) {
        driver.manage().deleteAllCookies();
        open("/sign-in/local");
        driver.findElement(By.id("f-email")).sendKeys(email);
        driver.findElement(By.cssSelector("#f-role option[value='" + role + "']")).click();
        driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        driver.findElement(By.cssSelector("form.who"));
    }

    /** How many elements match now, without waiting for one to appear. */
    int count(By by) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return driver.findElements(by).size();
        } finally {
            driver.manage().timeouts().implicitlyWait(WAIT);
        }
    }

    /** Types into a field, or sets it as a person picking a date would. */
    void fill(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        if ("date".equals(field.getAttribute("type"))) {
            driver.executeScript("arguments[0].value = arguments[1]", field, value);
        } else if ("select".equals(field.getTagName())) {
            field.findElement(By.cssSelector("option[value='" + value + "']")).click();
        } else {
            field.clear();
            field.sendKeys(value);
        }
    }

    /** The text of an element, read again if the page's refresh replaced it meanwhile. */
    String text(By by) {
        return fresh(() -> driver.findElement(by).getText());
    }

    /** An attribute of an element, read again if the page's refresh replaced it meanwhile. */
    String attribute(By by, String name) {
        return fresh(() -> driver.findElement(by).getAttribute(name));
    }

    /** Clicks an element, found again if the page's refresh replaced it meanwhile. */
    void click(By by) {
        fresh(() -> {
            driver.findElement(by).click();
            return null;
        });
    }

    private static <T> T fresh(java.util.function.Supplier<T> read) {
        for (int attempt = 1;; attempt++) {
            try {
                return read.get();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** axe-core finds no serious or critical accessibility violation on the page as it is. */
    void assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(driver);
        String blocking = results.getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact()))
                .map(PortalBrowser::describe).collect(Collectors.joining("\n"));
        assertEquals("", blocking, "serious or critical accessibility violations on " + page);
    }

    /** Saves what the page shows as {@code name}.png. */
    void screenshot(String name) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        try {
            Path target = RunningDesk.ROOT.resolve("system-tests/target/screenshots");
            Files.createDirectories(target);
            Files.write(target.resolve(name + ".png"), png);
            if ("docs".equals(System.getProperty("portal.screenshots"))) {
                Path docs = RunningDesk.ROOT.resolve("docs/portal");
                Files.createDirectories(docs);
                Files.write(docs.resolve(name + ".png"), png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
