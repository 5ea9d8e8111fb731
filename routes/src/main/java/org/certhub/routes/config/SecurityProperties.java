package org.certhub.routes.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code certhub.security.*} tree: reviewer key, sender key rotation overlap, citizen link tokens, the
 * senders seeded from configuration and the OIDC issuer.
 *
 * @param reviewerApiKey the API key of the built-in reviewer; unset = reviewers come only by OIDC
 * @param keyOverlap     how long a sender's previous key keeps working after a rotation
 * @param linkKey        the HMAC key of citizen link and session tokens; unset = generated under the data dir.
 *                       Changing it revokes every link and session handed out
 * @param linkValidity   how long a link in a mail, SMS or locker opens its certificate
 * @param contactKey     the HMAC key of citizens' contact digests; unset = generated under the data dir
 * @param senders        sending systems created at start (id → settings), beside the default one
 * @param citizen        limits of citizens' one-time codes and sessions
 */
@Validated
@ConfigurationProperties("certhub.security")
public record SecurityProperties(
        String reviewerApiKey,
        @NotNull Duration keyOverlap,
        String linkKey,
        @NotNull Duration linkValidity,
        String contactKey,
        Map<String, @Valid SenderSeed> senders,
        @Valid Citizen citizen) {

    public SecurityProperties {
        senders = senders == null ? Map.of() : Map.copyOf(senders);
        citizen = citizen == null ? new Citizen(null, null, 0, 0, 0, null) : citizen;
    }

    /**
     * Citizens' one-time codes: how long a code and a session last, how many codes a contact and a client address
     * may ask for per window, and how many wrong tries a code takes before it is dead.
     */
    public record Citizen(
            Duration codeValidity,
            Duration sessionValidity,
            int maxCodesPerContact,
            int maxRequestsPerClient,
            int maxAttempts,
            Duration window) {
        public Citizen {
            codeValidity = codeValidity == null ? Duration.ofMinutes(10) : codeValidity;
            sessionValidity = sessionValidity == null ? Duration.ofHours(1) : sessionValidity;
            maxCodesPerContact = maxCodesPerContact <= 0 ? 5 : maxCodesPerContact;
            maxRequestsPerClient = maxRequestsPerClient <= 0 ? 30 : maxRequestsPerClient;
            maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
            window = window == null ? Duration.ofHours(1) : window;
        }
    }

    /** A sender from configuration; its key (an environment variable) is kept only as a hash. */
    public record SenderSeed(
            String name,
            List<String> programmes,
            List<String> facilities,
            @NotNull String apiKey) {
        public SenderSeed {
            programmes = programmes == null ? List.of() : List.copyOf(programmes);
            facilities = facilities == null ? List.of() : List.copyOf(facilities);
        }

        @Override
        public String toString() {
            return "SenderSeed[name=" + name + ", programmes=" + programmes + ", apiKey=****]";
        }
    }

    @Override
    public String toString() {
        return "SecurityProperties[keyOverlap=" + keyOverlap + ", linkValidity=" + linkValidity + ", senders="
                + senders.keySet() + "]";
    }
}
