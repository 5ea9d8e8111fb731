package org.certhub.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * poll-fhir-server against a FHIR server stand-in answering recorded-style searchsets: pages are followed, a 5xx
 * is retried, the checkpoint advances with the stored pages, and a restart resumes from it without repeating.
 */
class FhirServerPollIT extends ExternalSourcesTestSupport {

    private static final String FHIR_JSON = "application/fhir+json";
    private static final String SOURCE = "fhir-server";

    @Autowired
    private CamelContext camel;

    @Test
    void pollsPageByPageRetriesA5xxAndResumesFromTheCheckpointAfterARestart() throws Exception {
        String base = FHIR_SERVER.baseUrl() + "/fhir";
        FHIR_SERVER.stubFor(WireMock.get(urlPathEqualTo("/fhir/Immunization"))
                .withQueryParam("_lastUpdated", absent())
                .withQueryParam("_page", absent())
                .withHeader("Authorization", equalTo("Bearer " + FHIR_TOKEN))
                .willReturn(okForContentType(
                        FHIR_JSON,
                        searchset(
                                base,
                                base + "/Immunization?_page=2&_count=2",
                                immunization("POLL-1", "2024-03-01T10:00:00.000+00:00"),
                                immunization("POLL-2", "2024-03-01T11:00:00.000+00:00")))));
        // page 2 fails once: the retry resumes at the checkpoint (page 1 stored), where the server now has both
        FHIR_SERVER.stubFor(WireMock.get(urlPathEqualTo("/fhir/Immunization"))
                .withQueryParam("_page", equalTo("2"))
                .willReturn(aResponse().withStatus(503)));
        FHIR_SERVER.stubFor(WireMock.get(urlPathEqualTo("/fhir/Immunization"))
                .withQueryParam("_lastUpdated", equalTo("ge2024-03-01T11:00:00Z"))
                .willReturn(okForContentType(
                        FHIR_JSON,
                        searchset(
                                base,
                                null,
                                immunization("POLL-2", "2024-03-01T11:00:00.000+00:00"),
                                immunization("POLL-3", "2024-03-01T12:00:00.000+00:00")))));
        FHIR_SERVER.stubFor(WireMock.get(urlPathEqualTo("/fhir/Immunization"))
                .withQueryParam("_lastUpdated", equalTo("ge2024-03-01T12:00:00Z"))
                .willReturn(okForContentType(FHIR_JSON, searchset(base, null))));

        List<String> first = List.of("POLL-1", "POLL-2", "POLL-3");
        first.forEach(this::awaitCertifiedRecord);
        assertThat(checkpoint()).isEqualTo("2024-03-01T12:00:00Z");
        FHIR_SERVER.verify(
                1, getRequestedFor(urlPathEqualTo("/fhir/Immunization")).withQueryParam("_page", equalTo("2")));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> FHIR_SERVER.verify(getRequestedFor(urlPathEqualTo("/fhir/Immunization"))
                        .withQueryParam("_lastUpdated", equalTo("ge2024-03-01T12:00:00Z"))
                        .withQueryParam("_include", equalTo("Immunization:patient"))));

        camel.getRouteController().stopRoute("poll-fhir-server");
        FHIR_SERVER.resetAll();
        FHIR_SERVER.stubFor(WireMock.get(urlPathEqualTo("/fhir/Immunization"))
                .withQueryParam("_lastUpdated", equalTo("ge2024-03-01T12:00:00Z"))
                .willReturn(okForContentType(
                        FHIR_JSON,
                        searchset(
                                base,
                                null,
                                immunization("POLL-3", "2024-03-01T12:00:00.000+00:00"),
                                immunization("POLL-4", "2024-03-02T09:30:00.000+00:00")))));
        FHIR_SERVER.stubFor(WireMock.get(urlPathEqualTo("/fhir/Immunization"))
                .withQueryParam("_lastUpdated", equalTo("ge2024-03-02T09:30:00Z"))
                .willReturn(okForContentType(FHIR_JSON, searchset(base, null))));
        camel.getRouteController().startRoute("poll-fhir-server");

        awaitCertifiedRecord("POLL-4");
        assertThat(checkpoint()).isEqualTo("2024-03-02T09:30:00Z");
        FHIR_SERVER.verify(
                0, getRequestedFor(urlPathEqualTo("/fhir/Immunization")).withQueryParam("_lastUpdated", absent()));
        for (String record : first) {
            assertThat(jdbc.queryForObject("""
                    SELECT COUNT(*) FROM certificate c JOIN vaccination_event e ON e.id = c.event_id
                     WHERE e.idempotency_key = ?""", Integer.class, key(record)))
                    .as(record)
                    .isEqualTo(1);
        }
    }

    private void awaitCertifiedRecord(String record) {
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM vaccination_event WHERE certificate_id IS NOT NULL AND idempotency_key = ?",
                                Integer.class,
                                key(record)),
                        count -> count == 1);
    }

    private String checkpoint() {
        return jdbc.queryForObject(
                "SELECT last_updated FROM poll_checkpoint WHERE source_id = ?", String.class, SOURCE);
    }

    private static String key(String record) {
        return SOURCE + "|https://ehr.example.org/immunizations|" + record;
    }

    /** A searchset page as a FHIR server answers {@code Immunization?_include=Immunization:patient}. */
    private static String searchset(String base, String next, String... immunizations) {
        StringBuilder entries = new StringBuilder();
        for (String immunization : immunizations) {
            entries.append(entries.isEmpty() ? "" : ",").append(immunization.replace("{BASE}", base));
        }
        if (immunizations.length > 0) {
            entries.append(",").append(PATIENT.replace("{BASE}", base));
        }
        String link = "{\"relation\":\"self\",\"url\":\"" + base + "/Immunization\"}"
                + (next == null ? "" : ",{\"relation\":\"next\",\"url\":\"" + next + "\"}");
        return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[" + link + "],\"entry\":[" + entries
                + "]}";
    }

    private static String immunization(String record, String lastUpdated) {
        return """
                {"fullUrl":"{BASE}/Immunization/%1$s","search":{"mode":"match"},
                 "resource":{"resourceType":"Immunization","id":"%1$s","meta":{"versionId":"1","lastUpdated":"%2$s"},
                  "identifier":[{"use":"official","system":"https://ehr.example.org/immunizations","value":"%1$s"}],
                  "status":"completed",
                  "vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"208"}]},
                  "patient":{"reference":"Patient/pat-1"},
                  "occurrenceDateTime":"2021-0%3$d-15","lotNumber":"FD5918",
                  "protocolApplied":[{"doseNumberPositiveInt":%4$d,"seriesDosesPositiveInt":3}]}}""".formatted(
                record, lastUpdated, Integer.parseInt(record.substring(5)) + 2, Integer.parseInt(record.substring(5)));
    }

    private static final String PATIENT = """
            {"fullUrl":"{BASE}/Patient/pat-1","search":{"mode":"include"},
             "resource":{"resourceType":"Patient","id":"pat-1",
              "identifier":[{"system":"https://ehr.example.org/patients","value":"P-0001"}],
              "name":[{"use":"official","family":"Okafor","given":["Ngozi"]}],
              "gender":"female","birthDate":"1985-02-11","address":[{"country":"NG"}]}}""";
}
