package org.certhub.connectors.payment.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.certhub.connectors.http.CamelForTests;
import org.certhub.connectors.http.HttpAuth;
import org.certhub.connectors.http.HttpSettings;
import org.certhub.connectors.http.Secret;
import org.certhub.connectors.payment.audit.AuditSink;
import org.certhub.connectors.payment.audit.InMemoryAuditSink;
import org.certhub.connectors.payment.spi.FundingDecision;
import org.certhub.connectors.payment.spi.FundingDecision.Outcome;
import org.certhub.connectors.payment.spi.PaymentGateway;
import org.certhub.connectors.payment.spi.PaymentGatewayContract;
import org.certhub.connectors.payment.spi.PaymentRejectedException;
import org.certhub.connectors.payment.spi.PaymentUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RestPaymentGatewayIT extends PaymentGatewayContract {

    private static final String CLAIM = """
            {"claimId": {{eventId}}, "programme": {{programmeId}}, "facility": {{facilityId}},
             "payer": {{fundingSource}}, "amount": {"value": {{amount}}, "currency": {{currency}}}}
            """;

    @RegisterExtension
    static final CamelForTests CAMEL = new CamelForTests();

    @RegisterExtension
    static WireMockExtension payer = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @BeforeEach
    void approveClaims() {
        payer.stubFor(post("/claims").willReturn(okJson("{\"claim\": {\"status\": \"APPROVED\", \"ref\": \"C-9\"}}")));
    }

    @Override
    protected PaymentGateway gateway(AuditSink audit) {
        return new RestPaymentGateway(
                settings(new HttpAuth.ApiKey("X-Api-Key", Secret.of("payer-key")), Duration.ofSeconds(10)),
                audit,
                CAMEL.context());
    }

    @Test
    void sendsTheClaimWithTheEventIdAsIdempotencyKey() {
        FundingDecision decision = gateway(new InMemoryAuditSink(10)).check(REQUEST);

        assertThat(decision.outcome()).isEqualTo(Outcome.FUNDED);
        assertThat(decision.reference()).isEqualTo("C-9");
        assertThat(decision.detail()).isEqualTo("APPROVED");
        payer.verify(
                1,
                postRequestedFor(urlPathEqualTo("/claims"))
                        .withHeader("Idempotency-Key", equalTo("event-42"))
                        .withHeader("X-Api-Key", equalTo("payer-key"))
                        .withRequestBody(equalToJson("""
                        {"claimId": "event-42", "programme": "covid-19", "facility": "facility-7",
                         "payer": "EMPLOYER", "amount": {"value": "12.50", "currency": "EUR"}}
                        """)));
    }

    @Test
    void aRetryAfterAnOutageCarriesTheSameKeySoThePayerClaimsOnce() {
        payer.stubFor(post("/claims")
                .inScenario("outage")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("recovered"));
        payer.stubFor(post("/claims")
                .inScenario("outage")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"claim\": {\"status\": \"paid\", \"ref\": \"C-10\"}}")));
        InMemoryAuditSink audit = new InMemoryAuditSink(10);
        PaymentGateway gateway = gateway(audit);

        assertThatThrownBy(() -> gateway.check(REQUEST)).isInstanceOf(PaymentUnavailableException.class);
        assertThat(audit.records()).isEmpty();
        FundingDecision decision = gateway.check(REQUEST);

        assertThat(decision.outcome()).isEqualTo(Outcome.PAID);
        List<LoggedRequest> claims = payer.findAll(postRequestedFor(urlPathEqualTo("/claims")));
        assertThat(claims).hasSize(2);
        assertThat(claims)
                .extracting(claim -> claim.getHeader("Idempotency-Key"))
                .containsOnly("event-42");
        assertThat(claims.get(0).getBodyAsString()).isEqualTo(claims.get(1).getBodyAsString());
        assertThat(audit.records())
                .singleElement()
                .satisfies(record -> assertThat(record.decision()).isEqualTo(decision));
    }

    @Test
    void aClaimStillInProgressOrASlowPayerIsTransient() {
        payer.stubFor(post("/claims").willReturn(aResponse().withStatus(409)));
        assertThatThrownBy(() -> gateway(new InMemoryAuditSink(10)).check(REQUEST))
                .isInstanceOf(PaymentUnavailableException.class);

        payer.stubFor(post("/claims")
                .willReturn(okJson("{\"claim\": {\"status\": \"paid\"}}").withFixedDelay(2_000)));
        PaymentGateway impatient = new RestPaymentGateway(
                settings(new HttpAuth.None(), Duration.ofMillis(300)), new InMemoryAuditSink(10), CAMEL.context());
        assertThatThrownBy(() -> impatient.check(REQUEST)).isInstanceOf(PaymentUnavailableException.class);
    }

    @Test
    void aRefusedClaimIsPermanentAndNotRecorded() {
        payer.stubFor(post("/claims")
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"unknown facility\"}")));
        InMemoryAuditSink audit = new InMemoryAuditSink(10);

        assertThatThrownBy(() -> gateway(audit).check(REQUEST))
                .isInstanceOf(PaymentRejectedException.class)
                .hasMessageContaining("422");
        assertThat(audit.records()).isEmpty();
    }

    @Test
    void paymentRequiredIsADeclineAndSoIsADeclinedStatus() {
        payer.stubFor(post("/claims").willReturn(aResponse().withStatus(402)));
        assertThat(gateway(new InMemoryAuditSink(10)).check(REQUEST).outcome()).isEqualTo(Outcome.DECLINED);

        payer.stubFor(post("/claims").willReturn(okJson("{\"claim\": {\"status\": \"Denied\"}}")));
        FundingDecision declined = gateway(new InMemoryAuditSink(10)).check(REQUEST);
        assertThat(declined.outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(declined.permitsIssue(false)).isFalse();
    }

    @Test
    void aPendingClaimIssuesOrBlocksAsTheProgrammeSaysAndReconcilesLater() {
        payer.stubFor(post("/claims")
                .inScenario("slow payer")
                .whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"claim\": {\"status\": \"submitted\", \"ref\": \"C-11\"}}"))
                .willSetStateTo("settled"));
        payer.stubFor(post("/claims")
                .inScenario("slow payer")
                .whenScenarioStateIs("settled")
                .willReturn(okJson("{\"claim\": {\"status\": \"paid\", \"ref\": \"C-11\"}}")));
        InMemoryAuditSink audit = new InMemoryAuditSink(10);
        PaymentGateway gateway = gateway(audit);

        FundingDecision pending = gateway.check(REQUEST);
        assertThat(pending.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(pending.permitsIssue(false)).isTrue();
        assertThat(pending.permitsIssue(true)).isFalse();

        FundingDecision settled = gateway.reconcile(REQUEST);
        assertThat(settled.outcome()).isEqualTo(Outcome.PAID);
        assertThat(audit.find(REQUEST.eventId()))
                .hasValueSatisfying(r -> assertThat(r.decision()).isEqualTo(settled));
    }

    @Test
    void anUnmappedStatusOrAnAnswerWithoutOneIsPermanent() {
        payer.stubFor(post("/claims").willReturn(okJson("{\"claim\": {\"status\": \"on-hold-for-audit\"}}")));
        assertThatThrownBy(() -> gateway(new InMemoryAuditSink(10)).check(REQUEST))
                .isInstanceOf(PaymentRejectedException.class)
                .hasMessageContaining("on-hold-for-audit");

        payer.stubFor(post("/claims").willReturn(aResponse().withStatus(200).withBody("<html>proxy</html>")));
        assertThatThrownBy(() -> gateway(new InMemoryAuditSink(10)).check(REQUEST))
                .isInstanceOf(PaymentRejectedException.class);
    }

    @Test
    void checksPaymentStatusWithAGetAndAnOAuth2Token() {
        payer.stubFor(post("/token").willReturn(okJson("{\"access_token\": \"payer-token\", \"expires_in\": 600}")));
        payer.stubFor(
                get(urlPathEqualTo("/payments")).willReturn(okJson("[{\"state\": \"SETTLED\", \"id\": \"P-1\"}]")));
        HttpAuth oauth = new HttpAuth.ClientCredentials(
                URI.create(payer.baseUrl() + "/token"), "certhub", Secret.of("secret"), null);
        RestPaymentGatewaySettings settings = new RestPaymentGatewaySettings(
                new HttpSettings(
                        URI.create(payer.baseUrl() + "/payments"),
                        oauth,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(10)),
                "GET",
                null,
                Map.of("reference", "eventId"),
                null,
                "$[0].state",
                null,
                null,
                null,
                null,
                "$[0].id",
                null);
        PaymentGateway gateway = new RestPaymentGateway(settings, new InMemoryAuditSink(10), CAMEL.context());

        assertThat(gateway.check(REQUEST).outcome()).isEqualTo(Outcome.PAID);
        assertThat(gateway.check(REQUEST).reference()).isEqualTo("P-1");
        payer.verify(1, postRequestedFor(urlPathEqualTo("/token")));
        payer.verify(
                2,
                getRequestedFor(urlPathEqualTo("/payments"))
                        .withQueryParam("reference", equalTo("event-42"))
                        .withHeader("Authorization", equalTo("Bearer payer-token"))
                        .withHeader("Idempotency-Key", equalTo("event-42")));
    }

    private static RestPaymentGatewaySettings settings(HttpAuth auth, Duration requestTimeout) {
        return new RestPaymentGatewaySettings(
                new HttpSettings(URI.create(payer.baseUrl() + "/claims"), auth, Duration.ofSeconds(2), requestTimeout),
                "POST",
                CLAIM,
                null,
                null,
                "$.claim.status",
                null,
                null,
                null,
                null,
                "$.claim.ref",
                null);
    }
}
