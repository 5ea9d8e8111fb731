package org.certhub.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A test class with its own application context needs its own broker journal, database and keystore: the
 * embedded Artemis of a context cached earlier in the same JVM holds the lock on the shared data folder's
 * journal, and a key rotated here must not change the keystore under another context.
 */
public final class OwnStorage {

    private OwnStorage() {}

    public static Path register(DynamicPropertyRegistry registry, String name) {
        Path dir;
        try {
            dir = Files.createTempDirectory("certhub-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add(
                "spring.artemis.embedded.data-directory",
                () -> dir.resolve("artemis").toString());
        registry.add("certhub.keys.dir", () -> dir.resolve("keys").toString());
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + dir.resolve("db").resolve("certhub")
                        + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE");
        return dir;
    }
}
