package org.certhub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.certhub.routes.ingest.BulkImportService;
import org.certhub.testdata.SharedTestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code $import} of the shared bulk sample (10 Synthea patients' 161 Immunizations): every COVID-19 dose ends
 * certified, every routine or influenza dose is ignored as the value sets say, and each bad line is reported
 * with its file and line number without stopping the rest.
 */
class BulkImportIT extends HubTestSupport {

    private static final Set<String> COVID_CVX = Set.of("207", "208", "212");

    @Autowired
    BulkImportService imports;

    @Test
    void theBulkSampleImportsWithEveryCovidDoseCertifiedAndBadLinesReported() throws IOException {
        Path sample = SharedTestData.require("fhir/bulk-10-patients");
        List<String> immunizations = Files.readAllLines(sample.resolve("Immunization.000.ndjson"));
        List<String> covidIds = immunizations.stream()
                .map(BulkImportIT::tree)
                .filter(r ->
                        COVID_CVX.contains(r.at("/vaccineCode/coding/0/code").asText()))
                .map(r -> r.get("id").asText())
                .toList();
        assertThat(immunizations).hasSize(161);
        assertThat(covidIds).hasSize(15);
        String unknownVaccine = immunizations
                .get(0)
                .replace(tree(immunizations.get(0)).get("id").asText(), "00000000-0000-0000-0000-00000000b999")
                .replaceFirst("\"code\":\"62\"", "\"code\":\"999\"");
        String extra = "{\"resourceType\":\"Immunization\",\n" + unknownVaccine + "\n";

        String boundary = "certhub-" + System.nanoTime();
        HttpResponse<String> accepted = send(
                HttpRequest.newBuilder()
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("X-API-Key", API_KEY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(
                                boundary,
                                List.of("Immunization.000.ndjson", "Patient.000.ndjson", "extra.ndjson"),
                                List.of(
                                        Files.readString(sample.resolve("Immunization.000.ndjson")),
                                        Files.readString(sample.resolve("Patient.000.ndjson")),
                                        extra)))),
                "/fhir/r4/$import");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String status = accepted.headers().firstValue("Content-Location").orElseThrow();
        assertThat(status).startsWith("/fhir/r4/$import-status/");
        JsonNode job = awaitFinished(status);
        assertThat(job.get("state").asText()).isEqualTo("completed");
        assertThat(job.get("accepted").asLong()).isEqualTo(15);
        assertThat(job.get("ignored").asLong()).isEqualTo(146);
        assertThat(job.get("rejected").asLong()).isEqualTo(2);
        long patients = Files.readAllLines(sample.resolve("Patient.000.ndjson")).size();
        assertThat(job.get("linesRead").asLong()).isEqualTo(immunizations.size() + patients + 2);
        JsonNode errors = job.get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("file").asText()).isEqualTo("extra.ndjson");
        assertThat(errors.get(0).get("line").asLong()).isEqualTo(1);
        assertThat(errors.get(0).at("/outcome/resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(errors.get(1).get("file").asText()).isEqualTo("extra.ndjson");
        assertThat(errors.get(1).get("line").asLong()).isEqualTo(2);
        assertThat(errors.get(1).get("outcome").toString()).contains("999");

        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                """
                SELECT COUNT(*) FROM vaccination_event
                 WHERE certificate_id IS NOT NULL AND idempotency_key IN (%s)""".formatted(String.join(
                                        ",",
                                        covidIds.stream()
                                                .map(id -> "'default|Immunization/" + id + "'")
                                                .toList())),
                                Integer.class))
                        .isEqualTo(15));
    }

    @Test
    void oneNdjsonBodyMayMixPatientsAndImmunizationsInAnyOrder() throws IOException {
        Path sample = SharedTestData.require("fhir/bulk-10-patients");
        JsonNode covid = Files.readAllLines(sample.resolve("Immunization.000.ndjson")).stream()
                .map(BulkImportIT::tree)
                .filter(r ->
                        COVID_CVX.contains(r.at("/vaccineCode/coding/0/code").asText()))
                .findFirst()
                .orElseThrow();
        String patientId = covid.at("/patient/reference").asText().substring("Patient/".length());
        String patient = Files.readAllLines(sample.resolve("Patient.000.ndjson")).stream()
                .filter(line -> tree(line).get("id").asText().equals(patientId))
                .findFirst()
                .orElseThrow();
        String body = covid + "\nnot json at all\n" + patient + "\n";

        HttpResponse<String> accepted =
                send("POST", "/fhir/r4/$import", body, "Content-Type", "application/fhir+ndjson", "X-API-Key", API_KEY);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode job =
                awaitFinished(accepted.headers().firstValue("Content-Location").orElseThrow());
        assertThat(job.get("accepted").asLong()).isEqualTo(1);
        assertThat(job.get("rejected").asLong()).isEqualTo(1);
        assertThat(job.at("/errors/0/file").asText()).isEqualTo("body");
        assertThat(job.at("/errors/0/line").asLong()).isEqualTo(2);
        assertThat(job.at("/errors/0/outcome/issue/0/severity").asText()).isEqualTo("error");
        awaitCertifiedKey("default|Immunization/" + covid.get("id").asText());
    }

    @Test
    void theStartResumesOnlyTheJobsAcceptedBeforeIt() throws IOException {
        String leftByEarlierRun = spooledJob(Instant.now().minus(Duration.ofDays(1)));
        // accepted since the start, so queued already: a second run would find its spool gone and fail it
        String acceptedSince = spooledJob(Instant.now());
        try {
            assertThat(imports.resumable()).contains(leftByEarlierRun).doesNotContain(acceptedSince);
        } finally {
            jdbc.update("DELETE FROM import_job WHERE id IN (?, ?)", leftByEarlierRun, acceptedSince);
        }
    }

    /** A job row, running, and its spool's manifest, as an upload leaves them. */
    private String spooledJob(Instant created) throws IOException {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO import_job (id, source_system, state, lines_read, accepted, retracted, ignored, rejected,
                                        created_at, updated_at)
                VALUES (?, 'default', 'RUNNING', 0, 0, 0, 0, 0, ?, ?)""", id, Timestamp.from(created), Timestamp.from(created));
        Path spool = Files.createDirectories(DATA_DIR.resolve("imports").resolve(id));
        Files.writeString(spool.resolve("files.json"), "[]");
        return id;
    }

    @Test
    void anUploadThatIsNotNdjsonIs415AndAnUnknownJobIs404() {
        assertThat(send("POST", "/fhir/r4/$import", "{}", "Content-Type", "application/json", "X-API-Key", API_KEY)
                        .statusCode())
                .isEqualTo(415);
        assertThat(send("POST", "/fhir/r4/$import", "\n", "Content-Type", "application/fhir+ndjson")
                        .statusCode())
                .isEqualTo(401);
        assertThat(get("/fhir/r4/$import-status/no-such-job").statusCode()).isEqualTo(404);
    }

    private JsonNode awaitFinished(String statusPath) {
        return await().atMost(Duration.ofSeconds(120))
                .until(() -> get(statusPath), r -> r.statusCode() == 200)
                .body()
                .transform(BulkImportIT::tree);
    }

    private void awaitCertifiedKey(String idempotencyKey) {
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM vaccination_event WHERE certificate_id IS NOT NULL AND idempotency_key = ?",
                                Integer.class,
                                idempotencyKey),
                        count -> count == 1);
    }

    private static byte[] multipart(String boundary, List<String> names, List<String> contents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < names.size(); i++) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + names.get(i) + "\"\r\nContent-Type: application/fhir+ndjson\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(contents.get(i).getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
