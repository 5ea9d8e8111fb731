package org.certhub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Bad input is answered with an OperationOutcome and leaves nothing behind; a resent record changes nothing. */
class IngestValidationIT extends HubTestSupport {

    private static final String FHIR_JSON = "application/fhir+json";

    @Test
    void malformedJsonIs400AndStoresNothing() {
        assertRejected(() -> post("/fhir/r4", FHIR_JSON, "{\"resourceType\": \"Bundle\", ", API_KEY), 400);
    }

    @Test
    void aBundleWithoutAnImmunizationIs422() {
        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                  {"fullUrl":"urn:uuid:5f0b6f42-6c3e-4a47-9d0e-2b8ab3c7a001",
                   "resource":{"resourceType":"Patient","name":[{"family":"Rao","given":["Asha"]}],"birthDate":"1990-04-01"},
                   "request":{"method":"POST","url":"Patient"}}]}""";
        assertRejected(() -> post("/fhir/r4", FHIR_JSON, bundle, API_KEY), 422);
    }

    @Test
    void anImmunizationEnteredInErrorThatWasNeverCertifiedIs422() {
        String bundle = example("immunization-bundle.json")
                .replace("\"status\": \"completed\"", "\"status\": \"entered-in-error\"")
                .replace("\"value\": \"IMM-2021-000147\"", "\"value\": \"IMM-NEVER-CERTIFIED\"");
        assertThat(bundle).contains("entered-in-error");
        assertRejected(() -> post("/fhir/r4", FHIR_JSON, bundle, API_KEY), 422);
    }

    @Test
    void anImmunizationWithoutAPatientIs422() {
        String immunization = """
                {"resourceType":"Immunization","status":"completed",
                 "identifier":[{"system":"urn:test:imm","value":"no-patient-1"}],
                 "vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"208"}]},
                 "occurrenceDateTime":"2021-05-01"}""";
        assertRejected(() -> post("/fhir/r4/Immunization", FHIR_JSON, immunization, API_KEY), 422);
    }

    @Test
    void aWrongApiKeyIs401AndStoresNothing() {
        assertRejected(() -> post("/fhir/r4", FHIR_JSON, example("immunization-bundle.json"), "not-the-key"), 401);
        assertRejected(() -> post("/fhir/r4", FHIR_JSON, example("immunization-bundle.json"), null), 401);
    }

    @Test
    void theSameRecordPostedTwiceYieldsOneCertificate() {
        String bundle = example("immunization-bundle.json")
                .replace("\"value\": \"IMM-2021-000147\"", "\"value\": \"IMM-TWICE-1\"");
        assertThat(bundle).contains("IMM-TWICE-1");
        HttpResponse<String> first = post("/fhir/r4", FHIR_JSON, bundle, API_KEY);
        HttpResponse<String> second = post("/fhir/r4", FHIR_JSON, bundle, API_KEY);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        String eventId = json(first).get("id").asText();
        assertThat(json(second).get("id").asText()).isEqualTo(eventId);

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> json(get("/api/v1/events/" + eventId))
                                .get("certificateId")
                                .asText(""),
                        id -> !id.isEmpty());
        Integer certificates =
                jdbc.queryForObject("SELECT COUNT(*) FROM certificate WHERE event_id = ?", Integer.class, eventId);
        assertThat(certificates).isEqualTo(1);
    }

    private void assertRejected(Supplier<HttpResponse<String>> request, int status) {
        Map<String, Integer> before =
                Map.of("vaccination_event", rows("vaccination_event"), "certificate", rows("certificate"));
        HttpResponse<String> response = request.get();
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode outcome = json(response);
        assertThat(outcome.get("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(outcome.get("issue").get(0).get("diagnostics").asText()).isNotBlank();
        before.forEach((table, count) -> assertThat(rows(table)).as(table).isEqualTo(count));
    }
}
