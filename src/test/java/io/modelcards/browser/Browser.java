package io.modelcards.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium for browser tests, started as TOOLING.md §2 describes: an explicit
 * chromedriver path (so Selenium Manager never runs) and a throw-away profile folder.
 */
final class Browser implements AutoCloseable {
    private static final String CHROME = System.getProperty("chrome.binary", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Browser(Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /** Whether Chromium and chromedriver are installed (Debian's chromium and chromium-driver packages). */
    static boolean present() {
        return Files.isExecutable(Path.of(CHROME)) && Files.isExecutable(Path.of(DRIVER));
    }

    /**
     * Skips the calling test when Chromium is not installed, except in CI (CI=true),
     * where a missing browser must fail rather than silently skip the browser checks.
     * Call it per test ({@code @BeforeEach} or in the test), never only in {@code @BeforeAll}: an
     * assumption that fails there skips the whole class, and surefire then counts no test at all
     * ("Tests run: 0"), so that missing browser tests look like none were ever written.
     */
    static void requireChromium() {
        if (present()) {
            return;
        }
        String message = "Chromium or chromedriver not found at " + CHROME + " / " + DRIVER;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " (CI=true: browser tests must run)");
        }
        Assumptions.abort(message);
    }

    /**
     * For {@code @BeforeAll}: the browser, or null when Chromium is not installed (each test then skips
     * itself through {@link #requireChromium()} in {@code @BeforeEach}). In CI a missing browser fails here.
     */
    static Browser startIfPresent() {
        return present() || "true".equalsIgnoreCase(System.getenv("CI")) ? start() : null;
    }

    static Browser start() {
        requireChromium();
        Path profile;
        try {
            profile = Files.createTempDirectory("chrome-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROME);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        try {
            return new Browser(profile, service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Console messages at SEVERE level since the last call (reading the log clears it). */
    List<String> severeConsoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
