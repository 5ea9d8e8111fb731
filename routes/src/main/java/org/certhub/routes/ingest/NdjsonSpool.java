package org.certhub.routes.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.certhub.fhirmapping.bulk.NdjsonSource;

/**
 * The files of one {@code $import} upload, spooled to disk as two views that {@code NdjsonImport} streams: every
 * uploaded line goes to the Patient view or to the Immunization view, and a blank line to the other, so that both
 * views have the same lines and a line's number in a view locates it in its uploaded file (see {@link #locate}).
 * Lines that are not Patients (Immunizations, other resources, garbage) go to the Immunization view, where the
 * import reports what is wrong with them.
 */
public final class NdjsonSpool {

    static final String PATIENTS = "patients.ndjson";
    static final String IMMUNIZATIONS = "immunizations.ndjson";
    private static final String MANIFEST = "files.json";
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One uploaded file: its name, the view line of its first line, and its number of lines. */
    public record Segment(String name, long firstLine, long lines) {}

    /** Where one view line came from. */
    public record Origin(String file, long line) {}

    private final Path dir;
    private final List<Segment> segments;

    private NdjsonSpool(Path dir, List<Segment> segments) {
        this.dir = dir;
        this.segments = List.copyOf(segments);
    }

    /** Starts a spool in an empty directory; add the uploaded files with {@link Writer#add}. */
    public static Writer create(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new Writer(dir);
    }

    /** A spool written before (e.g. before a restart). */
    public static NdjsonSpool open(Path dir) throws IOException {
        Segment[] segments = MAPPER.readValue(dir.resolve(MANIFEST).toFile(), Segment[].class);
        return new NdjsonSpool(dir, List.of(segments));
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    public NdjsonSource patients() {
        return view(PATIENTS);
    }

    public NdjsonSource immunizations() {
        return view(IMMUNIZATIONS);
    }

    public List<Segment> segments() {
        return segments;
    }

    /** The uploaded file and line of a view line. */
    public Origin locate(long viewLine) {
        for (Segment segment : segments) {
            if (viewLine >= segment.firstLine() && viewLine < segment.firstLine() + segment.lines()) {
                return new Origin(segment.name(), viewLine - segment.firstLine() + 1);
            }
        }
        throw new IllegalArgumentException("line " + viewLine + " is in no uploaded file");
    }

    private NdjsonSource view(String name) {
        Path file = dir.resolve(name);
        return new NdjsonSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Reader open() throws IOException {
                return Files.newBufferedReader(file, StandardCharsets.UTF_8);
            }
        };
    }

    /** Writes the views while the upload streams in; {@link #finish} writes the manifest. */
    public static final class Writer implements AutoCloseable {
        private final Path dir;
        private final BufferedWriter patients;
        private final BufferedWriter immunizations;
        private final List<Segment> segments = new ArrayList<>();
        private long nextLine = 1;
        private boolean closed;

        private Writer(Path dir) throws IOException {
            this.dir = dir;
            this.patients = Files.newBufferedWriter(dir.resolve(PATIENTS), StandardCharsets.UTF_8);
            this.immunizations = Files.newBufferedWriter(dir.resolve(IMMUNIZATIONS), StandardCharsets.UTF_8);
        }

        /** Adds one uploaded ndjson file (UTF-8), read as a stream. */
        public void add(String name, InputStream content) throws IOException {
            long first = nextLine;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    boolean patient = isPatient(line);
                    (patient ? patients : immunizations).write(line);
                    patients.newLine();
                    immunizations.newLine();
                    nextLine++;
                }
            }
            segments.add(new Segment(name, first, nextLine - first));
        }

        public long lines() {
            return nextLine - 1;
        }

        public NdjsonSpool finish() throws IOException {
            close();
            MAPPER.writeValue(dir.resolve(MANIFEST).toFile(), segments);
            return new NdjsonSpool(dir, segments);
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (patients;
                    immunizations) {
                patients.flush();
                immunizations.flush();
            }
        }
    }

    /** Whether a line is a JSON object whose top-level {@code resourceType} is Patient (read without a tree). */
    static boolean isPatient(String line) {
        if (line.isBlank()) {
            return false;
        }
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("resourceType".equals(field)) {
                    return value == JsonToken.VALUE_STRING && "Patient".equals(parser.getText());
                }
                parser.skipChildren();
            }
            return false;
        } catch (IOException notJson) {
            return false;
        }
    }
}
