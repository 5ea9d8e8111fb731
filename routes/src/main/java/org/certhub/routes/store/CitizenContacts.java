package org.certhub.routes.store;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.certhub.model.ContactPoint;
import org.certhub.model.Recipient;
import org.certhub.routes.config.Secrets;
import org.certhub.routes.config.SecurityProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which events' recipients can be reached at a contact (email or phone), by keyed digest
 * (HMAC-SHA256 with {@code CERTHUB_CONTACT_KEY}, generated under the data dir when unset): a citizen who proves a
 * contact by a one-time code reaches those events' certificates, and the table holds no contact in clear.
 */
@Repository
public class CitizenContacts {

    private final NamedParameterJdbcTemplate jdbc;
    private final byte[] key;

    public CitizenContacts(NamedParameterJdbcTemplate jdbc, Secrets secrets, SecurityProperties security) {
        this.jdbc = jdbc;
        this.key = secrets.secret(security.contactKey(), "contact-key", "CERTHUB_CONTACT_KEY");
    }

    /** The digest of a contact as a citizen types it: emails case-insensitive, phones by their digits and '+'. */
    public String digest(String contact) {
        String normalised =
                contact.contains("@") ? contact.strip().toLowerCase(Locale.ROOT) : contact.replaceAll("[^0-9+]", "");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** Records the recipient's contacts for an event (at each certification; repeats are no-ops). */
    public void record(String eventId, Recipient recipient) {
        for (ContactPoint contact : recipient.contacts()) {
            if (contact.value() == null || contact.value().isBlank()) {
                continue;
            }
            // no duplicate-key exception: in PostgreSQL it would abort the certify transaction this runs in
            jdbc.update(
                    "INSERT INTO citizen_contact (contact_digest, event_id) SELECT :digest, :event WHERE NOT EXISTS"
                            + " (SELECT 1 FROM citizen_contact WHERE contact_digest = :digest AND event_id = :event)",
                    new MapSqlParameterSource("digest", digest(contact.value())).addValue("event", eventId));
        }
    }

    public boolean reaches(String contactDigest, String eventId) {
        return !jdbc.queryForList(
                        "SELECT event_id FROM citizen_contact WHERE contact_digest = :digest AND event_id = :event",
                        new MapSqlParameterSource("digest", contactDigest).addValue("event", eventId),
                        String.class)
                .isEmpty();
    }

    /** The events whose recipient is reachable at this contact digest. */
    public List<String> events(String contactDigest) {
        return jdbc.queryForList(
                "SELECT event_id FROM citizen_contact WHERE contact_digest = :digest ORDER BY event_id",
                new MapSqlParameterSource("digest", contactDigest),
                String.class);
    }
}
