package org.certhub.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Distinct vaccination records for load in tests: the example bundle of {@code config/examples} with its own
 * immunization id (so each is a new event, not a revision) and its own holder e-mail address (so each mail can
 * be told apart).
 */
public final class Records {

    private static final String EXAMPLE_RECORD_ID = "IMM-2021-000147";
    private static final String EXAMPLE_EMAIL = "erika.mustermann@example.org";

    private final String template;
    private final String run;

    /** Records of one test run; {@code run} keeps the ids of different runs apart. */
    public Records(String run) {
        try {
            this.template = Files.readString(Path.of("..", "config", "examples", "immunization-bundle.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!template.contains(EXAMPLE_RECORD_ID) || !template.contains(EXAMPLE_EMAIL)) {
            throw new IllegalStateException(
                    "the example bundle changed: it no longer has " + EXAMPLE_RECORD_ID + " and " + EXAMPLE_EMAIL);
        }
        this.run = run;
    }

    /** The FHIR Bundle of record {@code i}. */
    public String bundle(int i) {
        return template.replace(EXAMPLE_RECORD_ID, "IMM-" + run + "-" + i).replace(EXAMPLE_EMAIL, email(i));
    }

    /** The holder's address of record {@code i}. */
    public String email(int i) {
        return "holder-" + run + "-" + i + "@example.org";
    }
}
