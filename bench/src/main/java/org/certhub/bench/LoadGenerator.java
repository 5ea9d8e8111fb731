package org.certhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * End-to-end load on a running hub on this machine, in one of three modes, each printing {@code name=value} summary
 * lines.
 *
 * <ul>
 *   <li><b>Closed loop</b> (default): posts {@code --records} distinct FHIR Bundles to {@code POST /fhir/r4} with
 *       {@code --concurrency} senders, each sending its next record when the last is answered.
 *   <li><b>Open loop</b> ({@code --rate R}): posts {@code --records} Bundles on a fixed schedule, record {@code i} at
 *       {@code i / R} seconds after the start, however slowly the hub answers (at most {@code --max-in-flight}
 *       requests open; beyond it the schedule waits). Each answer's latency is measured from the record's
 *       <em>scheduled</em> send time, so queueing in front of the hub shows in the percentiles instead of slowing the
 *       sender down (no coordinated omission).
 *   <li><b>Bulk import</b> ({@code --import N}): writes N distinct records as ndjson (Patient and Immunization lines,
 *       as a FHIR bulk export writes them) to a temporary file, uploads it in one {@code POST /fhir/r4/$import}
 *       ({@code application/fhir+ndjson}) and follows the job's status ({@code GET /fhir/r4/$import-status/{id}},
 *       once a second) and the hub's counters until every accepted record is certified.
 * </ul>
 *
 * How the certificates are followed ({@code --follow}):
 *
 * <ul>
 *   <li>{@code events} (closed loop's default): every event is read until certified (or delivered), then its
 *       certificate; prints end-to-end latency from post to the certificate's {@code issuedAt} (or the delivery's
 *       {@code updatedAt}). These reads are two or more requests per record on the hub being measured.
 *   <li>{@code metrics} (the default with {@code --rate} and {@code --import}, and needed by them): the hub's
 *       counters on its management port ({@code --metrics-url}, read with {@code --admin-key}; several
 *       comma-separated URLs are added up, e.g. the certify nodes of a scale-out hub) are read every
 *       {@code --poll-ms} (1000): {@code certhub_certificates_issued_total} (the format counted most since the start
 *       is the number of certificates) and {@code certhub_deliveries_total{outcome="sent"}}. No request per record:
 *       the hub's CPU goes to the records. The time a count was reached is interpolated between samples; the run
 *       ends when all are counted, or when the count has not moved for {@code --stall-seconds} (60), the missing
 *       ones then reported as {@code unfinished}. Prints issued per second over the run (from the first send to the
 *       last certificate) and sustained (between 10 % and 90 % of the certificates).
 * </ul>
 *
 * <pre>
 * java -cp bench/target/certhub-bench.jar org.certhub.bench.LoadGenerator \
 *      --url http://localhost:8080 --api-key KEY --records 10000 --concurrency 32 [--until delivered] \
 *      [--verifications 50000] [--follow metrics --metrics-url http://localhost:8081 --admin-key ADMIN_KEY]
 * ... LoadGenerator --url ... --api-key KEY --records 15000 --rate 500 --metrics-url ... --admin-key ...
 * ... LoadGenerator --url ... --api-key KEY --import 100000 --metrics-url ... --admin-key ...
 * </pre>
 *
 * With {@code --verifications N} (closed loop, events) it then posts N QR texts of the certificates just issued
 * (every format, in turn) to {@code /api/v1/verify} with the same concurrency and prints one more line:
 * verifications per second, answer latency percentiles, and how many answered valid; with {@code --hub-pid} (the
 * hub's process on this machine) also the hub's CPU per verification over that phase alone.
 *
 * Every request goes to the hub named by {@code --url} (and its management port); the run is bounded by
 * {@code --records} (or {@code --import}) and {@code --timeout-seconds}.
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
    private final double rate;
    private final int maxInFlight;
    private final int importRecords;
    private final String follow;
    private final List<URI> metrics;
    private final String adminKey;
    private final long pollMillis;
    private final Duration stall;
    private final long hubPid;
    private final HttpClient http;

    private LoadGenerator(Map<String, String> options) {
        this.hub = URI.create(options.getOrDefault("url", "http://localhost:8080"));
        this.apiKey = required(options, "api-key");
        this.records = Integer.parseInt(options.getOrDefault("records", "1000"));
        this.concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        this.until = options.getOrDefault("until", "certified");
        this.timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-seconds", "600")));
        this.verifications = Integer.parseInt(options.getOrDefault("verifications", "0"));
        this.rate = Double.parseDouble(options.getOrDefault("rate", "0"));
        this.maxInFlight = Integer.parseInt(options.getOrDefault("max-in-flight", "1024"));
        this.importRecords = Integer.parseInt(options.getOrDefault("import", "0"));
        this.follow = options.getOrDefault("follow", rate > 0 || importRecords > 0 ? "metrics" : "events");
        this.metrics = Arrays.stream(options.getOrDefault("metrics-url", "").split(","))
                .filter(url -> !url.isBlank())
                .map(URI::create)
                .toList();
        this.adminKey = options.get("admin-key");
        this.pollMillis = Long.parseLong(options.getOrDefault("poll-ms", "1000"));
        this.stall = Duration.ofSeconds(Long.parseLong(options.getOrDefault("stall-seconds", "60")));
        this.hubPid = Long.parseLong(options.getOrDefault("hub-pid", "0"));
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        if (!List.of("certified", "delivered").contains(until)) {
            throw new IllegalArgumentException("--until is certified or delivered");
        }
        if (!List.of("events", "metrics").contains(follow)) {
            throw new IllegalArgumentException("--follow is events or metrics");
        }
        if ((rate > 0 || importRecords > 0) && "events".equals(follow)) {
            throw new IllegalArgumentException("--rate and --import follow the certificates by --follow metrics");
        }
        if ("metrics".equals(follow) && (metrics.isEmpty() || adminKey == null || adminKey.isBlank())) {
            throw new IllegalArgumentException(
                    "--follow metrics needs --metrics-url (the hub's " + "CERTHUB_MANAGEMENT_PORT) and --admin-key");
        }
        if ("metrics".equals(follow) && verifications > 0) {
            throw new IllegalArgumentException("--verifications needs the QR texts: --follow events");
        }
        if (rate > 0 && importRecords > 0) {
            throw new IllegalArgumentException(
                    "--rate posts records one by one, --import uploads them: one or the other");
        }
        for (URI target : Stream.concat(Stream.of(hub), metrics.stream()).toList()) {
            if (!"localhost".equals(target.getHost()) && !target.getHost().startsWith("127.")) {
                throw new IllegalArgumentException("the load generator only targets a hub on this machine (localhost)");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        new LoadGenerator(parse(args)).run();
    }

    private record Sent(String eventId, Instant postedAt, long answerNanos) {}

    private void run() throws Exception {
        if (importRecords > 0) {
            runImport();
        } else if (rate > 0) {
            runAtRate();
        } else {
            runClosedLoop();
        }
    }

    private void runClosedLoop() throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Instant deadline = Instant.now().plus(timeout);
        Follower follower = "metrics".equals(follow) ? new Follower(counters(), System.nanoTime(), deadline) : null;
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
        long[] answers = sent.stream().mapToLong(Sent::answerNanos).sorted().toArray();
        double postSeconds = Duration.between(start, postsDone).toNanos() / 1e9;

        if ("metrics".equals(follow)) {
            follower.target(sent.size());
            Followed done = follower.await();
            System.out.printf(
                    Locale.ROOT,
                    "records=%d concurrency=%d accepted=%d rejected=%d %s ingest_per_s=%.0f ingest_p50_ms=%.1f "
                            + "ingest_p99_ms=%.1f %s%n",
                    records,
                    concurrency,
                    sent.size(),
                    rejected.get(),
                    done.counts(),
                    sent.size() / postSeconds,
                    percentile(answers, 50) / 1e6,
                    percentile(answers, 99) / 1e6,
                    done.rates());
            return;
        }

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

        long[] endToEnd =
                endToEndMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        double issueSeconds = Duration.between(start, lastIssued).toNanos() / 1e9;
        System.out.printf(
                Locale.ROOT,
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
                    Locale.ROOT,
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
        Duration hubCpuBefore = hubCpu();
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
        Duration hubCpuSpent = hubCpu().minus(hubCpuBefore);
        long[] sorted = answers.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "verifications=%d concurrency=%d distinct_qr=%d valid=%d verify_per_s=%.0f verify_p50_ms=%.1f verify_p99_ms=%.1f%s%n",
                sorted.length,
                concurrency,
                qrTexts.size(),
                valid.get(),
                sorted.length / seconds,
                percentile(sorted, 50) / 1e6,
                percentile(sorted, 99) / 1e6,
                hubPid > 0 && sorted.length > 0
                        ? String.format(
                                Locale.ROOT,
                                " hub_cpu_ms_per_verification=%.2f",
                                hubCpuSpent.toNanos() / 1e6 / sorted.length)
                        : "");
    }

    /**
     * Open loop: record {@code i} is sent at {@code i / rate} seconds after the start, from a scheduler that ticks
     * every millisecond and sends every record due; answers are awaited asynchronously, so a slow hub does not slow
     * the schedule (up to {@code --max-in-flight} open requests). Latency counts from the scheduled time.
     */
    private void runAtRate() throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Instant deadline = Instant.now().plus(timeout);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        AtomicLong maxBehindNanos = new AtomicLong();
        AtomicLong lastSendNanos = new AtomicLong();
        Semaphore inFlight = new Semaphore(maxInFlight);
        CountDownLatch answered = new CountDownLatch(records);
        CountDownLatch allSent = new CountDownLatch(1);
        Follower follower = new Follower(counters(), System.nanoTime(), deadline);
        long startNanos = System.nanoTime();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        Runnable tick = () -> {
            long due = Math.min(records, (long) Math.floor((System.nanoTime() - startNanos) / 1e9 * rate) + 1);
            for (int i = next.get(); i < due; i = next.incrementAndGet()) {
                long scheduled = startNanos + (long) (i * 1e9 / rate);
                inFlight.acquireUninterruptibly();
                long sendAt = System.nanoTime();
                maxBehindNanos.accumulateAndGet(sendAt - scheduled, Math::max);
                lastSendNanos.set(sendAt);
                http.sendAsync(postRequest(Bundles.immunization(runId, i)), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, error) -> {
                            latencies.add(System.nanoTime() - scheduled);
                            inFlight.release();
                            if (error != null) {
                                errors.incrementAndGet();
                            } else if (response.statusCode() == 202) {
                                accepted.incrementAndGet();
                            } else {
                                rejected.incrementAndGet();
                            }
                            answered.countDown();
                        });
            }
            if (next.get() >= records) {
                allSent.countDown();
            }
        };
        ScheduledFuture<?> sending = scheduler.scheduleAtFixedRate(tick, 0, 1, TimeUnit.MILLISECONDS);
        boolean sentAll = allSent.await(timeout.toSeconds(), TimeUnit.SECONDS);
        sending.cancel(false);
        scheduler.shutdown();
        boolean answeredAll = answered.await(
                Math.max(1, Duration.between(Instant.now(), deadline).toSeconds()), TimeUnit.SECONDS);
        if (!sentAll || !answeredAll) {
            System.err.printf(
                    "timed out: %d of %d sent, %d answered%n", next.get(), records, records - answered.getCount());
        }
        follower.target(accepted.get());
        Followed done = follower.await();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double sendSeconds = (lastSendNanos.get() - startNanos) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "records=%d rate=%.0f sent_per_s=%.0f max_behind_ms=%.1f accepted=%d rejected=%d errors=%d "
                        + "ingest_p50_ms=%.1f ingest_p99_ms=%.1f ingest_max_ms=%.1f %s %s%n",
                records,
                rate,
                sendSeconds > 0 ? (records - 1) / sendSeconds : 0,
                maxBehindNanos.get() / 1e6,
                accepted.get(),
                rejected.get(),
                errors.get(),
                percentile(sorted, 50) / 1e6,
                percentile(sorted, 99) / 1e6,
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                done.counts(),
                done.rates());
    }

    /**
     * Bulk import: N records written as ndjson to a temporary file (before the clock starts), uploaded in one
     * {@code POST /fhir/r4/$import}, then the job's status read once a second until it finishes (which gives the
     * number accepted) and the hub's counters until that many certificates are issued.
     */
    private void runImport() throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempFile("certhub-import-", ".ndjson");
        try {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < importRecords; i++) {
                    out.write(Bundles.ndjsonLines(runId, i));
                }
            }
            long bytes = Files.size(file);
            Instant deadline = Instant.now().plus(timeout);
            Follower follower = new Follower(counters(), System.nanoTime(), deadline);
            HttpResponse<String> upload = http.send(
                    HttpRequest.newBuilder(hub.resolve("/fhir/r4/$import"))
                            .header("Content-Type", "application/fhir+ndjson")
                            .header("X-API-Key", apiKey)
                            .POST(HttpRequest.BodyPublishers.ofFile(file))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            double uploadSeconds = follower.seconds();
            if (upload.statusCode() != 202) {
                follower.cancel();
                throw new IllegalStateException("$import answered " + upload.statusCode() + ": " + upload.body());
            }
            String statusPath = upload.headers()
                    .firstValue("Content-Location")
                    .orElseThrow(() -> new IllegalStateException("$import answered no Content-Location"));
            AtomicReference<JsonNode> job = new AtomicReference<>();
            AtomicLong jobSeconds = new AtomicLong();
            long statusEvery = Math.max(1, 1000 / pollMillis);
            AtomicLong ticks = new AtomicLong();
            follower.onTick(() -> {
                if (job.get() != null || ticks.getAndIncrement() % statusEvery != 0) {
                    return;
                }
                HttpResponse<String> status = http.send(
                        HttpRequest.newBuilder(hub.resolve(statusPath))
                                .header("X-API-Key", apiKey)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (status.statusCode() == 200) { // 202 while it runs
                    JsonNode finished = JSON.readTree(status.body());
                    jobSeconds.set(Double.doubleToLongBits(follower.seconds()));
                    job.set(finished);
                    follower.target(finished.path("accepted").asLong());
                } else if (status.statusCode() != 202) {
                    throw new IllegalStateException(statusPath + " answered " + status.statusCode());
                }
            });
            Followed done = follower.await();
            JsonNode finished = job.get();
            System.out.printf(
                    Locale.ROOT,
                    "import=%d upload_mb=%.1f upload_s=%.2f job=%s lines_read=%d accepted=%d ignored=%d rejected=%d "
                            + "import_s=%.1f %s %s%n",
                    importRecords,
                    bytes / 1e6,
                    uploadSeconds,
                    finished == null ? "unfinished" : finished.path("state").asText(),
                    finished == null ? 0 : finished.path("linesRead").asLong(),
                    finished == null ? 0 : finished.path("accepted").asLong(),
                    finished == null ? 0 : finished.path("ignored").asLong(),
                    finished == null ? 0 : finished.path("rejected").asLong(),
                    Double.longBitsToDouble(jobSeconds.get()),
                    done.counts(),
                    done.rates());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The hub's counters of certificates per format and of deliveries sent, from {@code /actuator/prometheus}. */
    private record Counters(Map<String, Double> issuedByFormat, double sent) {

        /** Certificates (the format counted most) or deliveries sent since {@code base}. */
        long since(Counters base, boolean deliveries) {
            if (deliveries) {
                return Math.round(sent - base.sent);
            }
            long certificates = 0;
            for (Map.Entry<String, Double> format : issuedByFormat.entrySet()) {
                certificates = Math.max(
                        certificates,
                        Math.round(format.getValue() - base.issuedByFormat.getOrDefault(format.getKey(), 0.0)));
            }
            return certificates;
        }
    }

    /** The counters of every hub named by {@code --metrics-url}, added up (several certify nodes of one hub). */
    private Counters counters() throws IOException, InterruptedException {
        Map<String, Double> issued = new HashMap<>();
        double sent = 0;
        for (URI node : metrics) {
            URI prometheus = node.resolve("/actuator/prometheus");
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(prometheus)
                            .header("X-API-Key", adminKey)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(prometheus + " answered " + response.statusCode());
            }
            for (String line : (Iterable<String>) response.body().lines()::iterator) {
                int labels = line.indexOf('{');
                int value = line.lastIndexOf(' ');
                if (labels < 0 || value < labels) {
                    continue;
                }
                String name = line.substring(0, labels);
                if ("certhub_certificates_issued_total".equals(name)) {
                    issued.merge(
                            line.substring(labels, value), Double.parseDouble(line.substring(value + 1)), Double::sum);
                } else if ("certhub_deliveries_total".equals(name) && line.contains("outcome=\"sent\"")) {
                    sent += Double.parseDouble(line.substring(value + 1));
                }
            }
        }
        return new Counters(issued, sent);
    }

    /**
     * Reads the hub's counters every {@code --poll-ms} from its creation on, into (time, count) samples, until the
     * target (set once known) is counted, the count stalls after the target is known, or the run's time is up.
     */
    private final class Follower {
        private final Counters base;
        private final long startNanos;
        private final Instant deadline;
        private final boolean deliveries = "delivered".equals(until);
        private final AtomicLong target = new AtomicLong(-1);
        private final List<long[]> samples = new ArrayList<>(); // {nanos since start, count}: the sampler's only
        private final CompletableFuture<Boolean> finished = new CompletableFuture<>(); // true: stalled
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        private volatile Tick onTick = () -> {};
        private long lastCount = -1;
        private volatile long lastMoveNanos; // also reset by target()

        @FunctionalInterface
        interface Tick {
            void run() throws IOException, InterruptedException;
        }

        Follower(Counters base, long startNanos, Instant deadline) {
            this.base = base;
            this.startNanos = startNanos;
            this.deadline = deadline;
            this.lastMoveNanos = startNanos;
            sampler.scheduleAtFixedRate(this::sample, 0, pollMillis, TimeUnit.MILLISECONDS);
        }

        void target(long count) {
            lastMoveNanos = System.nanoTime(); // a stall counts from when the target is known
            target.set(count);
        }

        void onTick(Tick tick) {
            this.onTick = tick;
        }

        double seconds() {
            return (System.nanoTime() - startNanos) / 1e9;
        }

        void cancel() {
            sampler.shutdownNow();
        }

        private void sample() {
            if (finished.isDone()) {
                return;
            }
            try {
                onTick.run();
                long count = counters().since(base, deliveries);
                long now = System.nanoTime();
                samples.add(new long[] {now - startNanos, count});
                if (count != lastCount) {
                    lastCount = count;
                    lastMoveNanos = now;
                }
                long wanted = target.get();
                if (wanted >= 0 && count >= wanted) {
                    finished.complete(false);
                } else if ((wanted >= 0 && now - lastMoveNanos > stall.toNanos())
                        || Instant.now().isAfter(deadline)) {
                    finished.complete(true);
                }
            } catch (IOException | RuntimeException e) {
                finished.completeExceptionally(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished.completeExceptionally(e);
            }
        }

        Followed await() throws Exception {
            try {
                boolean stalled = finished.get();
                return new Followed(deliveries, Math.max(0, target.get()), stalled, List.copyOf(samples));
            } finally {
                sampler.shutdownNow();
            }
        }
    }

    /** What the counters showed: the count reached, and when each share of the target was reached. */
    private record Followed(boolean deliveries, long target, boolean stalled, List<long[]> samples) {

        long count() {
            return samples.isEmpty() ? 0 : samples.get(samples.size() - 1)[1];
        }

        /** Seconds from the start until {@code threshold} was counted, interpolated between the samples around it. */
        double secondsTo(double threshold) {
            long[] previous = {0, 0};
            for (long[] sample : samples) {
                if (sample[1] >= threshold) {
                    double share = sample[1] == previous[1] ? 1 : (threshold - previous[1]) / (sample[1] - previous[1]);
                    return (previous[0] + share * (sample[0] - previous[0])) / 1e9;
                }
                previous = sample;
            }
            return Double.NaN;
        }

        String counts() {
            long done = Math.min(count(), target);
            return "%s=%d unfinished=%d".formatted(deliveries ? "delivered" : "certified", done, target - done);
        }

        String rates() {
            long done = Math.min(count(), target);
            double all = secondsTo(done);
            double from = secondsTo(0.1 * target);
            double to = secondsTo(0.9 * target);
            double sustained = to > from ? 0.8 * target / (to - from) : done / all;
            String name = deliveries ? "delivered_per_s" : "issued_per_s";
            return String.format(
                    Locale.ROOT,
                    "%s=%.0f %s_sustained=%.0f done_s=%.1f",
                    name,
                    done > 0 ? done / all : 0,
                    name,
                    done > 0 && !Double.isNaN(sustained) ? sustained : 0,
                    done > 0 ? all : 0);
        }
    }

    private HttpRequest postRequest(String bundle) {
        return HttpRequest.newBuilder(hub.resolve("/fhir/r4"))
                .header("Content-Type", "application/fhir+json")
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(bundle))
                .build();
    }

    /** The CPU the hub's process ({@code --hub-pid}) has used so far; zero without one. */
    private Duration hubCpu() {
        return hubPid <= 0
                ? Duration.ZERO
                : ProcessHandle.of(hubPid)
                        .flatMap(process -> process.info().totalCpuDuration())
                        .orElseThrow(() -> new IllegalStateException("no CPU time of process " + hubPid));
    }

    private void post(String bundle, ConcurrentLinkedQueue<Sent> sent, AtomicInteger rejected)
            throws IOException, InterruptedException {
        HttpRequest request = postRequest(bundle);
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
