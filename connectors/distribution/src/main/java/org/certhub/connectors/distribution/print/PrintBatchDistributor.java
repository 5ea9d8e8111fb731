package org.certhub.connectors.distribution.print;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.certhub.connectors.distribution.http.HeaderValues;
import org.certhub.connectors.distribution.spi.CertificateDistributor;
import org.certhub.connectors.distribution.spi.DeliveryReceipt;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.certhub.model.Certificate;
import org.certhub.model.Facility;
import org.certhub.model.PersonName;
import org.certhub.render.CertificateDocument;

/**
 * Channel {@code print}: collects certificates as PDFs into one batch folder per facility and period,
 * {@code <outputDir>/<facility id>/<period start>/}, with an {@code index.csv} the print shop works from
 * (certificate id, file name, the name as it must be printed, facility, vaccination date, delivery id).
 *
 * <p>Files are written to a temporary file and moved into place, so a print shop never sees half a file.
 * A delivery id already listed in any batch of the facility still in the folder is not added again. When a
 * period has ended, {@link #closeDueBatches()} writes {@code index.csv.done} next to the index: the print
 * shop's signal that the batch is complete. Folder and file names come from sanitised ids, never from names.
 * Several hub processes may share the folder: writes take a file lock on {@code <outputDir>/.certhub.lock}.
 */
public final class PrintBatchDistributor implements CertificateDistributor {

    public static final String CHANNEL = "print";
    public static final String INDEX = "index.csv";
    public static final String DONE_MARKER = "index.csv.done";

    static final List<String> HEADER =
            List.of("certificate_id", "file_name", "recipient_name", "facility", "vaccination_date", "delivery_id");
    private static final int DELIVERY_ID_COLUMN = 5;
    private static final String BOM = "\uFEFF";

