package org.certhub.testdata;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test vectors written by others live in {@code ../shared/testdata} beside the project, never inside it. On a
 * user's clone the folder is absent and tests that need it skip themselves; in CI ({@code CI=true}) its
 * absence fails the build, so a green CI always means the vectors were checked.
 */
public final class SharedTestData {

    private SharedTestData() {}

    /** The folder {@code relative} below the shared test data, or a skipped (or, in CI, failed) test. */
    public static Path require(String relative) {
        Path folder = root().resolve(relative);
        boolean present = Files.isDirectory(folder) || Files.isRegularFile(folder);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but the shared test data is missing: " + folder);
        }
        assumeTrue(present, "shared test data not present (" + folder + "): skipped");
        return folder;
    }

    private static Path root() {
        String configured = System.getProperty("certhub.testdata");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        // Run from an IDE: walk up from the working directory to the folder that holds shared/
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("testdata");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("..", "shared", "testdata").toAbsolutePath().normalize();
    }
}
