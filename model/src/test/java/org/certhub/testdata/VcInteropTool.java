package org.certhub.testdata;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node.js tool in {@code tools/vc-interop}: JSON-LD libraries written by others (digitalbazaar's vc stack,
 * the jsonld-signatures and vc-js versions DIVOC signed with), installed by the Maven build with {@code npm ci}.
 * Where node or the installed packages are missing, tests that need them skip themselves; in CI ({@code CI=true})
 * that fails instead.
 */
public final class VcInteropTool {

    private static final long TIMEOUT_SECONDS = 120;

    private VcInteropTool() {}

    /** Runs {@code node <script> <args...>} in the tool's folder and answers its standard output. */
    public static String run(String script, String... args) {
        Path dir = requireInstalled();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        try {
            Path stderr = Files.createTempFile("vc-interop", ".err");
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            String errors = Files.readString(stderr);
            Files.delete(stderr);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " exited with " + process.exitValue() + ": " + errors);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The tool's folder with its packages installed, or a skipped (in CI, failed) test. */
    private static Path requireInstalled() {
        Path dir = dir();
        boolean installed = Files.isDirectory(dir.resolve("node_modules")) && nodeRuns();
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but node or the packages of " + dir + " are missing (the build runs npm ci there)");
        }
        assumeTrue(installed, "node or the packages of " + dir + " are not installed: skipped");
        return dir;
    }

    private static Path dir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tools").resolve("vc-interop");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        return Path.of("..", "tools", "vc-interop").toAbsolutePath().normalize();
    }

    private static boolean nodeRuns() {
        try {
            Process process = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
