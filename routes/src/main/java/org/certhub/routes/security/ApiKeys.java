package org.certhub.routes.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.certhub.routes.config.CerthubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The API keys of the default sending system and of the administrators. Configured keys come from the
 * environment; when none is set a random key is generated at first start, kept under the data dir (owner-only)
 * and printed once, so that a fresh install is never open to writes.
 */
@Component
public class ApiKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

    /** The source system name recorded on events sent with the default key. */
    public static final String DEFAULT_CLIENT = "default";

    private final byte[] clientKey;
    private final byte[] adminKey;

    public ApiKeys(CerthubProperties properties) {
        Path secrets = properties.dataDir().resolve("secrets");
        this.clientKey = resolve(properties.apiKey(), secrets.resolve("api-key"), "CERTHUB_API_KEY");
        this.adminKey = resolve(properties.adminApiKey(), secrets.resolve("admin-api-key"), "CERTHUB_ADMIN_API_KEY");
    }

    /** The sending system a key belongs to, if it is a sender's key. */
    public Optional<String> client(String presentedKey) {
        return matches(clientKey, presentedKey) ? Optional.of(DEFAULT_CLIENT) : Optional.empty();
    }

    public boolean isAdmin(String presentedKey) {
        return matches(adminKey, presentedKey);
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
            String generated = generate();
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

    private static String generate() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // non-POSIX file systems (Windows) keep their default ACLs
        }
    }
}
