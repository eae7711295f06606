package dev.incidenttimeline.app.web;

import dev.incidenttimeline.app.AppIntegrationTest;
import dev.incidenttimeline.app.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the web page in a real headless Chromium (the Debian packages {@code chromium} and {@code chromium-driver};
 * CI installs them). Without them this test fails: it never downloads a browser.
 */
@AppIntegrationTest
class IncidentPageBrowserIntegrationTest {

    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String CHROMIUM = "/usr/bin/chromium";

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        assertThat(CHROMEDRIVER.canExecute()).as("/usr/bin/chromedriver (Debian package chromium-driver)").isTrue();
        assertThat(new File(CHROMIUM).canExecute()).as("/usr/bin/chromium (Debian package chromium)").isTrue();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // The page re-renders what it refreshed: an element found a moment ago may be replaced.
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void declaresAnIncidentAndFollowsItOnTheTimelineToThePostmortem() throws IOException {
        String title = "Checkout times out " + UUID.randomUUID().toString().substring(0, 8);
        browser.get(base() + "/");
        // The page asks for an API token first: the app's local demo token (application.yml).
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-token")))
            .sendKeys("incident-demo-admin");
        browser.findElement(By.id("sign-in-submit")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("sign-in-dialog")));
        browser.findElement(By.id("me")).sendKeys("Maria");

        browser.findElement(By.id("declare-open")).click();
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("declare-form")));
        form.findElement(By.name("title")).sendKeys(title);
        new Select(form.findElement(By.name("severity"))).selectByValue("SEV1");
        new Select(form.findElement(By.name("detectedBy"))).selectByValue("CUSTOMER");
        form.findElement(By.name("services")).sendKeys("webshop, checkout");
        form.findElement(By.id("declare-submit")).click();

        wait.until(ExpectedConditions.textToBe(By.id("incident-title"), title));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline [data-kind=DECLARED]")));
        assertThat(browser.getCurrentUrl()).contains("#/incidents/");
        String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("#/incidents/") + 12);
        // Waits, not a find then a read: a refresh may replace the element in between.
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".incident-head .sev"), "SEV1"));

        // Typed text stays text: no markup of it reaches the page.
        String update = "Investigating <b>slow</b> checkout & payments";
        submit("update-form", inForm -> {
            inForm.findElement(By.name("text")).sendKeys(update);
            new Select(inForm.findElement(By.name("visibility"))).selectByValue("PUBLIC");
        });
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#timeline .kind-STATUS_UPDATE.is-public .text"),
                update));
        assertThat(browser.findElements(By.cssSelector("#timeline .kind-STATUS_UPDATE b"))).isEmpty();

        submit("ack-form", inForm -> { });
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".incident-head .status"), "Acknowledged"));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#milestones [data-milestone=ACKNOWLEDGED].reached")));

        submit("role-form", inForm -> inForm.findElement(By.name("person")).sendKeys("Sven"));
        wait.until(ExpectedConditions.textToBe(By.id("incident-leader"), "Sven"));

        submit("mitigate-form",
                inForm -> inForm.findElement(By.name("summary")).sendKeys("Traffic moved to the healthy nodes"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".incident-head .status"), "Mitigated"));

        submit("resolve-form", inForm -> inForm.findElement(By.name("summary")).sendKeys("Nodes replaced"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".incident-head .status"), "Resolved"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline [data-kind=RESOLVED]")));
        wait.until(driver -> !driver.findElements(By.cssSelector("#incident-metrics [data-metric=timeToResolve]"))
                .stream().allMatch(metric -> metric.getText().isEmpty() || metric.getText().equals("—")));

        // The slider's first step shows the timeline as it was when only the declaration was recorded.
        WebElement slider = browser.findElement(By.id("known-at"));
        int steps = Integer.parseInt(slider.getDomAttribute("max"));
        assertThat(steps).isGreaterThanOrEqualTo(5);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].value = 0; arguments[0].dispatchEvent(new Event('input'));", slider);
        wait.until(driver -> driver.findElements(By.cssSelector("#timeline [data-kind=RESOLVED]")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#timeline [data-kind=DECLARED]"))).hasSize(1);

        // 200 once the postmortem read model has the incident; 404 NOT_FOUND where the server has no such view.
        HttpResponse<String> postmortem = await().atMost(Duration.ofSeconds(20)).until(
                () -> new Http(port).get("/api/incidents/" + id + "/postmortem", "text/markdown"),
                response -> response.statusCode() == 200 || Http.json(response).path("code").asString("")
                        .equals("NOT_FOUND"));
        if (postmortem.statusCode() == 200) {
            // The postmortem read model may lag behind the others by a moment: ask again until it is there.
            wait.until(driver -> {
                if (driver.findElement(By.id("postmortem-text")).isDisplayed()) {
                    return true;
                }
                driver.findElement(By.id("postmortem-open")).click();
                return false;
            });
            assertThat(browser.findElement(By.id("postmortem-text")).getText()).contains(title);
            assertThat(browser.findElement(By.id("postmortem-download")).isDisplayed()).isTrue();
        } else {
            // Without a postmortem view on the server the page says so instead of showing a broken preview.
            browser.findElement(By.id("postmortem-open")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("postmortem-message")));
            assertThat(Http.json(postmortem).get("code").asString()).isEqualTo("NOT_FOUND");
            assertThat(browser.findElement(By.id("postmortem-message")).getText())
                    .isEqualTo("This server has no postmortem view.");
        }
        screenshot("incident");

        browser.get(base() + "/#/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-list"), title));
        browser.findElement(By.id("nav-metrics")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#metrics-table tr[data-group=SEV1]")));
        wait.until(driver -> !driver.findElement(By.cssSelector("#tile-incidents .value")).getText().equals("0"));
        screenshot("metrics");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** Saved under target/ when {@code -Dbrowser.screenshots=true}: for looking at the page, never committed. */
    /**
     * Fills and sends one of the incident page's forms. The page redraws itself while the read models catch up
     * with an earlier write; a form replaced under the test's hands is filled again in its new copy.
     */
    private void submit(String formId, Consumer<WebElement> fill) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement form = driver.findElement(By.id(formId));
            fill.accept(form);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            return true;
        });
    }

    private void screenshot(String name) throws IOException {
        if (Boolean.getBoolean("browser.screenshots")) {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }
}
