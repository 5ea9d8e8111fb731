package org.certhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * POST /fhir/r4 answers the JSON summary by default and the FHIR transaction-/batch-response Bundle when the
 * client asks for FHIR; each Immunization of a Bundle is its own event with its own status.
 */
class FhirResponseNegotiationIT extends HubTestSupport {

    private static final String FHIR_JSON = "application/fhir+json";

    @Test
    void aTransactionOfTwoDosesIsAnsweredWithATransactionResponseWhenFhirIsAccepted() {
        HttpResponse<String> response = send(
                "POST",
                "/fhir/r4",
                twoDoses("transaction", "NEG-TX", false),
                "Content-Type",
                FHIR_JSON,
                "Accept",
                FHIR_JSON,
                "X-API-Key",
                API_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(FHIR_JSON));
        JsonNode bundle = json(response);
        assertThat(bundle.get("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.get("type").asText()).isEqualTo("transaction-response");
        List<String> locations = new ArrayList<>();
        for (JsonNode entry : bundle.get("entry")) {
            assertThat(entry.at("/response/status").asText()).isEqualTo("202 Accepted");
            locations.add(entry.at("/response/location").asText());
        }
        assertThat(locations)
                .hasSize(2)
                .doesNotHaveDuplicates()
                .allSatisfy(l -> assertThat(l).startsWith("api/v1/events/"));
        for (String location : locations) {
            awaitCertified(location.substring("api/v1/events/".length()));
        }
    }

    @Test
    void withoutAFhirAcceptTheSummaryStaysTheDefault() {
        HttpResponse<String> response = send(
                "POST",
                "/fhir/r4",
                twoDoses("transaction", "NEG-SUMMARY", false),
                "Content-Type",
                FHIR_JSON,
                "Accept",
                "application/json",
                "X-API-Key",
                API_KEY);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode summary = json(response);
        assertThat(summary.get("eventIds")).hasSize(2);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("/api/v1/events/" + summary.get("id").asText());
    }

    @Test
    void aBatchWithOneBadEntryAnswersEachEntryItsOwnStatusInXml() {
        HttpResponse<String> response = send(
                "POST",
                "/fhir/r4",
                twoDoses("batch", "NEG-BATCH", true),
                "Content-Type",
                FHIR_JSON,
                "Accept",
                "application/fhir+xml",
                "X-API-Key",
                API_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        String xml = response.body();
        assertThat(xml).startsWith("<Bundle").contains("<type value=\"batch-response\"/>");
        assertThat(xml.split("<entry>", -1)).hasSize(3);
        int good = xml.indexOf("<status value=\"202 Accepted\"/>");
        int bad = xml.indexOf("<status value=\"422 Unprocessable Entity\"/>");
        assertThat(good).isPositive();
        assertThat(bad).isGreaterThan(good);
        assertThat(xml.substring(bad)).contains("<OperationOutcome").contains("999");
        assertThat(xml.substring(good, bad)).contains("<location value=\"api/v1/events/");
    }

    @Test
    void theSameBatchAsSummaryGivesTheBadEntryItsOutcome() {
        HttpResponse<String> response = send(
                "POST",
                "/fhir/r4",
                twoDoses("batch", "NEG-BATCH-SUMMARY", true),
                "Content-Type",
                FHIR_JSON,
                "X-API-Key",
                API_KEY);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode entries = json(response).get("entries");
        assertThat(entries.get(0).get("status").asInt()).isEqualTo(202);
        assertThat(entries.get(1).get("status").asInt()).isEqualTo(422);
        assertThat(entries.get(1).at("/outcome/resourceType").asText()).isEqualTo("OperationOutcome");
    }

    /**
     * The example transaction with a second dose of the same person; with {@code badSecond} the second dose's
     * vaccine code is unknown to the value sets.
     */
    static String twoDoses(String type, String recordPrefix, boolean badSecond) {
        try {
            ObjectNode bundle = (ObjectNode) JSON.readTree(example("immunization-bundle.json"));
            bundle.put("type", type);
            ArrayNode entries = (ArrayNode) bundle.get("entry");
            ObjectNode first = null;
            for (JsonNode entry : entries) {
                if ("Patient".equals(entry.at("/resource/resourceType").asText())) {
                    // no contact: these certificates are not mailed (other classes of this context read the mailbox)
                    ((ObjectNode) entry.get("resource")).remove("telecom");
                }
                if ("Immunization".equals(entry.at("/resource/resourceType").asText())) {
                    first = (ObjectNode) entry;
                }
            }
            ObjectNode second = first.deepCopy();
            identify(first, recordPrefix + "-1", 1, "2021-05-29T10:15:00+02:00");
            identify(second, recordPrefix + "-2", 2, "2021-07-03T10:15:00+02:00");
            second.put("fullUrl", "urn:uuid:9d8c7b6a-5e4f-4a3b-9c2d-1e0f9a8b7c05");
            if (badSecond) {
                ObjectNode vaccine = (ObjectNode) second.get("resource").get("vaccineCode");
                vaccine.putArray("coding")
                        .addObject()
                        .put("system", "http://hl7.org/fhir/sid/cvx")
                        .put("code", "999");
                vaccine.put("text", "unknown vaccine");
            }
            entries.add(second);
            return JSON.writeValueAsString(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void identify(ObjectNode entry, String recordId, int dose, String date) {
        ObjectNode immunization = (ObjectNode) entry.get("resource");
        ((ObjectNode) immunization.get("identifier").get(0)).put("value", recordId);
        immunization.put("occurrenceDateTime", date);
        ((ObjectNode) immunization.get("protocolApplied").get(0)).put("doseNumberPositiveInt", dose);
    }
}
