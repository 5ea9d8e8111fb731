package org.certhub.routes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.certhub.routes.HubTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Input no honest client sends costs little and is the client's error: bodies that are not UTF-8, multipart
 * bodies outside the bulk import, floods of verifications; and the public port serves no metrics.
 */
class HostileInputIT extends HubTestSupport {

    private final HttpClient burst = HttpClient.newHttpClient();

    /** A valid bundle with one byte that no UTF-8 text holds (0xFF) inside the patient's name. */
    private static byte[] notUtf8(String text, String near) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int at = text.indexOf(near);
        assertThat(at).as("the example holds %s", near).isPositive();
        bytes[at] = (byte) 0xFF;
        return bytes;
    }

    @Test
    void textBodiesThatAreNotUtf8Are400WithAClearMessage() {
        String bundle = example("immunization-bundle.json");
        String divoc = "[{\"preEnrollmentCode\":\"NOT-UTF8-1\",\"recipient\":{\"name\":\"Asha Rao\"}}]";
        List<HttpResponse<String>> answers = List.of(
                postBytes("/fhir/r4", "application/fhir+json", notUtf8(bundle, "\"family\""), API_KEY),
                postBytes(
                        "/fhir/r4",
                        "application/fhir+xml",
                        notUtf8("<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"batch\"/></Bundle>", "batch"),
                        API_KEY),
                postBytes("/fhir/r4/Immunization", "application/fhir+json", notUtf8(bundle, "\"family\""), API_KEY),
                postBytes("/divoc/api/v1/certify", "application/json", notUtf8(divoc, "Asha"), API_KEY),
                postBytes("/api/v1/verify", "text/plain", notUtf8("HC1:NCFOXN%TS3DH", "NCF"), null),
                postBytes("/api/v1/verify", "application/json", notUtf8("{\"qr\":[\"shc:/5676\"]}", "shc"), null));
        int before = rows("vaccination_event");

        for (HttpResponse<String> answer : answers) {
            // an OperationOutcome in the encoding the client speaks (XML for the XML body)
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body())
                    .contains("OperationOutcome")
                    .contains("the request body is not valid UTF-8 (at byte ");
        }
        assertThat(rows("vaccination_event")).isEqualTo(before);
    }

    @Test
    void multipartBodiesAreRefusedOutsideTheBulkImportBeforeTheyAreParsed() {
        String boundary = "hostile";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n\r\n"
                + example("immunization-bundle.json") + "\r\n--" + boundary + "--\r\n";
        for (String path : List.of("/fhir/r4", "/api/v1/verify", "/divoc/api/v1/certify")) {
            HttpResponse<String> answer = send(
                    HttpRequest.newBuilder()
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .header("X-API-Key", API_KEY)
                            .POST(HttpRequest.BodyPublishers.ofString(body)),
                    path);

            assertThat(answer.statusCode()).as(path).isEqualTo(415);
            assertThat(json(answer).path("issue").path(0).path("diagnostics").asText())
                    .contains("$import");
        }
    }

    @Test
    void verificationsBeyondTheRateOfOneAddressAre429WithRetryAfter() {
        HttpResponse<String> throttled = await()
                .atMost(Duration.ofSeconds(60))
                .until(this::burstOfVerifications, answers -> answers.stream().anyMatch(a -> a.statusCode() == 429))
                .stream()
                .filter(a -> a.statusCode() == 429)
                .findFirst()
                .orElseThrow();

        assertThat(Integer.parseInt(
                        throttled.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1, 60);
        assertThat(json(throttled).path("issue").path(0).path("code").asText()).isEqualTo("throttled");
        // the address gets its requests back after the period, so that other tests are not throttled
        await().atMost(Duration.ofSeconds(30))
                .until(() -> post("/api/v1/verify", "text/plain", "x", null).statusCode() == 200);
    }

    @Test
    void thePublicPortServesTheHealthProbesButNoMetrics() {
        // not served here at all: even the admin, who may read them on the management port, finds nothing
        for (String endpoint : List.of("/actuator/prometheus", "/actuator/info")) {
            assertThat(send("GET", endpoint, null, "X-API-Key", ADMIN_KEY).statusCode())
                    .as(endpoint)
                    .isEqualTo(404);
        }
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> answer = get(probe);
            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(json(answer).path("status").asText()).isEqualTo("UP");
        }
    }

    /** More verifications at once than the default limit admits in its period. */
    private List<HttpResponse<String>> burstOfVerifications() {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        IntStream.range(0, 60)
                .forEach(i -> sent.add(burst.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/verify"))
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString("not a QR code " + i))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())));
        return sent.stream().map(CompletableFuture::join).toList();
    }

    private HttpResponse<String> postBytes(String path, String contentType, byte[] body, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return send(request, path);
    }
}
