package org.certhub.routes.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The hub's own secrets (API keys, the link and contact keys): the configured value, else the one kept in
 * {@code <data dir>/secrets/<name>}, generated at first start (owner-only, never logged), so that a fresh install
 * is never open and keeps its secrets across restarts.
 */
@Component
public class Secrets {

    private static final Logger LOG = LoggerFactory.getLogger(Secrets.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;

    public Secrets(CerthubProperties properties) {
        this.folder = properties.dataDir().resolve("secrets");
    }

    /** A new random key: 24 random bytes, base64url. */
    public static String randomKey() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The configured secret, else the one kept under {@code name}, generated when absent. */
    public byte[] secret(String configured, String name, String variable) {
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = folder.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            }
            String generated = randomKey();
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "key", ".tmp");
            restrictToOwner(temp);
            Files.writeString(temp, generated, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            // the key itself stays out of the log: logs are shipped and kept where secrets must not be
            LOG.warn("{} is not set: generated one and stored it in {} (readable by this user only)", variable, file);
            return generated.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // non-POSIX file systems (Windows) keep their default ACLs
        }
    }
}
