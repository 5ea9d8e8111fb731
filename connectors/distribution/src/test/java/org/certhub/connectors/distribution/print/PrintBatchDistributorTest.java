package org.certhub.connectors.distribution.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.certhub.connectors.distribution.spi.CertificateDistributor;
import org.certhub.connectors.distribution.spi.CertificateDistributorContract;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.connectors.distribution.spi.TestRequests;
import org.certhub.model.ContactPoint;
import org.certhub.render.CertificateDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintBatchDistributorTest extends CertificateDistributorContract {

    private static final Instant DAY_ONE = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path temp;

    private Path out;
    private MovableClock clock;
    private boolean rendererBroken;
    private PrintBatchDistributor distributor;

    /** A PDF stand-in: the real renderer is tested in render/; here only the bytes' journey matters. */
    private final CertificateDocument document = (certificate, credential, locale) -> {
        if (rendererBroken) {
            throw new IllegalStateException("template missing");
        }
        return ("%PDF-1.7 " + certificate.id()).getBytes(StandardCharsets.US_ASCII);
    };

    @BeforeEach
    void setUp() {
        out = temp.resolve("print");
        clock = new MovableClock(DAY_ONE);
        distributor = new PrintBatchDistributor(new PrintSettings(out, null, null, null), document, clock);
    }

    // contract hooks

    @Override
    protected CertificateDistributor distributor() {
        return distributor;
    }

    @Override
    protected int timesAccepted(String deliveryId) {
        return (int) indexRows().stream()
                .filter(row -> row.get(5).equals(deliveryId))
                .count();
    }

    @Override
    protected void receiverFailsTransiently() {
        try {
            Files.createDirectories(temp);
            Files.writeString(out, "a file where the folder should be"); // like a missing mount
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void receiverRejects() {
        rendererBroken = true;
    }

    @Override
    protected void receiverAccepts() {
        rendererBroken = false;
        try {
            if (Files.isRegularFile(out)) {
                Files.delete(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // print specifics

    @Test
    void twoCertificatesMakeOneBatchWithTwoPdfsAndATwoRowIndex() throws IOException {
        distributor.deliver(TestRequests.reachable("dlv-1", "CERT-1"));
        distributor.deliver(TestRequests.reachable("dlv-2", "CERT-2"));

        Path batch = out.resolve("FAC-1").resolve("2026-11-25");
        assertThat(batch.resolve("CERT-1-v1.pdf"))
                .hasBinaryContent("%PDF-1.7 CERT-1".getBytes(StandardCharsets.US_ASCII));
        assertThat(batch.resolve("CERT-2-v1.pdf")).exists();
        String index = Files.readString(batch.resolve(PrintBatchDistributor.INDEX), StandardCharsets.UTF_8);
        assertThat(index)
                .startsWith("\uFEFFcertificate_id,file_name,recipient_name,facility,vaccination_date,delivery_id\r\n");
        List<List<String>> rows = Csv.parse(index.substring(1));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1))
                .containsExactly("CERT-1", "CERT-1-v1.pdf", "Asha Verma", "District Hospital", "2026-11-02", "dlv-1");
        assertThat(rows.get(2).get(0)).isEqualTo("CERT-2");
        assertThat(batch.resolve(PrintBatchDistributor.DONE_MARKER)).doesNotExist();
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void theSameDeliveryTwiceStaysOneRow() {
        distributor.deliver(TestRequests.reachable("dlv-1", "CERT-1"));
        distributor.deliver(TestRequests.reachable("dlv-2", "CERT-2"));
        distributor.deliver(TestRequests.reachable("dlv-2", "CERT-2"));

        assertThat(indexRows()).hasSize(2);
    }

    @Test
    void namesThatLookLikeFormulasAreEscapedAndQuotingSurvives() {
        List<String> names =
                List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2", "@SUM(A1)", "Verma, \"Asha\"\nJr.");
        for (int i = 0; i < names.size(); i++) {
            distributor.deliver(TestRequests.request(
                    "dlv-n" + i,
                    "CERT-N" + i,
                    List.of(new ContactPoint(ContactPoint.Channel.PHONE, TestRequests.PHONE)),
                    TestRequests.FACILITY_ID,
                    TestRequests.PROGRAMME_ID,
                    names.get(i)));
        }

        assertThat(indexRows())
                .extracting(row -> row.get(2))
                .containsExactly(
                        "'=HYPERLINK(\"http://evil.example\",\"x\") Verma",
                        "'+1+1 Verma",
                        "'-2 Verma",
                        "'@SUM(A1) Verma",
                        "Verma, \"Asha\"\nJr. Verma");
    }

    @Test
    void idsNeverLeadOutOfTheFolder() throws IOException {
        DeliveryRequest hostile = TestRequests.request(
                "dlv-h",
                "../../escaped",
                List.of(),
                "../../../tmp/x",
                TestRequests.PROGRAMME_ID,
                TestRequests.GIVEN_NAME);

        distributor.deliver(hostile);

        try (Stream<Path> files = Files.walk(temp)) {
            assertThat(files.filter(Files::isRegularFile)).allMatch(p -> p.startsWith(out));
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(p -> p.toString().endsWith(".pdf"))
                            .map(p -> p.getFileName().toString()))
                    .singleElement()
                    .asString()
                    .matches("[A-Za-z0-9._-]+\\.pdf")
                    .doesNotStartWith(".");
        }
    }

    @Test
    void atPeriodEndTheBatchIsClosedAndANewOneOpens() throws IOException {
        distributor.deliver(TestRequests.reachable("dlv-1", "CERT-1"));
        assertThat(distributor.closeDueBatches()).isEmpty();

        clock.set(Instant.parse("2026-11-26T00:00:01Z"));
        distributor.deliver(TestRequests.reachable("dlv-2", "CERT-2"));
        distributor.deliver(
                TestRequests.reachable("dlv-1", "CERT-1")); // a late redelivery: already in yesterday's batch
        List<Path> closed = distributor.closeDueBatches();

        Path dayOne = out.resolve("FAC-1").resolve("2026-11-25");
        Path dayTwo = out.resolve("FAC-1").resolve("2026-11-26");
        assertThat(closed).containsExactly(dayOne);
        byte[] index = Files.readAllBytes(dayOne.resolve(PrintBatchDistributor.INDEX));
        assertThat(Files.readString(dayOne.resolve(PrintBatchDistributor.DONE_MARKER)))
                .isEqualTo("rows=1\nsha256=" + SafeFileNames.sha256Hex(index) + "\n");
        assertThat(dayTwo.resolve(PrintBatchDistributor.DONE_MARKER)).doesNotExist();
        assertThat(Csv.parse(Files.readString(dayTwo.resolve(PrintBatchDistributor.INDEX))))
                .hasSize(2);
        assertThat(distributor.closeDueBatches()).isEmpty();
    }

    @Test
    void weeklyBatchesStartOnMondayInTheConfiguredZone() {
        PrintBatchDistributor weekly = new PrintBatchDistributor(
                new PrintSettings(out, BatchPeriod.WEEK, ZoneId.of("Asia/Kolkata"), null),
                document,
                Clock.fixed(Instant.parse("2026-11-29T20:00:00Z"), ZoneOffset.UTC)); // Monday 01:30 in Kolkata

        weekly.deliver(TestRequests.reachable("dlv-w", "CERT-W"));

        assertThat(out.resolve("FAC-1").resolve("2026-11-30").resolve(PrintBatchDistributor.INDEX))
                .exists();
    }

    @Test
    void onlyListedFacilitiesPrint() {
        PrintBatchDistributor listed =
                new PrintBatchDistributor(new PrintSettings(out, null, null, List.of("FAC-9")), document, clock);

        assertThat(listed.appliesTo(TestRequests.reachable("dlv-l", "CERT-L"))).isFalse();
    }

    private List<List<String>> indexRows() {
        List<List<String>> rows = new ArrayList<>();
        if (!Files.isDirectory(out)) {
            return rows;
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path index : files.filter(p -> p.getFileName().toString().equals(PrintBatchDistributor.INDEX))
                    .toList()) {
                List<List<String>> parsed = Csv.parse(
                        Files.readString(index, StandardCharsets.UTF_8).substring(1));
                rows.addAll(parsed.subList(1, parsed.size()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** A clock the test moves forward to cross a period end. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
