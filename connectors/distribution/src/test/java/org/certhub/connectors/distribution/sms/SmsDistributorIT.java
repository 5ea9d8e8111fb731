package org.certhub.connectors.distribution.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.certhub.connectors.distribution.http.InMemoryDeliveryLedger;
import org.certhub.connectors.distribution.spi.CertificateDistributor;
import org.certhub.connectors.distribution.spi.CertificateDistributorContract;
import org.certhub.connectors.distribution.spi.DeliveryReceipt;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TestRequests;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.connectors.http.CamelForTests;
import org.certhub.connectors.http.HttpAuth;
import org.certhub.connectors.http.HttpTimeouts;
import org.certhub.connectors.http.Secret;
import org.certhub.render.ConfigSource;
import org.certhub.render.Messages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsDistributorIT extends CertificateDistributorContract {

    @RegisterExtension
    static final CamelForTests CAMEL = new CamelForTests();

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String PATH = "/v1/sms";
    private static final Secret API_KEY = Secret.of("gateway-key-for-tests");
    private static final Secret CODE_KEY = Secret.of("code-key-for-tests");
    private static final String JSON_TEMPLATE = "{\"to\":\"{to}\",\"text\":\"{message}\",\"ref\":\"{deliveryId}\"}";
    private static final Map<String, String> MESSAGES = Map.of(
            "en", "Your vaccination certificate: {link} Code: {code}",
            "hi", "आपका टीकाकरण प्रमाणपत्र: {link} कोड: {code}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Messages BUNDLES = new Messages(ConfigSource.directory(Path.of("..", "..", "config")));

    private SmsDistributor distributor;

    @BeforeEach
    void setUp() {
        distributor = new SmsDistributor(
                settings(
                        SmsSettings.Method.POST,
                        SmsBodyFormat.JSON,
                        JSON_TEMPLATE,
                        new HttpAuth.ApiKey("X-API-Key", API_KEY),
                        HttpTimeouts.DEFAULT),
                BUNDLES,
                new InMemoryDeliveryLedger(),
                CAMEL.context());
        receiverAccepts();
    }

    private static SmsSettings settings(
            SmsSettings.Method method, SmsBodyFormat format, String template, HttpAuth auth, HttpTimeouts timeouts) {
        return new SmsSettings(
                URI.create(gateway.baseUrl() + PATH),
                method,
                auth,
                format,
                template,
                MESSAGES,
                CODE_KEY,
                6,
                null,
                "$.status",
                List.of("OK"),
                true,
                "$.messageId",
                timeouts);
    }

    // contract hooks

    @Override
    protected CertificateDistributor distributor() {
        return distributor;
    }

    @Override
    protected DeliveryRequest undeliverable(String deliveryId, String certificateId) {
        return TestRequests.request(
                deliveryId,
                certificateId,
                List.of(new org.certhub.model.ContactPoint(
                        org.certhub.model.ContactPoint.Channel.EMAIL, TestRequests.EMAIL)),
                TestRequests.FACILITY_ID,
                TestRequests.PROGRAMME_ID,
                TestRequests.GIVEN_NAME);
    }

    @Override
    protected int timesAccepted(String deliveryId) {
        return (int) gateway.getAllServeEvents().stream()
                .filter(e -> deliveryId.equals(e.getRequest().getHeader("Idempotency-Key")))
                .filter(e -> e.getResponse().getStatus() == 200
                        && e.getResponse().getBodyAsString().contains("\"OK\""))
                .count();
    }

    @Override
    protected void receiverFailsTransiently() {
        gateway.resetMappings();
        gateway.stubFor(post(PATH).willReturn(aResponse().withStatus(503)));
    }

    @Override
    protected void receiverRejects() {
        gateway.resetMappings();
        gateway.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"bad number\"}")));
    }

    @Override
    protected void receiverAccepts() {
        gateway.resetMappings();
        gateway.stubFor(post(PATH).willReturn(okJson("{\"status\":\"OK\",\"messageId\":\"m-77\"}")));
    }

    // SMS specifics

    @Test
    void anOutageThenRecoverySendsTheSameMessageAndItIsAcceptedExactlyOnce() {
        gateway.resetMappings();
        gateway.stubFor(post(PATH)
                .inScenario("outage")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("still down"));
        gateway.stubFor(post(PATH)
                .inScenario("outage")
                .whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(502))
                .willSetStateTo("up"));
        gateway.stubFor(post(PATH)
                .inScenario("outage")
                .whenScenarioStateIs("up")
                .willReturn(okJson("{\"status\":\"OK\",\"messageId\":\"m-1\"}")));
        DeliveryRequest request = TestRequests.reachable("dlv-outage", "CERT-1");

        assertThatThrownBy(() -> distributor.deliver(request)).isInstanceOf(TransientDeliveryException.class);
        assertThatThrownBy(() -> distributor.deliver(request)).isInstanceOf(TransientDeliveryException.class);
        DeliveryReceipt receipt = distributor.deliver(request);
        distributor.deliver(request); // the hub redelivers after a crash before recording the success

        assertThat(receipt.externalReference()).isEqualTo("m-1");
        List<ServeEvent> events = gateway.getAllServeEvents();
        assertThat(events).hasSize(3);
        assertThat(events)
                .extracting(e -> e.getRequest().getHeader("Idempotency-Key"))
                .containsOnly("dlv-outage");
        assertThat(events)
                .extracting(e -> e.getRequest().getBodyAsString())
                .containsOnly(events.get(0).getRequest().getBodyAsString());
        assertThat(events).filteredOn(e -> e.getResponse().getStatus() == 200).hasSize(1);
        assertThat(timesAccepted("dlv-outage")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 422})
    void aClientErrorIsPermanent(int status) {
        gateway.resetMappings();
        gateway.stubFor(post(PATH).willReturn(aResponse().withStatus(status)));

        assertThatThrownBy(() -> distributor.deliver(TestRequests.reachable("dlv-" + status, "CERT-1")))
                .isInstanceOf(PermanentDeliveryException.class)
                .hasMessageContaining(String.valueOf(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 503, 504})
    void throttlingAndServerErrorsAreTransient(int status) {
        gateway.resetMappings();
        gateway.stubFor(post(PATH).willReturn(aResponse().withStatus(status)));

        assertThatThrownBy(() -> distributor.deliver(TestRequests.reachable("dlv-" + status, "CERT-1")))
                .isInstanceOf(TransientDeliveryException.class);
    }

    @Test
    void aTwoHundredWithAnErrorInTheBodyIsNotASuccessAndIsSentAgain() {
        gateway.resetMappings();
        gateway.stubFor(post(PATH).willReturn(okJson("{\"status\":\"ERROR\",\"error\":\"insufficient credit\"}")));
        DeliveryRequest request = TestRequests.reachable("dlv-body-error", "CERT-1");

        assertThatThrownBy(() -> distributor.deliver(request)).isInstanceOf(TransientDeliveryException.class);
        assertThatThrownBy(() -> distributor.deliver(request)).isInstanceOf(TransientDeliveryException.class);
        gateway.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aTwoHundredThatIsNotJsonIsNotASuccess() {
        gateway.resetMappings();
        gateway.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));

        assertThatThrownBy(() -> distributor.deliver(TestRequests.reachable("dlv-html", "CERT-1")))
                .isInstanceOf(TransientDeliveryException.class);
    }

    @Test
    void aBodyErrorCanBeConfiguredPermanent() {
        SmsSettings permanent = new SmsSettings(
                URI.create(gateway.baseUrl() + PATH),
                null,
                null,
                SmsBodyFormat.JSON,
                JSON_TEMPLATE,
                MESSAGES,
                CODE_KEY,
                6,
                null,
                "$.status",
                List.of("OK"),
                false,
                null,
                null);
        gateway.resetMappings();
        gateway.stubFor(post(PATH).willReturn(okJson("{\"status\":\"INVALID_NUMBER\"}")));

        assertThatThrownBy(() -> new SmsDistributor(permanent, BUNDLES, new InMemoryDeliveryLedger(), CAMEL.context())
                        .deliver(TestRequests.reachable("dlv-invalid", "CERT-1")))
                .isInstanceOf(PermanentDeliveryException.class);
    }

    @Test
    void theMessageCarriesTheLinkAndCodeButNoNameNoIdentifierAndNoCertificate() throws IOException {
        distributor.deliver(TestRequests.reachable("dlv-privacy", "CERT-PRIV-1"));

        LoggedRequest sent =
                gateway.findAll(postRequestedFor(urlPathEqualTo(PATH))).get(0);
        String body = sent.getBodyAsString();
        JsonNode json = JSON.readTree(body);
        String code = new ShortCode(CODE_KEY, 6).of("CERT-PRIV-1");
        assertThat(json.get("to").asText()).isEqualTo("+919876543210");
        assertThat(json.get("ref").asText()).isEqualTo("dlv-privacy");
        assertThat(json.get("text").asText())
                .isEqualTo("Your vaccination certificate: " + TestRequests.DOWNLOAD_URL + " Code: " + code);
        assertThat(code).matches("\\d{6}");
        assertThat(body)
                .doesNotContain(
                        TestRequests.GIVEN_NAME,
                        TestRequests.FAMILY_NAME,
                        TestRequests.NATIONAL_ID,
                        "CERT-PRIV-1",
                        TestRequests.SIGNED_JSON,
                        "proof");
        assertThat(sent.getHeader("X-API-Key")).isEqualTo(API_KEY.value());
        assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void theTextFollowsTheRecipientsLanguage() throws IOException {
        DeliveryRequest english = TestRequests.reachable("dlv-hi", "CERT-HI");
        DeliveryRequest hindi = new DeliveryRequest(
                english.deliveryId(),
                english.certificate(),
                english.credentials(),
                english.primaryFormat(),
                english.downloadUrl(),
                Locale.forLanguageTag("hi-IN"));

        distributor.deliver(hindi);

        String text = JSON.readTree(gateway.findAll(postRequestedFor(urlPathEqualTo(PATH)))
                        .get(0)
                        .getBodyAsString())
                .get("text")
                .asText();
        assertThat(text).startsWith("आपका टीकाकरण प्रमाणपत्र: " + TestRequests.DOWNLOAD_URL);
    }

    @Test
    void aFormGatewayWithBasicAuthGetsAnEncodedForm() {
        SmsDistributor form = new SmsDistributor(
                settings(
                        SmsSettings.Method.POST,
                        SmsBodyFormat.FORM,
                        "to={to}&text={message}&ref={deliveryId}",
                        new HttpAuth.Basic("certhub", Secret.of("pw")),
                        HttpTimeouts.DEFAULT),
                BUNDLES,
                new InMemoryDeliveryLedger(),
                CAMEL.context());

        form.deliver(TestRequests.reachable("dlv-form", "CERT-F"));

        LoggedRequest sent =
                gateway.findAll(postRequestedFor(urlPathEqualTo(PATH))).get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Basic Y2VydGh1Yjpwdw==");
        assertThat(sent.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(sent.formParameters().get("to").firstValue()).isEqualTo("+919876543210");
        assertThat(sent.formParameters().get("text").firstValue()).contains(TestRequests.DOWNLOAD_URL);
    }

    @Test
    void aGetGatewayGetsTheFormAsQueryAndABearerToken() {
        gateway.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"status\":\"OK\"}")));
        SmsDistributor viaGet = new SmsDistributor(
                settings(
                        SmsSettings.Method.GET,
                        SmsBodyFormat.FORM,
                        "to={to}&text={message}",
                        new HttpAuth.Bearer(Secret.of("token-1")),
                        HttpTimeouts.DEFAULT),
                BUNDLES,
                new InMemoryDeliveryLedger(),
                CAMEL.context());

        viaGet.deliver(TestRequests.reachable("dlv-get", "CERT-G"));

        LoggedRequest sent = gateway.getAllServeEvents().get(0).getRequest();
        assertThat(sent.getMethod().getName()).isEqualTo("GET");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer token-1");
        assertThat(URLDecoder.decode(sent.getUrl(), StandardCharsets.UTF_8)).contains("to=+919876543210");
        assertThat(sent.queryParameter("text").firstValue()).contains(TestRequests.DOWNLOAD_URL);
    }

    @Test
    void aGatewayTooSlowToAnswerIsTransient() {
        gateway.resetMappings();
        gateway.stubFor(post(PATH).willReturn(okJson("{\"status\":\"OK\"}").withFixedDelay(2_000)));
        SmsDistributor impatient = new SmsDistributor(
                settings(
                        SmsSettings.Method.POST,
                        SmsBodyFormat.JSON,
                        JSON_TEMPLATE,
                        new HttpAuth.None(),
                        new HttpTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300))),
                BUNDLES,
                new InMemoryDeliveryLedger(),
                CAMEL.context());

        assertThatThrownBy(() -> impatient.deliver(TestRequests.reachable("dlv-slow", "CERT-S")))
                .isInstanceOf(TransientDeliveryException.class);
    }

    @Test
    void aGatewayThatIsDownIsTransient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmsSettings down = textSettings(
                URI.create("http://127.0.0.1:" + closedPort + PATH), "to={to}&text={message}", MESSAGES, CODE_KEY);

        assertThatThrownBy(() -> new SmsDistributor(down, BUNDLES, new InMemoryDeliveryLedger(), CAMEL.context())
                        .deliver(TestRequests.reachable("dlv-down", "CERT-D")))
                .isInstanceOf(TransientDeliveryException.class);
    }

    @Test
    void aPhoneNumberThatIsNoNumberIsPermanent() {
        DeliveryRequest request = TestRequests.request(
                "dlv-bad-phone",
                "CERT-B",
                List.of(new org.certhub.model.ContactPoint(
                        org.certhub.model.ContactPoint.Channel.PHONE, "call me maybe")),
                TestRequests.FACILITY_ID,
                TestRequests.PROGRAMME_ID,
                TestRequests.GIVEN_NAME);

        assertThatThrownBy(() -> distributor.deliver(request)).isInstanceOf(PermanentDeliveryException.class);
        assertThat(gateway.getAllServeEvents()).isEmpty();
    }

    @Test
    void settingsRefuseTemplatesThatCannotWork() {
        URI url = URI.create(gateway.baseUrl() + PATH);
        assertThatThrownBy(() -> textSettings(url, "to={to}", MESSAGES, CODE_KEY))
                .hasMessageContaining("{message}");
        assertThatThrownBy(() -> textSettings(url, "to={to}&m={message}", Map.of("en", "no link here"), null))
                .hasMessageContaining("{link}");
        assertThatThrownBy(() -> textSettings(url, "to={to}&m={message}", MESSAGES, null))
                .hasMessageContaining("codeKey");
        assertThatThrownBy(
                        () -> textSettings(url, "to={to}&m={message}", Map.of("en", "no code here: {link}"), CODE_KEY))
                .as("the link needs the code, so every text shows it")
                .hasMessageContaining("{code}");
        SmsSettings brokenJson = new SmsSettings(
                url,
                null,
                null,
                SmsBodyFormat.JSON,
                "{\"to\":{to},\"m\":\"{message}\"",
                MESSAGES,
                CODE_KEY,
                6,
                null,
                null,
                null,
                true,
                null,
                null);
        assertThatThrownBy(() -> new SmsDistributor(brokenJson, BUNDLES, new InMemoryDeliveryLedger(), CAMEL.context()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsDoNotShowTheirSecrets() {
        SmsSettings settings = settings(
                SmsSettings.Method.POST,
                SmsBodyFormat.JSON,
                JSON_TEMPLATE,
                new HttpAuth.ApiKey("X-API-Key", API_KEY),
                HttpTimeouts.DEFAULT);

        assertThat(settings.toString())
                .doesNotContain(API_KEY.value(), CODE_KEY.value())
                .contains("X-API-Key");
    }

    @Test
    void theShortCodeIsStablePerCertificateAndDependsOnTheKey() {
        ShortCode code = new ShortCode(CODE_KEY, 6);

        assertThat(code.of("CERT-1")).isEqualTo(code.of("CERT-1")).isNotEqualTo(code.of("CERT-2"));
        assertThat(code.matches("CERT-1", code.of("CERT-1"))).isTrue();
        assertThat(code.matches("CERT-1", new ShortCode(Secret.of("another key"), 6).of("CERT-1")))
                .isFalse();
    }

    /** Settings that differ only in the gateway, the form body, the texts and the code key. */
    private static SmsSettings textSettings(URI url, String body, Map<String, String> texts, Secret codeKey) {
        return new SmsSettings(url, null, null, null, body, texts, codeKey, 6, null, null, null, true, null, null);
    }
}
