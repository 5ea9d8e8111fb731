package org.certhub.routes.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Citizens' one-time codes: kept as SHA-256 of row id and code, single use, expiring, with a count of wrong
 * tries. Every request is a row (with or without a code), so that requests per contact and per client address
 * can be counted.
 */
@Repository
public class CitizenCodes {

    /** The newest code of a contact still open: its row id and how often it was tried wrongly. */
    public record Open(String id, String codeHash, int attempts) {}

    private final NamedParameterJdbcTemplate jdbc;

    public CitizenCodes(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a request; {@code code} null when no code was sent (no certificate for the contact). */
    public void add(String contactDigest, String clientDigest, String code, Instant now, Instant expiresAt) {
        String id = UUID.randomUUID().toString();
        jdbc.update(
                """
                INSERT INTO citizen_code (id, contact_digest, client_digest, code_hash, attempts, used, created_at, expires_at)
                VALUES (:id, :contact, :client, :hash, 0, FALSE, :now, :expires)""",
                new MapSqlParameterSource("id", id)
                        .addValue("contact", contactDigest)
                        .addValue("client", clientDigest)
                        .addValue("hash", code == null ? null : hash(id, code))
                        .addValue("now", Timestamp.from(now))
                        .addValue("expires", Timestamp.from(expiresAt)));
    }

    public int requestsByContactSince(String contactDigest, Instant since) {
        return count("contact_digest", contactDigest, since);
    }

    public int requestsByClientSince(String clientDigest, Instant since) {
        return count("client_digest", clientDigest, since);
    }

    public Optional<Open> newestOpen(String contactDigest, Instant now) {
        return jdbc
                .query(
                        """
                        SELECT id, code_hash, attempts FROM citizen_code
                         WHERE contact_digest = :contact AND code_hash IS NOT NULL AND used = FALSE AND expires_at > :now
                         ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY""",
                        new MapSqlParameterSource("contact", contactDigest).addValue("now", Timestamp.from(now)),
                        (rs, row) -> new Open(rs.getString("id"), rs.getString("code_hash"), rs.getInt("attempts")))
                .stream()
                .findFirst();
    }

    /** Uses the code once: false when another request used it first. */
    public boolean use(String id) {
        return jdbc.update(
                        "UPDATE citizen_code SET used = TRUE WHERE id = :id AND used = FALSE",
                        new MapSqlParameterSource("id", id))
                == 1;
    }

    public void countWrongAttempt(String id) {
        jdbc.update(
                "UPDATE citizen_code SET attempts = attempts + 1 WHERE id = :id", new MapSqlParameterSource("id", id));
    }

    public static String hash(String id, String code) {
        return KeyHashes.hash(id + "|" + code);
    }

    private int count(String column, String digest, Instant since) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM citizen_code WHERE " + column + " = :digest AND created_at >= :since",
                new MapSqlParameterSource("digest", digest).addValue("since", Timestamp.from(since)),
                Integer.class);
        return count == null ? 0 : count;
    }
}
