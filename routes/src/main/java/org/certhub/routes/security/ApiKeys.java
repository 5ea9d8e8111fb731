package org.certhub.routes.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.config.Secrets;
import org.certhub.routes.config.SecurityProperties;
import org.springframework.stereotype.Component;

/**
 * The keys the hub starts with: the API key of the default sending system (seeded into the senders table), the
 * administrators' key and the reviewers' key. Configured keys come from the environment; when none is set a
 * random key is generated at first start and kept under the data dir ({@link Secrets}), so that a fresh install is
 * never open.
 */
@Component
public class ApiKeys {

    /** The id of the default sending system, whose key the quick start uses. */
    public static final String DEFAULT_SENDER = "default";

    private final byte[] clientKey;
    private final byte[] adminKey;
    private final byte[] reviewerKey;

    public ApiKeys(CerthubProperties properties, SecurityProperties security, Secrets secrets) {
        this.clientKey = secrets.secret(properties.apiKey(), "api-key", "CERTHUB_API_KEY");
        this.adminKey = secrets.secret(properties.adminApiKey(), "admin-api-key", "CERTHUB_ADMIN_API_KEY");
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

    private static boolean matches(byte[] expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }
}
