package org.certhub.connectors.distribution.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.certhub.connectors.distribution.http.InMemoryDeliveryLedger;
import org.certhub.connectors.distribution.spi.CertificateDistributor;
import org.certhub.connectors.distribution.spi.CertificateDistributorContract;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TestRequests;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.connectors.http.CamelForTests;
import org.certhub.connectors.http.HttpAuth;
import org.certhub.connectors.http.Secret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebhookDistributorIT extends CertificateDistributorContract {

    @RegisterExtension
    static final CamelForTests CAMEL = new CamelForTests();

    @RegisterExtension
    static WireMockExtension receivers = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Secret SECRET_A = Secret.of("secret-of-subscriber-a");
    private static final Secret SECRET_B = Secret.of("secret-of-subscriber-b");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookDistributor single;
    private WebhookDistributor fanOut;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        single = new WebhookDistributor(
                new WebhookSettings(
                        List.of(subscriber("a", "/hooks/a", SECRET_A, List.of(TestRequests.FACILITY_ID), List.of())),
                        null),
                new InMemoryDeliveryLedger(),
                clock,
                CAMEL.context());
        fanOut = new WebhookDistributor(
                new WebhookSettings(
                        List.of(
                                subscriber("a", "/hooks/a", SECRET_A, List.of(TestRequests.FACILITY_ID), List.of()),
                                subscriber("b", "/hooks/b", SECRET_B, List.of(), List.of(TestRequests.PROGRAMME_ID)),
                                subscriber(
                                        "c",
                                        "/hooks/c",
                                        Secret.of("secret-c"),
                                        List.of("FAC-OTHER"),
                                        List.of("other"))),
                        null),
                new InMemoryDeliveryLedger(),
                clock,
                CAMEL.context());
        receiverAccepts();
    }

    private static WebhookSubscriber subscriber(
            String id, String path, Secret secret, List<String> facilities, List<String> programmes) {
        return new WebhookSubscriber(id, URI.create(receivers.baseUrl() + path), secret, facilities, programmes);
    }

    // contract hooks: one subscriber

    @Override
    protected CertificateDistributor distributor() {
        return single;
    }

    @Override
    protected int timesAccepted(String deliveryId) {
        return accepted("/hooks/a", deliveryId);
    }

    @Override
    protected void receiverFailsTransiently() {
        stub("/hooks/a", 500);
    }

    @Override
    protected void receiverRejects() {
        stub("/hooks/a", 410);
    }

    @Override
    protected void receiverAccepts() {
        stub("/hooks/a", 204);
        stub("/hooks/b", 200);
        stub("/hooks/c", 200);
    }

    private static void stub(String path, int status) {
        receivers.stubFor(post(path).willReturn(aResponse().withStatus(status)));
    }

    private static int accepted(String path, String deliveryId) {
        return (int) receivers.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(path))
                .filter(e -> deliveryId.equals(e.getRequest().getHeader("X-Certhub-Delivery")))
                .filter(e -> e.getResponse().getStatus() / 100 == 2)
                .count();
    }

    private static List<LoggedRequest> requests(String path) {
        return receivers.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    // webhook specifics

    @Test
    void theEventIsSignedWithTheSubscribersSecretAndCarriesIdsAndUrlsOnly() throws IOException {
        single.deliver(TestRequests.reachable("dlv-sign", "CERT-W1"));

        LoggedRequest sent = requests("/hooks/a").get(0);
        byte[] body = sent.getBody();
        String signature = sent.getHeader("X-Certhub-Signature");
        assertThat(signature).startsWith("sha256=");
        assertThat(new HttpAuth.BodyHmac("X-Certhub-Signature", SECRET_A, HttpAuth.BodyHmac.Encoding.PREFIXED_HEX)
                        .verify(body, signature))
                .isTrue();
        assertThat(new HttpAuth.BodyHmac("X-Certhub-Signature", SECRET_B, HttpAuth.BodyHmac.Encoding.PREFIXED_HEX)
                        .verify(body, signature))
                .isFalse();
        byte[] tampered =
                sent.getBodyAsString().replace("CERT-W1", "CERT-W2").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(new HttpAuth.BodyHmac("X-Certhub-Signature", SECRET_A, HttpAuth.BodyHmac.Encoding.PREFIXED_HEX)
                        .verify(tampered, signature))
                .isFalse();

        assertThat(sent.getHeader("X-Certhub-Delivery")).isEqualTo("dlv-sign");
        assertThat(sent.getHeader("X-Certhub-Timestamp")).isEqualTo(String.valueOf(NOW.getEpochSecond()));
        assertThat(sent.getHeader("X-Certhub-Event")).isEqualTo("certificate.issued");
        JsonNode event = JSON.readTree(body);
        assertThat(event.get("certificateId").asText()).isEqualTo("CERT-W1");
        assertThat(event.get("eventId").asText()).isEqualTo("evt-CERT-W1");
        assertThat(event.get("version").asInt()).isEqualTo(1);
        assertThat(event.get("status").asText()).isEqualTo("issued");
        assertThat(event.get("issuedAt").asText()).isEqualTo("2026-11-02T10:15:30Z");
        assertThat(event.get("downloadUrl").asText()).isEqualTo(TestRequests.DOWNLOAD_URL);
        assertThat(event.get("facilityId").asText()).isEqualTo(TestRequests.FACILITY_ID);
        assertThat(event.get("timestamp").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(event.get("formats")).extracting(JsonNode::asText).containsExactly("w3c-vc");
        assertThat(sent.getBodyAsString())
                .doesNotContain(
                        TestRequests.GIVEN_NAME,
                        TestRequests.FAMILY_NAME,
                        TestRequests.NATIONAL_ID,
                        "98765",
                        TestRequests.EMAIL,
                        "proof");
    }

    @Test
    void everyMatchingSubscriberGetsTheEventAndOthersDoNot() {
        fanOut.deliver(TestRequests.reachable("dlv-fan", "CERT-W2"));

        assertThat(accepted("/hooks/a", "dlv-fan")).isEqualTo(1);
        assertThat(accepted("/hooks/b", "dlv-fan")).isEqualTo(1);
        assertThat(requests("/hooks/c")).isEmpty();
    }

    @Test
    void whenOneSubscriberIsDownTheRetryCallsOnlyThatOne() {
        stub("/hooks/b", 503);
        DeliveryRequest request = TestRequests.reachable("dlv-partial", "CERT-W3");

        assertThatThrownBy(() -> fanOut.deliver(request))
                .isInstanceOf(TransientDeliveryException.class)
                .hasMessageContaining("[b]");
        assertThatThrownBy(() -> fanOut.deliver(request)).isInstanceOf(TransientDeliveryException.class);
        stub("/hooks/b", 200);
        fanOut.deliver(request);
        fanOut.deliver(request);

        assertThat(requests("/hooks/a")).hasSize(1);
        assertThat(requests("/hooks/b"))
                .hasSize(3)
                .extracting(r -> r.getHeader("X-Certhub-Delivery"))
                .containsOnly("dlv-partial");
        assertThat(accepted("/hooks/a", "dlv-partial")).isEqualTo(1);
        assertThat(accepted("/hooks/b", "dlv-partial")).isEqualTo(1);
    }

    @Test
    void aRefusingSubscriberMakesThePartialDeliveryPermanentAndAReplayOnlyRetriesIt() {
        stub("/hooks/b", 403);
        DeliveryRequest request = TestRequests.reachable("dlv-refused", "CERT-W4");

        assertThatThrownBy(() -> fanOut.deliver(request))
                .isInstanceOf(PermanentDeliveryException.class)
                .hasMessageContaining("[b]");
        stub("/hooks/b", 200); // the subscriber fixed its side; the dead letter is replayed
        fanOut.deliver(request);

        assertThat(requests("/hooks/a")).hasSize(1);
        assertThat(accepted("/hooks/b", "dlv-refused")).isEqualTo(1);
    }

    @Test
    void aRetryableFailureWinsOverARefusal() {
        stub("/hooks/a", 500);
        stub("/hooks/b", 400);

        assertThatThrownBy(() -> fanOut.deliver(TestRequests.reachable("dlv-mixed", "CERT-W5")))
                .isInstanceOf(TransientDeliveryException.class);
    }

    @Test
    void aSubscriberForEveryFacilityGetsEverything() {
        WebhookDistributor all = new WebhookDistributor(
                new WebhookSettings(
                        List.of(subscriber("all", "/hooks/c", SECRET_A, List.of(WebhookSubscriber.ANY), List.of())),
                        null),
                new InMemoryDeliveryLedger(),
                Clock.systemUTC(),
                CAMEL.context());
        DeliveryRequest noFacility = TestRequests.unreachable("dlv-any", "CERT-W6");

        assertThat(all.appliesTo(noFacility)).isTrue();
        all.deliver(noFacility);
        assertThat(accepted("/hooks/c", "dlv-any")).isEqualTo(1);
    }

    @Test
    void settingsRefuseDuplicatesAndUnfilteredSubscribersAndHideSecrets() {
        WebhookSubscriber a = subscriber("a", "/x", SECRET_A, List.of("F"), List.of());
        assertThatThrownBy(() -> new WebhookSettings(List.of(a, a), null)).hasMessageContaining("id a");
        assertThatThrownBy(() -> subscriber("n", "/x", SECRET_A, List.of(), List.of()))
                .hasMessageContaining("no facility");
        assertThatThrownBy(() ->
                        new WebhookSubscriber("bad id/../", URI.create("http://h/"), SECRET_A, List.of("*"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new WebhookSubscriber("f", URI.create("file:///etc/passwd"), SECRET_A, List.of("*"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new WebhookSettings(List.of(a), null).toString()).doesNotContain(SECRET_A.value());
    }
}
