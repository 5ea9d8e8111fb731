package org.certhub.fhirmapping.bulk;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An ndjson file that can be opened more than once (the import reads the Immunization file twice: once to
 * number doses that arrive without a number, once to map).
 */
public interface NdjsonSource {

    /** A name for reports, e.g. the uploaded file's name. */
    String name();

    Reader open() throws IOException;

    static NdjsonSource of(Path file) {
        return new NdjsonSource() {
            @Override
            public String name() {
                return file.getFileName().toString();
            }

            @Override
            public Reader open() throws IOException {
                return Files.newBufferedReader(file, StandardCharsets.UTF_8);
            }
        };
    }
}
