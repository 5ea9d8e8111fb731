package org.certhub.routes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only next links below the configured base are followed; the first search carries the checkpoint. */
class FhirServerSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FhirServerSettings settings = new FhirServerSettings(
            URI.create("https://ehr.example.org/fhir"),
            "ehr",
            "secret-token",
            null,
            null,
            50,
            null,
            Duration.ofSeconds(5));
    private final FhirServerPoller poller = new FhirServerPoller(settings, null, null, null, null, JSON);

    @Test
    void linksBelowTheBaseAreFollowed() {
        assertThat(settings.isBelowBase(URI.create("https://ehr.example.org/fhir/Immunization?page=2")))
                .isTrue();
        assertThat(settings.isBelowBase(URI.create("https://ehr.example.org/fhir?_getpages=abc")))
                .isTrue();
    }

    @Test
    void linksElsewhereAreNot() {
        assertThat(settings.isBelowBase(URI.create("https://evil.example.org/fhir/Immunization")))
                .isFalse();
        assertThat(settings.isBelowBase(URI.create("http://ehr.example.org/fhir/Immunization")))
                .isFalse();
        assertThat(settings.isBelowBase(URI.create("https://ehr.example.org:8443/fhir/Immunization")))
                .isFalse();
        assertThat(settings.isBelowBase(URI.create("https://ehr.example.org/fhirx/Immunization")))
                .isFalse();
        assertThat(settings.isBelowBase(URI.create("https://ehr.example.org/fhir/../admin")))
                .isFalse();
        assertThat(settings.isBelowBase(URI.create("https://ehr.example.org.evil.example/fhir/Immunization")))
                .isFalse();
        assertThat(settings.isBelowBase(URI.create("/fhir/Immunization"))).isFalse();
    }

    @Test
    void aNextLinkElsewhereIsRefused() throws Exception {
        var page = JSON.readTree(
                "{\"resourceType\":\"Bundle\",\"link\":[{\"relation\":\"next\",\"url\":\"https://evil.example.org/fhir/x\"}]}");
        assertThatThrownBy(() -> poller.nextLink(page))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused");
        var good = JSON.readTree(
                "{\"resourceType\":\"Bundle\",\"link\":[{\"relation\":\"next\",\"url\":\"https://ehr.example.org/fhir/Immunization?p=2\"}]}");
        assertThat(poller.nextLink(good)).isEqualTo(URI.create("https://ehr.example.org/fhir/Immunization?p=2"));
        assertThat(poller.nextLink(JSON.readTree("{\"resourceType\":\"Bundle\"}")))
                .isNull();
    }

    @Test
    void theFirstSearchStartsAtTheCheckpointIncludingItsInstant() {
        assertThat(poller.firstPage(Optional.of(Instant.parse("2024-03-01T12:00:00Z")))
                        .toString())
                .isEqualTo("https://ehr.example.org/fhir/Immunization?_lastUpdated=ge2024-03-01T12%3A00%3A00Z"
                        + "&_include=Immunization%3Apatient&_sort=_lastUpdated&_count=50");
        assertThat(poller.firstPage(Optional.empty()).toString()).doesNotContain("_lastUpdated=");
    }

    @Test
    void theNewestLastUpdatedOfThePageImmunizationsIsTheCheckpoint() throws Exception {
        var page = JSON.readTree("""
                {"resourceType":"Bundle","entry":[
                  {"resource":{"resourceType":"Immunization","meta":{"lastUpdated":"2024-03-01T12:00:00.000+01:00"}}},
                  {"resource":{"resourceType":"Immunization","meta":{"lastUpdated":"2024-03-01T11:30:00Z"}}},
                  {"resource":{"resourceType":"Patient","meta":{"lastUpdated":"2025-01-01T00:00:00Z"}}}]}""");
        assertThat(FhirServerPoller.newestLastUpdated(page)).hasValue(Instant.parse("2024-03-01T11:30:00Z"));
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(settings.toString()).doesNotContain("secret-token");
    }
}
