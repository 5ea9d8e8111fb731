package org.certhub.testsupport;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The hub as a separate operating-system process, started from the test class path
 * ({@code java -cp <java.class.path> org.certhub.routes.CerthubApplication --key=value ...}), so that a test can
 * kill it the hard way ({@link #kill()}: SIGKILL on Linux) and start it again on the same data folder and port.
 * Each start appends its output to the given log file.
 */
public final class HubProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Map<String, String> properties;
    private final Path log;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    /** A hub on a free port with these Spring properties (as command-line arguments), its output in {@code log}. */
    public HubProcess(Path log, Map<String, String> properties) {
        this.port = freePort();
        this.properties = new LinkedHashMap<>(properties);
        this.properties.put("server.port", Integer.toString(port));
        this.log = log;
    }

    /** Starts the hub and waits until it reports ready. */
    public HubProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the hub runs already");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData",
                "-cp",
                System.getProperty("java.class.path"),
                "org.certhub.routes.CerthubApplication"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the hub", e);
        }
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the hub exited with " + process.exitValue() + "; its log:\n" + logTail());
            }
            return ready();
        });
        return this;
    }

    /** SIGKILL: no shutdown hook, no graceful stop, nothing flushed that was not already. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: the graceful shutdown; answers whether the hub exited by itself in time (else it is killed). */
    public boolean stop() {
        process.destroy();
        return waitForExit();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    public HttpResponse<String> post(String path, String contentType, String body, String apiKey) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A read as the sender of {@code certhub.api-key} (reads of records need their sender's key). */
    public JsonNode getJson(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        String key = properties.get("certhub.api-key");
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return json(send(request.build()));
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** The HTTP status of the readiness probe ({@code /actuator/health/readiness}): 200 ready, 503 not. */
    public int readiness() {
        return send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build())
                .statusCode();
    }

    /** Whether the hub's output (of every start so far) has a line containing {@code text}. */
    public boolean logContains(String text) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.anyMatch(line -> line.contains(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private boolean ready() {
        try {
            HttpResponse<String> readiness = http.send(
                    HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return readiness.statusCode() == 200;
        } catch (ConnectException notYetListening) {
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean waitForExit() {
        try {
            if (process.waitFor(60, TimeUnit.SECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A free loopback port. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
