package org.certhub.routes.signing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.camel.CamelContext;
import org.certhub.model.Certificate;
import org.certhub.model.Code;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;
import org.certhub.routes.HubTestSupport;
import org.certhub.routes.OwnStorage;
import org.certhub.signer.hcert.DscTrustList;
import org.certhub.signer.hcert.EuDccFormat;
import org.certhub.signer.hcert.EuDccSettings;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.KeyStoreSigningKeyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Another country's EU DCC verifies once its published DSC list is configured, and not before. */
class TrustListIT extends HubTestSupport {

    private static final WireMockServer TRUST_LIST_SERVER =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final KeyStoreSigningKeyProvider OTHER_COUNTRY = otherCountryKeys();

    static {
        TRUST_LIST_SERVER.start();
    }

    @Autowired
    private CamelContext camel;

    @DynamicPropertySource
    static void trustList(DynamicPropertyRegistry registry) {
        OwnStorage.register(registry, "trust-list");
        registry.add("certhub.trust.lists[0].url", () -> TRUST_LIST_SERVER.baseUrl() + "/trustList/DSC");
        registry.add("certhub.trust.lists[0].format", () -> "EU_DSC");
        registry.add("certhub.trust.csca", TrustListIT::otherCountryCsca);
    }

    /** The other country's CSCA, as its health ministry hands it to partners: a PEM file. */
    private static String otherCountryCsca() {
        try {
            Path pem = Files.createTempFile("other-country-csca", ".pem");
            Files.writeString(
                    pem,
                    "-----BEGIN CERTIFICATE-----\n"
                            + java.util.Base64.getMimeEncoder()
                                    .encodeToString(OTHER_COUNTRY
                                            .activeKey(KeyPurpose.EU_DCC)
                                            .certificateChain()
                                            .get(1)
                                            .getEncoded())
                            + "\n-----END CERTIFICATE-----\n");
            return pem.toString();
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        TRUST_LIST_SERVER.stop();
    }

    @Test
    void aCertificateSignedByAnotherCountryVerifiesThroughItsDownloadedTrustList() throws Exception {
        String hc1 = new EuDccFormat(EuDccSettings.of("DE", "Robert Koch-Institut", "DE01"), OTHER_COUNTRY)
                .sign(certificate())
                .qrText();
        String before = json(post("/api/v1/verify", "text/plain", hc1, null))
                .get("reason")
                .asText();
        assertThat(before).isEqualTo("unknown-key");

        TRUST_LIST_SERVER.stubFor(WireMock.get(urlEqualTo("/trustList/DSC"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(new ObjectMapper()
                                .writeValueAsString(DscTrustList.of(OTHER_COUNTRY.keys(KeyPurpose.EU_DCC))))));
        camel.getRouteController().stopRoute("refresh-trust-list-0");
        camel.getRouteController().startRoute("refresh-trust-list-0");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(json(post("/api/v1/verify", "text/plain", hc1, null))
                                .get("valid")
                                .asBoolean())
                        .isTrue());
    }

    private static Certificate certificate() {
        Vaccination dose = new Vaccination(
                Code.of("http://snomed.info/sct", "J07BX03"),
                Code.of("https://ec.europa.eu/health/documents/community-register/html/", "EU/1/20/1528"),
                Code.of("https://spor.ema.europa.eu/v1/organisations", "ORG-100030215"),
                Code.of("http://snomed.info/sct", "840539006"),
                "FD5918",
                LocalDate.of(2021, 5, 29),
                1,
                2,
                "DE",
                null);
        Recipient holder = new Recipient(
                new PersonName(List.of("Erika"), "Mustermann", null),
                new PartialDate("1964-08-12"),
                null,
                List.of(),
                List.of(),
                null,
                null);
        VaccinationEvent event =
                new VaccinationEvent("de-registry", "imm-1", null, "covid-19", holder, dose, null, null);
        return new Certificate("de-certificate-1", 1, null, "de-event-1", event, Instant.now());
    }

    private static KeyStoreSigningKeyProvider otherCountryKeys() {
        try {
            Path dir = Files.createTempDirectory("other-country-keys");
            return KeyStoreSigningKeyProvider.openOrCreate(dir, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
