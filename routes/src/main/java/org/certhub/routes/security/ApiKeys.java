package org.certhub.routes.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import org.certhub.routes.config.CerthubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The secrets the hub starts with: the API key of the default sending system (seeded into the senders table),
 * the administrators' key and the reviewers' key. Configured keys come from the environment; when none is set
 * a random key is generated at first start and kept under the data dir (owner-only, never logged), so that a
 * fresh install is never open.
 */
@Component
public class ApiKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

    /** The id of the default sending system, whose key the quick start uses. */
    public static final String DEFAULT_SENDER = "default";

    private final byte[] clientKey;
    private final byte[] adminKey;
    private final byte[] reviewerKey;
    private final Path secrets;

    public ApiKeys(CerthubProperties properties, SecurityProperties security) {
        this.secrets = properties.dataDir().resolve("secrets");
        this.clientKey = resolve(properties.apiKey(), secrets.resolve("api-key"), "CERTHUB_API_KEY");
        this.adminKey = resolve(properties.adminApiKey(), secrets.resolve("admin-api-key"), "CERTHUB_ADMIN_API_KEY");
        String reviewer = security.reviewerApiKey();
        this.reviewerKey = reviewer == null || reviewer.isBlank() ? null : reviewer.getBytes(StandardCharsets.UTF_8);
    }

    /** The default sending system's key, seeded into the senders table at start. */
    public String defaultSenderKey() {
        return new String(clientKey, StandardCharsets.UTF_8);
    }

    public boolean isAdmin(String presentedKey) {
        return matches(adminKey, presentedKey);
    }

    public boolean isReviewer(String presentedKey) {
        return reviewerKey != null && matches(reviewerKey, presentedKey);
    }

    /** A secret from configuration, else the one kept in {@code <data dir>/secrets/<name>}, generated when absent. */
    public byte[] secret(String configured, String name, String variable) {
        return resolve(configured, secrets.resolve(name), variable);
    }

    private static boolean matches(byte[] expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] resolve(String configured, Path file, String variable) {
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            }
            String generated = KeyHashes.generate();
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "key", ".tmp");
            restrictToOwner(temp);
            Files.writeString(temp, generated, StandardCharsets.UTF_8);
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            // the key itself stays out of the log: logs are shipped and kept where secrets must not be
            LOG.warn("{} is not set: generated one and stored it in {} (readable by this user only)", variable, file);
            return generated.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the API key file " + file, e);
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
