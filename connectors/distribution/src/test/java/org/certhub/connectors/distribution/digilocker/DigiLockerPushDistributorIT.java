package org.certhub.connectors.distribution.digilocker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.certhub.connectors.distribution.http.InMemoryDeliveryLedger;
import org.certhub.connectors.distribution.spi.CertificateDistributor;
import org.certhub.connectors.distribution.spi.CertificateDistributorContract;
import org.certhub.connectors.distribution.spi.DeliveryReceipt;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.connectors.distribution.spi.TestRequests;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.connectors.http.CamelForTests;
import org.certhub.connectors.http.HttpAuth;
import org.certhub.connectors.http.Secret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;

class DigiLockerPushDistributorIT extends CertificateDistributorContract {

    @RegisterExtension
    static final CamelForTests CAMEL = new CamelForTests();

    @RegisterExtension
    static WireMockExtension locker = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String PATH = "/account/pushuri";
    private static final Secret KEY = Secret.of("locker-hmac-key");
    private static final DigiLockerIssuer ISSUER = new DigiLockerIssuer("in.gov.certhub", "VACER");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private DigiLockerPushDistributor distributor;

    @BeforeEach
    void setUp() {
        distributor = distributor(DigiLockerPushSettings.Format.JSON, hmacAuth());
        receiverAccepts();
    }

    private static HttpAuth.BodyHmac hmacAuth() {
        return new HttpAuth.BodyHmac("x-digilocker-hmac", KEY, HttpAuth.BodyHmac.Encoding.BASE64_OF_HEX);
    }

    private static DigiLockerPushDistributor distributor(DigiLockerPushSettings.Format format, HttpAuth auth) {
        return new DigiLockerPushDistributor(
                new DigiLockerPushSettings(
                        URI.create(locker.baseUrl() + PATH), format, auth, ISSUER, "org-7", null, null),
                new InMemoryDeliveryLedger(),
                CLOCK,
                CAMEL.context());
    }

    // contract hooks

    @Override
    protected CertificateDistributor distributor() {
        return distributor;
    }

    @Override
    protected int timesAccepted(String deliveryId) {
        return (int) locker.getAllServeEvents().stream()
                .filter(e -> deliveryId.equals(e.getRequest().getHeader("Idempotency-Key")))
                .filter(e -> e.getResponse().getStatus() / 100 == 2)
                .count();
    }

    @Override
    protected void receiverFailsTransiently() {
        locker.stubFor(post(PATH).willReturn(aResponse().withStatus(500)));
    }

    @Override
    protected void receiverRejects() {
        locker.stubFor(post(PATH).willReturn(aResponse().withStatus(403)));
    }

    @Override
    protected void receiverAccepts() {
        locker.stubFor(post(PATH).willReturn(okJson("{\"status\":\"ok\"}")));
    }

    // push specifics

    @Test
    void anOutageThenRecoveryPushesTheSameUriExactlyOnce() {
        locker.resetMappings();
        locker.stubFor(post(PATH)
                .inScenario("outage")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("down"));
        locker.stubFor(post(PATH)
                .inScenario("outage")
                .whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(429))
                .willSetStateTo("up"));
        locker.stubFor(post(PATH).inScenario("outage").whenScenarioStateIs("up").willReturn(okJson("{}")));
        DeliveryRequest request = TestRequests.reachable("dlv-push", "CERT-P1");

        assertThatThrownBy(() -> distributor.deliver(request)).isInstanceOf(TransientDeliveryException.class);
        assertThatThrownBy(() -> distributor.deliver(request)).isInstanceOf(TransientDeliveryException.class);
        DeliveryReceipt receipt = distributor.deliver(request);
        distributor.deliver(request);

