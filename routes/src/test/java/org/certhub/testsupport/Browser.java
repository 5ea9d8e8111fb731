package org.certhub.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's headless Chromium and its chromedriver (Debian's {@code chromium} and {@code chromium-driver}),
 * driven by Selenium with no driver download. Absent, a test that needs them skips itself, except in CI
 * ({@code CI=true}), where it fails.
 */
public final class Browser {

    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browser() {}

    /** Skips the test (fails it in CI) unless Chromium, chromedriver and the built pages are there. */
    public static void require() {
        List<String> missing = new ArrayList<>();
        if (find("CHROME_BIN", CHROMIUM).isEmpty()) {
            missing.add("chromium (apt-get install chromium)");
        }
        if (find("CHROMEDRIVER", DRIVER).isEmpty()) {
            missing.add("chromedriver (apt-get install chromium-driver)");
        }
        if (Browser.class.getResource("/static/assets/verify.js") == null) {
            missing.add("the built pages (the build runs npm in ../web when npm is on the PATH)");
        }
        if (!missing.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but the browser tests cannot run without " + missing);
        }
        assumeTrue(missing.isEmpty(), "browser tests skipped, missing: " + missing);
    }

    /**
     * A headless Chromium that saves downloads into {@code downloads}, asks for {@code language} first, and has
     * {@code extraArguments} (e.g. a fake camera).
     */
    public static ChromeDriver start(Path downloads, String language, String... extraArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(find("CHROME_BIN", CHROMIUM).orElseThrow());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        options.addArguments("--lang=" + language);
        options.addArguments(extraArguments);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("intl.accept_languages", language);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        Path.of(find("CHROMEDRIVER", DRIVER).orElseThrow()).toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * Runs axe-core (the npm package the web build installs, read from {@code ../web/node_modules}) in the page and
     * answers its WCAG 2.0/2.1 A and AA violations, one line each.
     */
    public static List<String> accessibilityViolations(JavascriptExecutor page) {
        Path axe = Path.of("..", "web", "node_modules", "axe-core", "axe.min.js");
        try {
            page.executeScript(Files.readString(axe));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is not installed in ../web/node_modules", e);
        }
        Object found = page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(result => done(result.violations.map(v =>
                    v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(error => done(['axe failed: ' + error]));""");
        List<String> violations = new ArrayList<>();
        ((List<?>) found).forEach(v -> violations.add(String.valueOf(v)));
        return violations;
    }

    private static Optional<String> find(String variable, List<String> candidates) {
        return Stream.concat(Stream.ofNullable(System.getenv(variable)), candidates.stream())
                .filter(path -> Files.isExecutable(Path.of(path)))
                .findFirst();
    }
}
