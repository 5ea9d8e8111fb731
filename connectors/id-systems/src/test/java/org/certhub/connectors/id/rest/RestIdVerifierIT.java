package org.certhub.connectors.id.rest;

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
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.certhub.connectors.http.CamelForTests;
import org.certhub.connectors.http.HttpAuth;
import org.certhub.connectors.http.HttpSettings;
import org.certhub.connectors.http.Secret;
import org.certhub.connectors.id.MutableClock;
import org.certhub.connectors.id.match.MatchRule;
import org.certhub.connectors.id.match.MatchSettings;
import org.certhub.connectors.id.spi.IdSystemUnavailableException;
import org.certhub.connectors.id.spi.IdVerification;
import org.certhub.connectors.id.spi.IdVerification.Field;
import org.certhub.connectors.id.spi.IdVerification.Outcome;
import org.certhub.connectors.id.spi.IdVerificationRejectedException;
import org.certhub.connectors.id.spi.IdVerificationRequest;
import org.certhub.connectors.id.spi.IdVerifier;
import org.certhub.connectors.id.spi.IdVerifierContract;
import org.certhub.model.Identifier;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Recipient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RestIdVerifierIT extends IdVerifierContract {

    private static final String BODY = "{\"uin\": {{identifier.value}}, \"name\": {{name}}, \"dob\": {{birthDate}}}";
    private static final String VERIFIED = """
            {"result": {"status": "VERIFIED", "txn": "T-1", "person": {"name": "NA RUIZ Jose", "dob": "12/08/1964"}}}
            """;

    @RegisterExtension
    static final CamelForTests CAMEL = new CamelForTests();

    @RegisterExtension
    static WireMockExtension idService = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @BeforeEach
    void acceptTheRecipient() {
        idService.stubFor(post("/verify").willReturn(okJson(VERIFIED)));
    }

    @Override
    protected IdVerifier verifier() {
        return new RestIdVerifier(
                settings(
                        new HttpAuth.ApiKey("X-API-Key", Secret.of("test-key")),
                        NotFoundHandling.MISMATCH,
                        MatchSettings.DEFAULT),
                CAMEL.context());
    }

    @Test
    void sendsTheIdentifierAsJsonAndReturnsTheMatchingDemographics() {
        IdVerification verification = verifier().verify(ACCEPTED);

        assertThat(verification.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(verification.demographics().name()).isEqualTo("NA RUIZ Jose");
        assertThat(verification.demographics().birthDate()).isEqualTo("12/08/1964");
        assertThat(verification.reference()).isEqualTo("T-1");
        idService.verify(
                1,
                postRequestedFor(urlPathEqualTo("/verify"))
                        .withHeader("X-API-Key", equalTo("test-key"))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(equalToJson(
                                "{\"uin\":\"1234-5678-9012\",\"name\":\"José Ña-Ruiz\",\"dob\":\"1964-08-12\"}")));
    }

    @Test
    void escapesRecordDataInsteadOfLettingItShapeTheRequest() {
        Recipient hostile = new Recipient(
                new PersonName(List.of(), null, "x\", \"uin\": \"other"),
                new PartialDate("1964-08-12"),
                null,
                List.of(new Identifier(Identifier.IdentifierType.NATIONAL_ID, ID_SYSTEM, "1\"}\n{")),
                null,
                null,
                null);

        verifier().verify(new IdVerificationRequest("event-2", "covid-19", hostile));

        idService.verify(
                1,
                postRequestedFor(urlPathEqualTo("/verify"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"uin\":\"1\\\"}\\n{\",\"name\":\"x\\\", \\\"uin\\\": \\\"other\",\"dob\":\"1964-08-12\"}")));
    }

    @Test
    void aVerdictOtherThanVerifiedIsAnIdentifierMismatch() {
        idService.stubFor(
                post("/verify").willReturn(okJson("{\"result\": {\"status\": \"NOT_FOUND\", \"txn\": \"T-2\"}}")));

        IdVerification verification = verifier().verify(ACCEPTED);

        assertThat(verification.outcome()).isEqualTo(Outcome.MISMATCH);
        assertThat(verification.mismatches()).containsExactly(Field.IDENTIFIER);
        assertThat(verification.reference()).isEqualTo("T-2");
        assertThat(verification.permitsCertification()).isFalse();
    }

    @Test
    void demographicsThatDoNotMatchAreNamed() {
        idService.stubFor(
                post("/verify")
                        .willReturn(
                                okJson(
                                        "{\"result\": {\"status\": \"VERIFIED\", \"person\": {\"name\": \"Maria Ruiz\", \"dob\": \"1964-12-08\"}}}")));

        IdVerification verification = verifier().verify(ACCEPTED);

        assertThat(verification.outcome()).isEqualTo(Outcome.MISMATCH);
        assertThat(verification.mismatches()).containsExactlyInAnyOrder(Field.NAME, Field.BIRTH_DATE);
        assertThat(verification.demographics()).isNull();
    }

    @Test
    void fuzzyRulesAcceptATypoAndSwappedDayAndMonth() {
        idService.stubFor(
                post("/verify")
                        .willReturn(
                                okJson(
                                        "{\"result\": {\"status\": \"VERIFIED\", \"person\": {\"name\": \"Jose Na-Ruis\", \"dob\": \"1964-12-08\"}}}")));
        IdVerifier fuzzy = new RestIdVerifier(
                settings(
                        new HttpAuth.None(),
                        NotFoundHandling.MISMATCH,
                        new MatchSettings(MatchRule.FUZZY, 0.9, MatchRule.FUZZY, 0)),
                CAMEL.context());

        assertThat(fuzzy.verify(ACCEPTED).outcome()).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void anOutageIsTransientUntilTheServiceRecovers() {
        idService.stubFor(post("/verify")
                .inScenario("outage")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("still down"));
        idService.stubFor(post("/verify")
                .inScenario("outage")
                .whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("recovered"));
        idService.stubFor(post("/verify")
                .inScenario("outage")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(VERIFIED)));
        IdVerifier verifier = verifier();

        assertThatThrownBy(() -> verifier.verify(ACCEPTED)).isInstanceOf(IdSystemUnavailableException.class);
        assertThatThrownBy(() -> verifier.verify(ACCEPTED)).isInstanceOf(IdSystemUnavailableException.class);
        assertThat(verifier.verify(ACCEPTED).outcome()).isEqualTo(Outcome.VERIFIED);
        idService.verify(3, postRequestedFor(urlPathEqualTo("/verify")));
    }

    @Test
    void aSlowServiceTimesOutAsTransient() {
        idService.stubFor(post("/verify").willReturn(okJson(VERIFIED).withFixedDelay(2_000)));
        IdVerifier impatient = new RestIdVerifier(
                settings(new HttpAuth.None(), NotFoundHandling.MISMATCH, MatchSettings.DEFAULT, Duration.ofMillis(300)),
                CAMEL.context());

        assertThatThrownBy(() -> impatient.verify(ACCEPTED)).isInstanceOf(IdSystemUnavailableException.class);
    }

    @Test
    void anUnreachableServiceIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RestIdVerifierSettings settings = new RestIdVerifierSettings(
                new HttpSettings(
                        URI.create("http://127.0.0.1:" + closedPort + "/verify"),
                        null,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1)),
                "POST",
                BODY,
                null,
                null,
                null,
                "$.result.status",
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThatThrownBy(() -> new RestIdVerifier(settings, CAMEL.context()).verify(ACCEPTED))
                .isInstanceOf(IdSystemUnavailableException.class);
    }

    @Test
    void noSuchIdentifierIsAMismatchOrARejectionAsConfigured() {
        idService.stubFor(post("/verify").willReturn(aResponse().withStatus(404)));

        assertThat(verifier().verify(ACCEPTED).mismatches()).containsExactly(Field.IDENTIFIER);
        IdVerifier rejecting = new RestIdVerifier(
                settings(new HttpAuth.None(), NotFoundHandling.REJECT, MatchSettings.DEFAULT), CAMEL.context());
        assertThatThrownBy(() -> rejecting.verify(ACCEPTED)).isInstanceOf(IdVerificationRejectedException.class);
    }

    @Test
    void aRefusedRequestIsPermanent() {
        idService.stubFor(post("/verify").willReturn(aResponse().withStatus(400)));

        assertThatThrownBy(() -> verifier().verify(ACCEPTED)).isInstanceOf(IdVerificationRejectedException.class);
    }

    @Test
    void anAnswerWithoutAVerdictIsPermanent() {
        idService.stubFor(post("/verify").willReturn(okJson("{\"unexpected\": true}")));

        assertThatThrownBy(() -> verifier().verify(ACCEPTED))
                .isInstanceOf(IdVerificationRejectedException.class)
                .hasMessageContaining("$.result.status");
    }

    @Test
    void fetchesAnOAuth2TokenOnceAndRenewsItWhenItExpiresOrIsRefused() {
        idService.stubFor(post("/token")
                .inScenario("tokens")
                .whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"access_token\": \"token-1\", \"token_type\": \"Bearer\", \"expires_in\": 300}"))
                .willSetStateTo("second"));
        idService.stubFor(post("/token")
                .inScenario("tokens")
                .whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\": \"token-2\", \"token_type\": \"Bearer\", \"expires_in\": 300}"))
                .willSetStateTo("third"));
        idService.stubFor(post("/token")
                .inScenario("tokens")
                .whenScenarioStateIs("third")
                .willReturn(
                        okJson("{\"access_token\": \"token-3\", \"token_type\": \"Bearer\", \"expires_in\": 300}")));
        idService.stubFor(post("/verify")
                .withHeader("Authorization", equalTo("Bearer token-2"))
                .willReturn(aResponse().withStatus(401)));
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        HttpAuth oauth = new HttpAuth.ClientCredentials(
                URI.create(idService.baseUrl() + "/token"), "certhub", Secret.of("s3cret:&"), "id.verify");
        IdVerifier verifier = new RestIdVerifier(
                settings(oauth, NotFoundHandling.MISMATCH, MatchSettings.DEFAULT), CAMEL.context(), clock);

        assertThat(verifier.verify(ACCEPTED).outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(verifier.verify(ACCEPTED).outcome()).isEqualTo(Outcome.VERIFIED);
        clock.advance(Duration.ofSeconds(290)); // within the 30 s margin before expiry: fetch token-2, refused, token-3
        assertThat(verifier.verify(ACCEPTED).outcome()).isEqualTo(Outcome.VERIFIED);

        idService.verify(
                3,
                postRequestedFor(urlPathEqualTo("/token"))
                        .withHeader("Authorization", equalTo("Basic Y2VydGh1YjpzM2NyZXQlM0ElMjY="))
                        .withRequestBody(equalTo("grant_type=client_credentials&scope=id.verify")));
        idService.verify(
                2, postRequestedFor(urlPathEqualTo("/verify")).withHeader("Authorization", equalTo("Bearer token-1")));
        idService.verify(
                1, postRequestedFor(urlPathEqualTo("/verify")).withHeader("Authorization", equalTo("Bearer token-2")));
        idService.verify(
                1, postRequestedFor(urlPathEqualTo("/verify")).withHeader("Authorization", equalTo("Bearer token-3")));
    }

    @Test
    void aRefusedClientIsPermanentAndADownTokenEndpointTransient() {
        HttpAuth oauth = new HttpAuth.ClientCredentials(
                URI.create(idService.baseUrl() + "/token"), "certhub", Secret.of("wrong"), null);
        IdVerifier verifier =
                new RestIdVerifier(settings(oauth, NotFoundHandling.MISMATCH, MatchSettings.DEFAULT), CAMEL.context());

        idService.stubFor(post("/token").willReturn(aResponse().withStatus(401)));
        assertThatThrownBy(() -> verifier.verify(ACCEPTED)).isInstanceOf(IdVerificationRejectedException.class);
        idService.stubFor(post("/token").willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> verifier.verify(ACCEPTED)).isInstanceOf(IdSystemUnavailableException.class);
    }

    @Test
    void aGetRequestCarriesTheIdentifierAsAnEncodedQueryParameter() {
        idService.stubFor(get(urlPathEqualTo("/ids")).willReturn(okJson("{\"valid\": true}")));
        Recipient recipient = new Recipient(
                null,
                null,
                null,
                List.of(new Identifier(Identifier.IdentifierType.NATIONAL_ID, null, "12 34&admin=1")),
                null,
                null,
                null);
        RestIdVerifierSettings settings = new RestIdVerifierSettings(
                new HttpSettings(
                        URI.create(idService.baseUrl() + "/ids?v=2"),
                        null,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(10)),
                "GET",
                null,
                Map.of("id", "identifier.value"),
                null,
                null,
                "$.valid",
                Set.of("true"),
                null,
                null,
                null,
                null,
                null,
                null);

        IdVerification verification =
                new RestIdVerifier(settings, CAMEL.context()).verify(new IdVerificationRequest("e", "p", recipient));

        assertThat(verification.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(verification.demographics()).isNull();
        idService.verify(
                1,
                getRequestedFor(urlPathEqualTo("/ids"))
                        .withQueryParam("v", equalTo("2"))
                        .withQueryParam("id", equalTo("12 34&admin=1")));
    }

    private static RestIdVerifierSettings settings(HttpAuth auth, NotFoundHandling notFound, MatchSettings match) {
        return settings(auth, notFound, match, Duration.ofSeconds(10));
    }

    private static RestIdVerifierSettings settings(
            HttpAuth auth, NotFoundHandling notFound, MatchSettings match, Duration requestTimeout) {
        return new RestIdVerifierSettings(
                new HttpSettings(
                        URI.create(idService.baseUrl() + "/verify"), auth, Duration.ofSeconds(2), requestTimeout),
                "POST",
                BODY,
                null,
                Identifier.IdentifierType.NATIONAL_ID,
                IdVerifierContract.ID_SYSTEM,
                "$.result.status",
                Set.of("VERIFIED"),
                "$.result.person.name",
                "$.result.person.dob",
                "$.result.txn",
                match,
                Set.of(404),
                notFound);
    }
}