    private final PrintSettings settings;
    private final CertificateDocument document;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    public PrintBatchDistributor(PrintSettings settings, CertificateDocument document, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.document = Objects.requireNonNull(document, "document");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    /** Applies when the certificate names a facility that prints and the recipient has a name to print. */
    @Override
    public boolean appliesTo(DeliveryRequest request) {
        return facilityId(request.certificate())
                        .filter(id -> settings.facilities().isEmpty()
                                || settings.facilities().contains(id))
                        .isPresent()
                && !printedName(request.certificate()).isBlank();
    }

    @Override
    public DeliveryReceipt deliver(DeliveryRequest request) {
        String deliveryId = HeaderValues.deliveryId(request);
        Certificate certificate = request.certificate();
        String facilityId = facilityId(certificate)
                .orElseThrow(() -> new PermanentDeliveryException(CHANNEL + ": the certificate names no facility"));
        String name = printedName(certificate);
        if (name.isBlank()) {
            throw new PermanentDeliveryException(CHANNEL + ": the recipient has no name to print");
        }
        byte[] pdf = render(request);
        String fileName = SafeFileNames.of(certificate.id() + "-v" + certificate.version()) + ".pdf";
        Path facilityDir = settings.outputDir().resolve(SafeFileNames.of(facilityId));
        LocalDate start = settings.period().start(LocalDate.now(clock.withZone(settings.zone())));
        Path batch = facilityDir.resolve(start.toString());

        try {
            return locked(() -> {
                Optional<Path> earlier = batchListing(facilityDir, deliveryId);
                if (earlier.isPresent()) {
                    return receipt(earlier.get(), null);
                }
                if (Files.exists(batch.resolve(DONE_MARKER))) {
                    throw new TransientDeliveryException(CHANNEL + ": the current batch is already closed");
                }
                Files.createDirectories(batch);
                writeAtomically(batch.resolve(fileName), pdf);
                Path index = batch.resolve(INDEX);
                String existing =
                        Files.exists(index) ? Files.readString(index, StandardCharsets.UTF_8) : BOM + Csv.row(HEADER);
                Facility facility = certificate.event().facility();
                String facilityLabel =
                        facility.name() == null || facility.name().isBlank() ? facilityId : facility.name();
                String row = Csv.row(List.of(
                        certificate.id(),
                        fileName,
                        name,
                        facilityLabel,
                        certificate.vaccination().date().toString(),
                        deliveryId));
                writeAtomically(index, (existing + row).getBytes(StandardCharsets.UTF_8));
                return receipt(batch, fileName);
            });
        } catch (IOException e) {
            throw new TransientDeliveryException(
                    CHANNEL + ": cannot write the batch: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Marks every batch whose period has ended as finished ({@code index.csv.done} holding the row count and
     * the SHA-256 of the index). The hub calls it on a schedule; returns the batches it closed.
     */
    public List<Path> closeDueBatches() {
        LocalDate currentStart = settings.period().start(LocalDate.now(clock.withZone(settings.zone())));
        try {
            return locked(() -> {
                List<Path> closed = new ArrayList<>();
                if (!Files.isDirectory(settings.outputDir())) {
                    return closed;
                }
                try (DirectoryStream<Path> facilities =
                        Files.newDirectoryStream(settings.outputDir(), Files::isDirectory)) {
                    for (Path facilityDir : facilities) {
                        for (Path batch : batches(facilityDir)) {
                            if (isOpen(batch)
                                    && periodStart(batch)
                                            .filter(s -> s.isBefore(currentStart))
                                            .isPresent()) {
                                close(batch);
                                closed.add(batch);
                            }
                        }
                    }
                }
                return closed;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the print batches", e);
        }
    }

    private void close(Path batch) throws IOException {
        byte[] index = Files.readAllBytes(batch.resolve(INDEX));
        int rows = Csv.parse(new String(index, StandardCharsets.UTF_8)).size() - 1;
        String marker = "rows=" + rows + "\nsha256=" + SafeFileNames.sha256Hex(index) + "\n";
        writeAtomically(batch.resolve(DONE_MARKER), marker.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] render(DeliveryRequest request) {
        try {
            return document.pdf(request.certificate(), request.primaryCredential(), request.locale());
        } catch (RuntimeException e) {
            throw new PermanentDeliveryException(CHANNEL + ": the certificate cannot be rendered", e);
        }
    }

    /** The batch of the facility whose index already lists {@code deliveryId}, if any. */
    private static Optional<Path> batchListing(Path facilityDir, String deliveryId) throws IOException {
        String listed = Csv.formulaSafe(deliveryId);
        for (Path batch : batches(facilityDir)) {
            Path index = batch.resolve(INDEX);
            if (!Files.exists(index)) {
                continue;
            }
            List<List<String>> rows = Csv.parse(Files.readString(index, StandardCharsets.UTF_8));
            for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
                if (row.size() > DELIVERY_ID_COLUMN
                        && row.get(DELIVERY_ID_COLUMN).equals(listed)) {
                    return Optional.of(batch);
                }
            }
        }
        return Optional.empty();
    }

    private static List<Path> batches(Path facilityDir) throws IOException {
        List<Path> batches = new ArrayList<>();
        if (!Files.isDirectory(facilityDir)) {
            return batches;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(facilityDir, Files::isDirectory)) {
            stream.forEach(batches::add);
        }
        return batches;
    }

    private static boolean isOpen(Path batch) {
        return Files.exists(batch.resolve(INDEX)) && !Files.exists(batch.resolve(DONE_MARKER));
    }

    private static Optional<LocalDate> periodStart(Path batch) {
        try {
            return Optional.of(LocalDate.parse(batch.getFileName().toString()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private DeliveryReceipt receipt(Path batch, String fileName) {
        Path relative = settings.outputDir().relativize(batch);
        return new DeliveryReceipt(
                fileName == null
                        ? relative.toString()
                        : relative.resolve(fileName).toString());
    }

    /** Writes to a temporary file in the same folder, then moves it over {@code target}. */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".certhub-", ".part");
        try {
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private interface IoWork<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} holding this process's lock and the folder's file lock (other processes). */
    private <T> T locked(IoWork<T> work) throws IOException {
        lock.lock();
        try {
            Files.createDirectories(settings.outputDir());
            try (FileChannel channel = FileChannel.open(
                    settings.outputDir().resolve(".certhub.lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock fileLock = channel.lock();
                try {
                    return work.run();
                } finally {
                    fileLock.release();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static Optional<String> facilityId(Certificate certificate) {
        Facility facility = certificate.event().facility();
        return facility == null || facility.id() == null || facility.id().isBlank()
                ? Optional.empty()
                : Optional.of(facility.id());
    }

    private static String printedName(Certificate certificate) {
        PersonName name = certificate.recipient().name();
        return name == null ? "" : name.fullName();
    }
}