        assertThat(receipt.externalReference()).isEqualTo("in.gov.certhub-VACER-CERT-P1");
        List<ServeEvent> events = locker.getAllServeEvents();
        assertThat(events).hasSize(3);
        assertThat(events)
                .extracting(e -> e.getRequest().getBodyAsString())
                .containsOnly(events.get(0).getRequest().getBodyAsString());
        assertThat(timesAccepted("dlv-push")).isEqualTo(1);
    }

    @Test
    void theJsonPushCarriesTheUriAndIsSignedWithTheSharedKey() throws Exception {
        distributor.deliver(TestRequests.reachable("dlv-json", "CERT-P2"));

        LoggedRequest sent =
                locker.findAll(postRequestedFor(urlPathEqualTo(PATH))).get(0);
        assertThat(hmacAuth().verify(sent.getBody(), sent.getHeader("x-digilocker-hmac")))
                .isTrue();
        assertThat(new HttpAuth.BodyHmac(
                                "x-digilocker-hmac", Secret.of("other"), HttpAuth.BodyHmac.Encoding.BASE64_OF_HEX)
                        .verify(sent.getBody(), sent.getHeader("x-digilocker-hmac")))
                .isFalse();
        JsonNode push = JSON.readTree(sent.getBody());
        assertThat(push.get("txn").asText()).isEqualTo("dlv-json");
        assertThat(push.get("ts").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(push.get("orgId").asText()).isEqualTo("org-7");
        assertThat(push.get("action").asText()).isEqualTo("A");
        assertThat(push.get("uri").asText()).isEqualTo("in.gov.certhub-VACER-CERT-P2");
        assertThat(push.get("docType").asText()).isEqualTo("VACER");
        assertThat(push.get("docId").asText()).isEqualTo("CERT-P2");
        assertThat(push.get("issuedDate").asText()).isEqualTo("2026-11-02");
        assertThat(push.get("mobile").asText()).isEqualTo(TestRequests.PHONE);
        assertThat(sent.getBodyAsString()).doesNotContain(TestRequests.GIVEN_NAME, TestRequests.NATIONAL_ID);
    }

    @Test
    void anXmlPushWithAnApiKeyIsWellFormedAndAStatusZeroAnswerIsNoSuccess() {
        DigiLockerPushDistributor xml = distributor(
                DigiLockerPushSettings.Format.XML, new HttpAuth.ApiKey("X-API-Key", Secret.of("api-key-1")));
        locker.stubFor(
                post(PATH)
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/xml")
                                        .withBody(
                                                "<PushURIResponse><ResponseStatus Status=\"0\" ts=\"x\" txn=\"dlv-xml\"/></PushURIResponse>")));
        DeliveryRequest request = TestRequests.reachable("dlv-xml", "CERT-P3");

        assertThatThrownBy(() -> xml.deliver(request)).isInstanceOf(TransientDeliveryException.class);

        locker.stubFor(
                post(PATH)
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withBody(
                                                "<PushURIResponse><ResponseStatus Status=\"1\" ts=\"x\" txn=\"dlv-xml\"/></PushURIResponse>")));
        xml.deliver(request);

        LoggedRequest sent =
                locker.findAll(postRequestedFor(urlPathEqualTo(PATH))).get(1);
        assertThat(sent.getHeader("X-API-Key")).isEqualTo("api-key-1");
        assertThat(sent.getHeader("Content-Type")).startsWith("application/xml");
        Element root = SecureXml.parse(sent.getBody()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("PushURIRequest");
        assertThat(root.getAttribute("txn")).isEqualTo("dlv-xml");
        Element details = SecureXml.child(root, "UriDetails").orElseThrow();
        assertThat(SecureXml.childText(details, "URI")).isEqualTo("in.gov.certhub-VACER-CERT-P3");
        assertThat(SecureXml.childText(details, "DocType")).isEqualTo("VACER");
        assertThat(SecureXml.childText(details, "Action")).isEqualTo("A");
        assertThat(new String(sent.getBody(), StandardCharsets.UTF_8)).startsWith("<?xml");
    }

    @Test
    void aLockerThatAlreadyHasTheUriCountsAsDelivered() {
        locker.stubFor(post(PATH).willReturn(aResponse().withStatus(409)));

        assertThat(distributor
                        .deliver(TestRequests.reachable("dlv-dup", "CERT-P4"))
                        .externalReference())
                .isEqualTo("in.gov.certhub-VACER-CERT-P4");
        distributor.deliver(TestRequests.reachable("dlv-dup", "CERT-P4"));
        locker.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void settingsHideTheirSecrets() {
        var settings = new DigiLockerPushSettings(
                URI.create(locker.baseUrl() + PATH), null, hmacAuth(), ISSUER, null, null, null);

        assertThat(settings.toString()).doesNotContain(KEY.value());
        assertThatThrownBy(
                        () -> new DigiLockerPushSettings(URI.create("ftp://x/"), null, null, ISSUER, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
