package org.certhub.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub on its embedded defaults (H2, embedded Artemis, generated dev keys) in a fresh data folder,
 * mailing to a real SMTP server (GreenMail). Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HubTestSupport {

    protected static final String API_KEY = "test-sender-key";
    protected static final String ADMIN_KEY = "test-admin-key";
    protected static final String REVIEWER_KEY = "test-reviewer-key";
    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final Path DATA_DIR = createDataDir();
    private static final Pattern OTP_CODE = Pattern.compile("verification code is (\\d{6})");

    /**
     * Restarted for each test class (so each sees only its own mail), always on the same port: the application
     * context, cached across the classes that share it, keeps sending to the port it was given.
     */
    @RegisterExtension
    protected static final GreenMailExtension MAIL =
            new GreenMailExtension(ServerSetupTest.SMTP.port(freePort())).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("certhub.data-dir", DATA_DIR::toString);
        registry.add("certhub.api-key", () -> API_KEY);
        registry.add("certhub.admin-api-key", () -> ADMIN_KEY);
        registry.add("certhub.security.reviewer-api-key", () -> REVIEWER_KEY);
        registry.add("certhub.security.key-overlap", () -> "PT5S");
        registry.add("certhub.mail.host", () -> "localhost");
        registry.add("certhub.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("certhub.mail.security", () -> "none");
        registry.add("certhub.retry.initial-delay", () -> "PT0.05S");
        registry.add("certhub.retry.maximum-redeliveries", () -> 3);
        registry.add("camel.main.shutdown-timeout", () -> 2);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    protected HttpResponse<String> post(String path, String contentType, String body, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Any request: {@code headers} are name/value pairs (e.g. {@code "Authorization", "Bearer " + API_KEY});
     * a {@code null} body sends none.
     */
    protected HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a prepared request (e.g. a multipart upload) to the hub; {@code path} is below the hub's root. */
    protected HttpResponse<String> send(HttpRequest.Builder request, String path) {
        return send(request.uri(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until an event is certified, and answers its certificate id. */
    protected String awaitCertified(String eventId) {
        return org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(
                        () -> json(get("/api/v1/events/" + eventId))
                                .path("certificateId")
                                .asText(""),
                        id -> !id.isEmpty());
    }

    /** The event a certificate was issued for. */
    protected String eventOf(String certificateId) {
        return jdbc.queryForObject("SELECT event_id FROM certificate WHERE id = ?", String.class, certificateId);
    }

    /** Waits until an event is in {@code state}, and answers it. */
    protected JsonNode awaitEventState(String eventId, String state) {
        return org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(
                        () -> json(get("/api/v1/events/" + eventId)),
                        event -> state.equals(event.path("state").asText()));
    }

    /** Waits until the certificate's delivery over {@code channel} is in {@code state}, and answers it. */
    protected JsonNode awaitDelivery(String certificateId, String channel, String state) {
        return org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(
                        () -> delivery(certificateId, channel),
                        row -> row != null && state.equals(row.get("state").asText()));
    }

    /** The certificate's delivery over {@code channel}, or null. */
    protected JsonNode delivery(String certificateId, String channel) {
        for (JsonNode row : json(get("/api/v1/certificates/" + certificateId + "/deliveries"))
                .get("deliveries")) {
            if (channel.equals(row.get("channel").asText())) {
                return row;
            }
        }
        return null;
    }

    /** Posts the example record for a holder with this e-mail address and waits for its certificate id. */
    protected String certifyFor(String email) {
        return awaitCertified(json(post(
                        "/fhir/r4",
                        "application/fhir+json",
                        exampleFor(email, "IMM-" + java.util.UUID.randomUUID()),
                        API_KEY))
                .get("id")
                .asText());
    }

    /** The QR text of one of the certificate's credentials ({@code w3c-vc}, {@code eu-dcc}, {@code shc}). */
    protected String qrText(String certificateId, String format) {
        return json(get("/api/v1/certificates/" + certificateId))
                .get("credentials")
                .get(format)
                .get("qr")
                .asText();
    }

    /** The example record with its own immunization identifier and holder e-mail address. */
    protected static String exampleFor(String email, String recordId) {
        return example("immunization-bundle.json")
                .replace("IMM-2021-000147", recordId)
                .replace("erika.mustermann@example.org", email);
    }

    /** A read as the default sender (which sent the records the tests post). */
    protected HttpResponse<String> get(String path) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("X-API-Key", API_KEY)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<byte[]> getBytes(String path) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("X-API-Key", API_KEY)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    protected static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    protected static String example(String name) {
        try {
            return Files.readString(Path.of("..", "config", "examples", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one-time code mailed to {@code address} (the citizen OTP mail), when one came. */
    protected static Optional<String> codeMailedTo(String address) throws MessagingException, IOException {
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            boolean toAddress = List.of(message.getRecipients(Message.RecipientType.TO)).stream()
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            if (toAddress && message.getContent() instanceof String text) {
                Matcher code = OTP_CODE.matcher(text);
                if (code.find()) {
                    return Optional.of(code.group(1));
                }
            }
        }
        return Optional.empty();
    }

    protected int rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("certhub-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
