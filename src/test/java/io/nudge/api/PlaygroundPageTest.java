package io.nudge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.nudge.testing.AdminToken;
import io.nudge.testing.Catalogs;
import io.nudge.testing.EventFile;
import io.nudge.testing.TestRuleBook;
import io.nudge.testing.NudgeApi;
import io.nudge.rules.ActiveRules;
import io.nudge.rules.ScenarioCheck;
import io.nudge.rules.ScenarioFile;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.nudge.testing.Slow;

/**
 * The playground in headless Chromium (Debian's chromium and chromium-driver): a cart built on
 * the page must show what the API answers. Skipped where no browser is installed; a failure
 * leaves a screenshot in target/playground-failure.png, and every pass one in target/playground.png.
 */
@Slow
@QuarkusTest
class PlaygroundPageTest {

    private static WebDriver browser;

    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            screenshot("target/playground-failure.png");
        }
    };

    @TestHTTPResource("/")
    URL root;
    @Inject
    ActiveRules rules;
    @Inject
    ScenarioCheck check;

    @BeforeAll
    static void startChromium() {
        Path chromium = installed("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        Path driver = installed("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        Assumptions.assumeTrue(chromium != null && driver != null,
                "No Chromium here: install Debian's chromium and chromium-driver (.ci/run does) to run the playground's browser test");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1600");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build(), options);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldShowTheNudgeAndExplanationTheApiGivesForACartBuiltOnThePage() throws Exception {
        browser.get(root.toString());
        addToCart("serum", "SER-1");
        WebElement price = browser.findElement(By.cssSelector("#lines input.price"));
        price.clear();
        price.sendKeys("30.00");
        browser.findElement(By.id("decide")).click();
        waitFor(By.cssSelector("body[data-decided]"));

        JsonPath api = NudgeApi.explain("""
                {"cart": {"currency": "USD", "items": [{"sku": "SER-1", "quantity": 1, "price": "30.00"}]}}
                """).statusCode(200).extract().jsonPath();
        WebElement banner = browser.findElement(By.cssSelector(".nudge[data-type='FREE_SHIPPING']"));
        assertThat(banner.findElement(By.className("nudge-message")).getText()).isEqualTo(api.getString("nudges[0].message"));
        assertThat(banner.findElement(By.className("to-go")).getText()).isEqualTo("$" + api.getString("nudges[0].amountRemaining") + " to go");
        List<Map<String, String>> fired = api.getList("explanation.fired");
        assertThat(texts("#fired li")).containsExactlyInAnyOrderElementsOf(fired.stream()
                .map(rule -> rule.get("rule") + " (" + rule.get("from") + ")").toList());
        assertThat(browser.findElement(By.id("rules-version")).getText()).startsWith(rules.current().version());
        screenshot("target/playground.png");
    }

    @Test
    void shouldWriteAScenarioThatTheRuleCheckPasses() throws Exception {
        browser.get(root.toString());
        addToCart("TENT", "TENT-2");
        browser.findElement(By.id("first-name")).sendKeys("Ana");
        browser.findElement(By.id("decide")).click();
        waitFor(By.cssSelector("body[data-decided]"));

        String yaml = browser.findElement(By.id("scenario")).getText();

        assertThat(yaml).contains("expect:", "\"rule\":\"Stakes for a new tent\"");
        List<ScenarioCheck.Outcome> outcomes = check.run(rules.current(), Catalogs.TEST, List.of(ScenarioFile.parse("playground.yaml", yaml)));
        assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.failures()).isEmpty());
    }

    @Test
    void shouldShowTheProblemOfARequestTheApiRefuses() {
        browser.get(root.toString());
        browser.findElement(By.tagName("summary")).click();
        browser.findElement(By.id("paste")).sendKeys("{\"cart\": {\"currency\": \"XAU\", \"items\": []}}");
        browser.findElement(By.id("use-json")).click();

        WebElement error = waitFor(By.cssSelector("#error:not([hidden])"));
        assertThat(error.getText()).contains("cart.currency");
    }

    @Test
    void shouldPreviewTheRuleFolderOverTheCartsRecordedLately() throws IOException {
        // Two carts recorded an hour ago, beside the service's own events, where the preview reads them.
        Path recorded = EventFile.PATH.resolveSibling("recorded-for-preview.jsonl");
        String anHourAgo = Instant.now().minus(Duration.ofHours(1)).toString();
        ObjectMapper json = new ObjectMapper();
        Files.write(recorded, Stream.of(TestRuleBook.SERUM_CART, TestRuleBook.TENT_CART)
                .map(cart -> "{\"event\": \"decision\", \"at\": \"" + anHourAgo + "\", \"request\": " + compact(json, cart) + "}").toList());
        try {
            browser.get(root.toString());
            browser.findElement(By.id("admin-token")).sendKeys(AdminToken.TEST_TOKEN);
            browser.findElement(By.id("run-preview")).click();

            // The folder holds the rules serving: nothing changes, and the page says so with the counts (other tests record carts too).
            String version = rules.current().version();
            assertThat(waitFor(By.id("preview-summary")).getText()).matches("This draft \\(version " + version
                    + "\\) changes 0\\.0% of the carts of the last 7 days: 0 of [1-9]\\d*, against version " + version + " serving\\.");
            assertThat(browser.findElements(By.id("preview-changes"))).isEmpty();
        } finally {
            Files.delete(recorded);
        }
    }

    @Test
    void shouldShowWhyAPreviewIsRefused() {
        browser.get(root.toString());
        browser.findElement(By.id("admin-token")).sendKeys("not-the-admin-token");
        browser.findElement(By.id("run-preview")).click();

        assertThat(waitFor(By.cssSelector("#preview-error:not([hidden])")).getText()).contains("this needs credentials");
    }

    private static String compact(ObjectMapper json, String text) {
        try {
            return json.readTree(text).toString();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void addToCart(String search, String sku) {
        browser.findElement(By.id("search")).sendKeys(search);
        waitFor(By.cssSelector("#search-results button[data-sku='" + sku + "']")).click();
    }

    private static WebElement waitFor(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private static List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static void screenshot(String file) {
        if (browser instanceof ChromeDriver chrome) {
            try {
                Files.copy(chrome.getScreenshotAs(OutputType.FILE).toPath(), Path.of(file), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException("could not save " + file, e);
            }
        }
    }

    private static Path installed(String... candidates) {
        return Stream.of(candidates).map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }
}
