package org.certhub.routes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.certhub.routes.HubTestSupport;
import org.certhub.signer.hcert.Base45;
import org.certhub.testsupport.Browser;
import org.certhub.testsupport.FakeCamera;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser (headless Chromium driven by Selenium): a holder signs in to {@code /portal} with the
 * code mailed to them, sees the certificate, downloads its PDF and asks for a correction; {@code /verify} tells a
 * valid, a tampered and a revoked QR code apart, read from pasted text, an image file and the (fake) camera, and,
 * with the network cut, still checks EU DCC, SMART Health Cards and the hub's W3C credentials with the keys, context
 * and revocation lists it stored; every page passes axe-core's WCAG 2.1 A/AA rules in English and Hindi and fits a
 * 360 px wide phone. With
 * {@code -Dcerthub.screenshots=<folder>} the run saves the screenshots docs/pages.md shows.
 */
class PortalIT extends HubTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static ChromeDriver browser;
    private static Path downloads;

    @BeforeAll
    static void openBrowser() throws IOException {
        Browser.require();
        downloads = Files.createTempDirectory("certhub-downloads");
        browser = Browser.start(downloads, "en");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void forgetTheLanguage() {
        open("/");
        browser.executeScript("localStorage.clear()");
    }

    @Test
    void aHolderSignsInWithTheMailedCodeDownloadsThePdfAndAsksForACorrection() throws Exception {
        String email = "portal-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String record = exampleFor(email, "IMM-" + UUID.randomUUID());
        String eventId = json(post("/fhir/r4", "application/fhir+json", record, API_KEY))
                .get("id")
                .asText();
        String first = awaitCertified(eventId);
        post("/fhir/r4", "application/fhir+json", record.replace("FD5918", "FD5919"), API_KEY);
        String certificateId = await().atMost(PATIENCE)
                .until(
                        () -> json(get("/api/v1/events/" + eventId))
                                .path("certificateId")
                                .asText(),
                        id -> !id.equals(first));

        open("/");
        browser.findElement(By.cssSelector("a[href='/portal']")).click();
        until(ExpectedConditions.urlContains("/portal"));
        browser.findElement(By.id("contact")).sendKeys(email);
        click("Send me a code");
        String code = await().atMost(PATIENCE)
                .until(() -> codeMailedTo(email), Optional::isPresent)
                .get();
        until(ExpectedConditions.visibilityOfElementLocated(By.id("code"))).sendKeys(code);
        click("Sign in");
        WebElement card = until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.card")));
        assertThat(card.getText())
                .contains(certificateId)
                .contains("Valid")
                .contains("replaces an earlier one (" + first + ")");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("certificates-title");
        assertThat(Browser.accessibilityViolations(browser)).isEmpty();
        screenshots("portal");

        click("Download the PDF");
        Path pdf = downloads.resolve("certificate-" + certificateId + ".pdf");
        await().atMost(PATIENCE).until(() -> Files.isRegularFile(pdf) && Files.size(pdf) > 4);
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        click("Ask for a correction");
        String request = "The vaccination date is wrong " + UUID.randomUUID();
        browser.switchTo().activeElement().sendKeys(request);
        click("Send the request");
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "request was sent"));
        JsonNode queue = json(send("GET", "/api/v1/admin/correction-requests", null, "X-API-Key", ADMIN_KEY));
        assertThat(queue.get("requests").findValuesAsText("text")).contains(request);
        assertThat(queue.get("requests").findValuesAsText("certificateId")).contains(certificateId);
    }

    @Test
    void theVerifierTellsAValidATamperedAndARevokedCodeApartInPlainWords() {
        String qr = qrText(certifyFor("verify-" + UUID.randomUUID() + "@example.org"), "w3c-vc");
        assertThat(paste(qr)).isEqualTo("valid");
        assertThat(browser.findElement(By.id("result")).getText())
                .contains("Valid")
                .contains("Erika Mustermann")
                .contains("1964-08-12");
        assertThat(Browser.accessibilityViolations(browser)).isEmpty();
        screenshots("verify");

        String tampered = qr.contains("Erika") ? qr.replace("Erika", "Erica") : flipMiddle(qr);
        assertThat(paste(tampered)).isEqualTo("invalid");
        assertThat(browser.findElement(By.id("reason")).getText()).isNotBlank();

        String revokedId = certifyFor("revoked-" + UUID.randomUUID() + "@example.org");
        HttpResponse<String> revoked =
                send("POST", "/api/v1/admin/certificates/" + revokedId + "/revoke", null, "X-API-Key", ADMIN_KEY);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(paste(qrText(revokedId, "w3c-vc"))).isEqualTo("revoked");
        assertThat(browser.findElement(By.id("reason")).getText()).contains("withdrawn");
    }

    @Test
    void withTheNetworkCutTheVerifierChecksEuDccSmartHealthCardsAndW3cWithTheTrustListItStored() throws Exception {
        String valid = certifyFor("offline-" + UUID.randomUUID() + "@example.org");
        String revokedId = certifyFor("offline-revoked-" + UUID.randomUUID() + "@example.org");
        HttpResponse<String> revoked =
                send("POST", "/api/v1/admin/certificates/" + revokedId + "/revoke", null, "X-API-Key", ADMIN_KEY);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        String dcc = qrText(valid, "eu-dcc");
        String shc = qrText(valid, "shc");
        assertThat(shc).matches("shc:/\\d+");

        // online, the page stores the keys and revocation lists (the card revoked above among them) and says so
        open("/verify");
        until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("trust")), "data-refreshed"));
        assertThat(browser.findElement(By.id("trust")).getText())
                .isEqualTo("Trust list updated less than a minute ago.");
        assertThat(pasteHere(dcc)).isEqualTo("valid");
        List<String> online = shown();
        assertThat(browser.findElement(By.id("offline-note")).isDisplayed()).isFalse();
        // the W3C credentials seen online have their status lists stored (the revoked one's bit set)
        String w3c = qrText(valid, "w3c-vc");
        String w3cRevoked = qrText(revokedId, "w3c-vc");
        assertThat(pasteHere(w3c)).isEqualTo("valid");
        List<String> w3cOnline = shown();
        assertThat(pasteHere(w3cRevoked)).isEqualTo("revoked");
        for (String credential : List.of(w3c, w3cRevoked)) {
            String list = new ObjectMapper()
                    .readTree(credential)
                    .at("/credentialStatus/statusListCredential")
                    .asText();
            assertThat(list).contains("/credentials/status/");
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat((String)
                                    browser.executeScript("const t = JSON.parse(localStorage.getItem('certhub.trust'));"
                                            + " return JSON.stringify({did: t?.w3c?.did?.id,"
                                            + " lists: Object.keys(t?.w3c?.statusLists ?? {})});"))
                            .contains("\"" + list + "\""));
        }

        network(false);
        try {
            Object reached = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/.well-known/jwks.json', {cache: 'no-store'}).then(() => done(true), () => done(false));""");
            assertThat(reached).as("the hub is out of the page's reach").isEqualTo(false);

            assertThat(pasteHere(dcc)).isEqualTo("valid");
            assertThat(shown()).as("shown as the hub's answer was").isEqualTo(online);
            assertThat(browser.findElement(By.id("offline-note")).getText())
                    .contains("without a connection")
                    .doesNotContain("cannot be checked");
            assertThat(Browser.accessibilityViolations(browser)).isEmpty();

            assertThat(pasteHere(shc)).isEqualTo("valid");
            assertThat(browser.findElement(By.id("result")).getText())
                    .contains("Erika Mustermann")
                    .contains("1964-08-12")
                    .contains("Checked on this device without a connection");
            assertThat(pasteHere(String.join("\n", shcChunks(shc)))).isEqualTo("valid");

            assertThat(pasteHere(tamperedSignature(dcc))).isEqualTo("invalid");
            assertThat(browser.findElement(By.id("reason")).getText()).contains("signature does not match");
            assertThat(pasteHere(tamperedShcSignature(shc))).isEqualTo("invalid");
            assertThat(browser.findElement(By.id("reason")).getText()).contains("signature does not match");

            assertThat(pasteHere(qrText(revokedId, "shc"))).isEqualTo("revoked");
            assertThat(browser.findElement(By.id("reason")).getText()).contains("withdrawn");
            assertThat(pasteHere(qrText(revokedId, "eu-dcc"))).isEqualTo("revoked");
            assertThat(browser.findElement(By.id("reason")).getText()).contains("withdrawn");

            assertThat(pasteHere(w3c)).isEqualTo("valid");
            assertThat(shown()).as("shown as the hub's answer was").isEqualTo(w3cOnline);
            assertThat(browser.findElement(By.id("offline-note")).getText())
                    .contains("Checked on this device without a connection")
                    .doesNotContain("cannot be checked");
            assertThat(pasteHere(w3c.replace("Erika", "Erica"))).isEqualTo("invalid");
            assertThat(browser.findElement(By.id("reason")).getText()).contains("signature does not match");
            assertThat(pasteHere(w3cRevoked)).isEqualTo("revoked");
            assertThat(browser.findElement(By.id("reason")).getText()).contains("withdrawn");

            // a proof suite the page does not check (DIVOC's RSA one) needs the hub
            pasteText(w3c.replace("Ed25519Signature2020", "RsaSignature2018"));
            until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "checked only with one"));
            assertThat(browser.findElement(By.id("result")).isDisplayed()).isFalse();

            // the age shown is the stored list's: two hours old here
            browser.executeScript("""
                    const trust = JSON.parse(localStorage.getItem('certhub.trust'));
                    trust.fetchedAt -= 2 * 60 * 60 * 1000;
                    localStorage.setItem('certhub.trust', JSON.stringify(trust));""");
            assertThat(pasteHere(shc)).isEqualTo("valid");
            assertThat(browser.findElement(By.id("trust")).getText()).isEqualTo("Trust list updated 2 hours ago.");
        } finally {
            network(true);
        }
    }

    @Test
    void theVerifierReadsAQrCodeFromAnImageFile() throws IOException {
        Path image = qrImage(certifyFor("image-" + UUID.randomUUID() + "@example.org"));
        open("/verify");
        browser.findElement(By.id("image")).sendKeys(image.toAbsolutePath().toString());
        assertThat(verdict()).isEqualTo("valid");
    }

    @Test
    void theVerifierReadsAQrCodeFromTheCameraInTheBrowsersLanguage() throws IOException {
        Path image = qrImage(certifyFor("camera-" + UUID.randomUUID() + "@example.org"));
        Path video = FakeCamera.y4m(ImageIO.read(image.toFile()), Files.createTempFile("certhub-camera", ".y4m"));
        ChromeDriver camera = Browser.start(
                downloads,
                "fr",
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video.toAbsolutePath());
        try {
            camera.get(url("/verify"));
            WebDriverWait waiting = new WebDriverWait(camera, PATIENCE);
            waiting.until(ExpectedConditions.textToBe(By.tagName("h1"), "Vérifier un certificat"));
            camera.findElement(By.id("camera-start")).click();
            waiting.until(
                    ExpectedConditions.attributeToBeNotEmpty(camera.findElement(By.id("result")), "data-verdict"));
            assertThat(camera.findElement(By.id("result")).getDomAttribute("data-verdict"))
                    .isEqualTo("valid");
            assertThat(camera.findElement(By.id("verdict")).getText()).isEqualTo("Valable");
        } finally {
            camera.quit();
        }
    }

    @Test
    void everyPagePassesWcagAaInEnglishAndHindiAndFitsAPhone() {
        for (String page : List.of("/", "/portal", "/verify")) {
            for (String language : List.of("en", "hi")) {
                open(page);
                pickLanguage(language);
                assertThat(Browser.accessibilityViolations(browser))
                        .as(page + " in " + language)
                        .isEmpty();
                phone(true);
                Long width = (Long) browser.executeScript("return document.documentElement.scrollWidth");
                assertThat(width).as(page + " at 360 px in " + language).isLessThanOrEqualTo(360L);
                phone(false);
            }
        }
        if (System.getProperty("certhub.screenshots") != null) {
            open("/");
            screenshots("index");
        }
    }

    /** Pastes a QR text into the verifier and answers its verdict. */
    private String paste(String qr) {
        open("/verify");
        WebElement text = until(ExpectedConditions.visibilityOfElementLocated(By.id("text")));
        browser.executeScript("arguments[0].value = arguments[1]", text, qr);
        click("Verify");
        return verdict();
    }

    /** Pastes a QR text into the verifier already open, without loading it again, and answers its verdict. */
    private String pasteHere(String qr) {
        pasteText(qr);
        return verdict();
    }

    private void pasteText(String qr) {
        WebElement text = until(ExpectedConditions.visibilityOfElementLocated(By.id("text")));
        browser.executeScript(
                "arguments[0].value = arguments[1]; document.getElementById('result').removeAttribute('data-verdict')",
                text,
                qr);
        click("Verify");
    }

    /** The verdict, its reason and the details the verifier shows. */
    private static List<String> shown() {
        return List.of("verdict", "reason", "details").stream()
                .map(id -> browser.findElement(By.id(id)).getText())
                .toList();
    }

    /** Cuts the browser's network (DevTools' offline emulation), or gives it back. */
    private static void network(boolean on) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", !on, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** An EU DCC whose COSE signature's last byte is changed (and recompressed): it decodes, but does not verify. */
    private static String tamperedSignature(String hc1) throws DataFormatException {
        Inflater inflater = new Inflater();
        inflater.setInput(Base45.decode(hc1.substring("HC1:".length())));
        ByteArrayOutputStream cose = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new DataFormatException("truncated");
            }
            cose.write(buffer, 0, n);
        }
        inflater.end();
        byte[] bytes = cose.toByteArray();
        bytes[bytes.length - 1] ^= 0x01;
        Deflater deflater = new Deflater(9);
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return "HC1:" + Base45.encode(compressed.toByteArray());
    }

    /** A SMART Health Card whose JWS signature has one character changed: it decodes, but does not verify. */
    private static String tamperedShcSignature(String numeric) {
        String digits = numeric.substring("shc:/".length());
        StringBuilder jws = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 2) {
            jws.append((char) (Integer.parseInt(digits.substring(i, i + 2)) + 45));
        }
        int at = jws.lastIndexOf(".") + 5;
        jws.setCharAt(at, jws.charAt(at) == 'A' ? 'B' : 'A');
        StringBuilder out = new StringBuilder("shc:/");
        jws.chars().forEach(c -> out.append(String.format("%02d", c - 45)));
        return out.toString();
    }

    /** The card as two legacy chunks ({@code shc:/1/2/…}, {@code shc:/2/2/…}), given in reverse order. */
    private static List<String> shcChunks(String numeric) {
        String digits = numeric.substring("shc:/".length());
        int half = digits.length() / 4 * 2;
        return List.of("shc:/2/2/" + digits.substring(half), "shc:/1/2/" + digits.substring(0, half));
    }

    private String verdict() {
        WebElement result = browser.findElement(By.id("result"));
        until(ExpectedConditions.attributeToBeNotEmpty(result, "data-verdict"));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("result");
        return result.getDomAttribute("data-verdict");
    }

    /** The QR text of one format of a certificate, as its sender reads it. */
    /** The certificate's EU DCC QR code as a PNG file (the most compact of its codes). */
    private Path qrImage(String certificateId) throws IOException {
        HttpResponse<byte[]> png = getBytes("/api/v1/certificates/" + certificateId + "/qr.png?format=eu-dcc");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(png.body()))).isNotNull();
        return Files.write(Files.createTempFile("certhub-qr", ".png"), png.body());
    }

    private static String flipMiddle(String qr) {
        int middle = qr.length() / 2;
        char changed = qr.charAt(middle) == 'A' ? 'B' : 'A';
        return qr.substring(0, middle) + changed + qr.substring(middle + 1);
    }

    private void click(String label) {
        until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='" + label + "']")))
                .click();
    }

    private <T> T until(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser, PATIENCE).until(condition);
    }

    private void open(String path) {
        browser.get(url(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Picks a language in the page's switch, once the switch lists it, and waits for the page to take it. */
    private static void pickLanguage(String code) {
        WebDriverWait waiting = new WebDriverWait(browser, PATIENCE);
        waiting.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#language option[value='" + code + "']")));
        new Select(browser.findElement(By.id("language"))).selectByValue(code);
        waiting.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", code));
    }

    /** A 360 × 780 phone (touch, device metrics), or back to the desktop window. */
    private static void phone(boolean on) {
        if (on) {
            browser.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 360, "height", 780, "deviceScaleFactor", 1, "mobile", true));
        } else {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /**
     * With {@code -Dcerthub.screenshots=<folder>}: the page as it is, at desktop and phone width, in English and in
     * Hindi, as {@code <name>-<en|hi>-<desktop|phone>.png}.
     */
    private static void screenshots(String name) {
        String folder = System.getProperty("certhub.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        String before = browser.findElement(By.tagName("html")).getDomAttribute("lang");
        try {
            Files.createDirectories(Path.of(folder));
            for (String code : List.of("en", "hi")) {
                pickLanguage(code);
                for (boolean small : List.of(false, true)) {
                    phone(small);
                    Files.write(
                            Path.of(folder, name + "-" + code + "-" + (small ? "phone" : "desktop") + ".png"),
                            browser.getScreenshotAs(OutputType.BYTES));
                }
                phone(false);
            }
            pickLanguage(before);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
