package org.certhub.fhirmapping;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.certhub.fhirmapping.valueset.ValueSets;

/** One FhirContext and the repository's value sets for all tests (a context costs about a second). */
public final class TestFhir {

    /** {@code config/} at the repository root, seen from the module directory Maven runs tests in. */
    public static final Path CONFIG = Path.of("..", "config");

    public static final FhirContext CONTEXT = FhirIngestion.newContext();
    public static final ValueSets VALUE_SETS = ValueSets.fromDirectory(CONFIG.resolve("value-sets"));
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private TestFhir() {}

    public static FhirIngestion ingestion() {
        return ingestion(FhirIngestionSettings.defaults());
    }

    public static FhirIngestion ingestion(FhirIngestionSettings settings) {
        return new FhirIngestion(CONTEXT, VALUE_SETS, settings, CLOCK);
    }

    public static String exampleBundle() {
        return read(CONFIG.resolve("examples").resolve("immunization-bundle.json"));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
