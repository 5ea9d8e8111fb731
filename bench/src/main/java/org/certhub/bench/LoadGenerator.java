package org.certhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * End-to-end load: posts N distinct FHIR Bundles to a running hub with C concurrent senders, then follows every
 * event until it is certified (or delivered) and prints one summary line: ingest answer latency percentiles,
 * certificates issued per second over the run, and end-to-end latency from post to issue (the certificate's
 * {@code issuedAt}, so the figure does not depend on how often this tool polls). With {@code --until delivered} a
 * second line gives deliveries per second and post-to-delivery latency, from the deliveries' {@code updatedAt}.
 *
 * <pre>
 * java -cp bench/target/certhub-bench.jar org.certhub.bench.LoadGenerator \
 *      --url http://localhost:8080 --api-key KEY --records 10000 --concurrency 32 [--until delivered] \
 *      [--verifications 50000]
 * </pre>
 *
 * With {@code --verifications N} it then posts N QR texts of the certificates just issued (every format, in turn)
 * to {@code /api/v1/verify} with the same concurrency and prints one more line: verifications per second, answer
 * latency percentiles, and how many answered valid.
 *
 * Every request goes to the one hub named by {@code --url}; the run is bounded by {@code --records} and
 * {@code --timeout-seconds}.
 */
public final class LoadGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI hub;
    private final String apiKey;
    private final int records;
    private final int concurrency;
    private final String until;
    private final Duration timeout;
    private final int verifications;
    private final HttpClient http;

    private LoadGenerator(Map<String, String> options) {
        this.hub = URI.create(options.getOrDefault("url", "http://localhost:8080"));
        this.apiKey = required(options, "api-key");
        this.records = Integer.parseInt(options.getOrDefault("records", "1000"));
        this.concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        this.until = options.getOrDefault("until", "certified");
        this.timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-seconds", "600")));
        this.verifications = Integer.parseInt(options.getOrDefault("verifications", "0"));
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        if (!List.of("certified", "delivered").contains(until)) {
            throw new IllegalArgumentException("--until is certified or delivered");
        }
        if (!"localhost".equals(hub.getHost()) && !hub.getHost().startsWith("127.")) {
            throw new IllegalArgumentException("the load generator only targets a hub on this machine (localhost)");
        }
    }

    public static void main(String[] args) throws Exception {
        new LoadGenerator(parse(args)).run();
    }

    private record Sent(String eventId, Instant postedAt, long answerNanos) {}

    private void run() throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Instant deadline = Instant.now().plus(timeout);
        Instant start = Instant.now();
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        for (int worker = 0; worker < concurrency; worker++) {
            senders.submit(() -> {
                for (int i = next.getAndIncrement();
                        i < records && Instant.now().isBefore(deadline);
                        i = next.getAndIncrement()) {
                    post(Bundles.immunization(runId, i), sent, rejected);
                }
                return null;
            });
        }
        senders.shutdown();
        if (!senders.awaitTermination(timeout.toSeconds(), TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
        Instant postsDone = Instant.now();

        List<Long> endToEndMillis = new ArrayList<>();
        List<Long> deliveryMillis = new ArrayList<>();
        List<String> qrTexts = new ArrayList<>();
        Instant lastIssued = start;
        Instant lastDelivered = start;
        int failed = 0;
        for (Sent record : sent) {
            JsonNode event = awaitState(record.eventId(), deadline);
            if (event == null || !event.hasNonNull("certificateId")) {
                failed++;
                continue;
            }
            JsonNode certificate =
                    get("/api/v1/certificates/" + event.get("certificateId").asText());
            Instant issuedAt = Instant.parse(certificate.get("issuedAt").asText());
            certificate
                    .path("credentials")
                    .forEach(credential -> qrTexts.add(credential.path("qr").asText()));
            endToEndMillis.add(Duration.between(record.postedAt(), issuedAt).toMillis());
            if (issuedAt.isAfter(lastIssued)) {
                lastIssued = issuedAt;
            }
            if ("delivered".equals(until)
                    && "delivered".equals(event.path("state").asText())) {
                Instant deliveredAt =
                        lastDeliveryUpdate(event.get("certificateId").asText());
                deliveryMillis.add(
                        Duration.between(record.postedAt(), deliveredAt).toMillis());
                if (deliveredAt.isAfter(lastDelivered)) {
                    lastDelivered = deliveredAt;
                }
            }
        }

        long[] answers = sent.stream().mapToLong(Sent::answerNanos).sorted().toArray();
        long[] endToEnd =
                endToEndMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        double postSeconds = Duration.between(start, postsDone).toNanos() / 1e9;
        double issueSeconds = Duration.between(start, lastIssued).toNanos() / 1e9;
        System.out.printf(
                java.util.Locale.ROOT,
                "records=%d concurrency=%d accepted=%d rejected=%d certified=%d failed=%d ingest_per_s=%.0f "
                        + "ingest_p50_ms=%.1f ingest_p99_ms=%.1f issued_per_s=%.0f e2e_p50_ms=%d e2e_p99_ms=%d%n",
                records,
                concurrency,
                sent.size(),
                rejected.get(),
                endToEnd.length,
                failed,
                sent.size() / postSeconds,
                percentile(answers, 50) / 1e6,
                percentile(answers, 99) / 1e6,
                issueSeconds > 0 ? endToEnd.length / issueSeconds : 0,
                percentile(endToEnd, 50),
                percentile(endToEnd, 99));
        if ("delivered".equals(until)) {
            long[] delivery =
                    deliveryMillis.stream().mapToLong(Long::longValue).sorted().toArray();
            double deliverySeconds = Duration.between(start, lastDelivered).toNanos() / 1e9;
            System.out.printf(
                    java.util.Locale.ROOT,
                    "delivered=%d delivered_per_s=%.0f delivery_p50_ms=%d delivery_p99_ms=%d%n",
                    delivery.length,
                    deliverySeconds > 0 ? delivery.length / deliverySeconds : 0,
                    percentile(delivery, 50),
                    percentile(delivery, 99));
        }
        if (verifications > 0 && !qrTexts.isEmpty()) {
            verify(qrTexts, deadline);
        }
    }

    /** Posts {@code verifications} QR texts, cycling through those given, and prints the verification line. */
    private void verify(List<String> qrTexts, Instant deadline) throws Exception {
        ConcurrentLinkedQueue<Long> answers = new ConcurrentLinkedQueue<>();
        AtomicInteger valid = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService verifiers = Executors.newFixedThreadPool(concurrency);
        Instant start = Instant.now();
        for (int worker = 0; worker < concurrency; worker++) {
            verifiers.submit(() -> {
                for (int i = next.getAndIncrement();
                        i < verifications && Instant.now().isBefore(deadline);
                        i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(hub.resolve("/api/v1/verify"))
                            .header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofString(qrTexts.get(i % qrTexts.size())))
                            .build();
                    long begin = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    answers.add(System.nanoTime() - begin);
                    if (response.statusCode() == 200
                            && JSON.readTree(response.body()).path("valid").asBoolean()) {
                        valid.incrementAndGet();
                    }
                }
                return null;
            });
        }
        verifiers.shutdown();
        verifiers.awaitTermination(timeout.toSeconds(), TimeUnit.SECONDS);
        double seconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
        long[] sorted = answers.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                java.util.Locale.ROOT,
                "verifications=%d concurrency=%d distinct_qr=%d valid=%d verify_per_s=%.0f verify_p50_ms=%.1f verify_p99_ms=%.1f%n",
                sorted.length,
                concurrency,
                qrTexts.size(),
                valid.get(),
                sorted.length / seconds,
                percentile(sorted, 50) / 1e6,
                percentile(sorted, 99) / 1e6);
    }

    private void post(String bundle, ConcurrentLinkedQueue<Sent> sent, AtomicInteger rejected)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(hub.resolve("/fhir/r4"))
                .header("Content-Type", "application/fhir+json")
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(bundle))
                .build();
        Instant postedAt = Instant.now();
        long begin = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long answer = System.nanoTime() - begin;
        if (response.statusCode() != 202) {
            rejected.incrementAndGet();
            return;
        }
        sent.add(new Sent(JSON.readTree(response.body()).get("id").asText(), postedAt, answer));
    }

    /** Follows an event until it reaches the wanted state or fails; null when the run's time is up. */
    private JsonNode awaitState(String eventId, Instant deadline) throws IOException, InterruptedException {
        Duration pause = Duration.ofMillis(20);
        while (Instant.now().isBefore(deadline)) {
            JsonNode event = get("/api/v1/events/" + eventId);
            String state = event.path("state").asText();
            if (state.equals(until)
                    || ("certified".equals(until) && "delivered".equals(state))
                    || "failed".equals(state)) {
                return event;
            }
            // back off between polls of a slow event: this loop must not become the load
            TimeUnit.MILLISECONDS.sleep(pause.toMillis());
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(1)) > 0
                    ? Duration.ofSeconds(1)
                    : pause.multipliedBy(2);
        }
        return null;
    }

    /** When the certificate's last delivery changed state: for a delivered event, when its last channel sent it. */
    private Instant lastDeliveryUpdate(String certificateId) throws IOException, InterruptedException {
        Instant latest = Instant.EPOCH;
        for (JsonNode delivery :
                get("/api/v1/certificates/" + certificateId + "/deliveries").path("deliveries")) {
            Instant updatedAt = Instant.parse(delivery.get("updatedAt").asText());
            latest = updatedAt.isAfter(latest) ? updatedAt : latest;
        }
        return latest;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(hub.resolve(path))
                        .header("X-API-Key", apiKey)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value pairs: " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
