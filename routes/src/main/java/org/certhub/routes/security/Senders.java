package org.certhub.routes.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The sending systems and their API keys, kept only as SHA-256 hashes ({@link KeyHashes}). */
@Repository
public class Senders {

    /** A sending system; empty programme or facility lists allow any. */
    public record Sender(String id, String name, List<String> programmes, List<String> facilities, boolean enabled) {

        public boolean allowsProgramme(String programmeId) {
            return programmes.isEmpty() || programmes.contains(programmeId);
        }

        public boolean allowsFacility(String facilityId) {
            return facilities.isEmpty() || facilities.contains(facilityId);
        }
    }

    /** Where a key came from: the configuration (replaced when the configuration changes) or the admin API. */
    public enum KeyOrigin {
        CONFIG,
        API
    }

    private final NamedParameterJdbcTemplate jdbc;

    public Senders(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The enabled sender a presented key belongs to, if the key is known and not expired. */
    public Optional<Sender> byKey(String presentedKey, Instant now) {
        return jdbc
                .query(
                        """
                        SELECT s.* FROM sender_key k JOIN sender s ON s.id = k.sender_id
                         WHERE k.key_hash = :hash AND s.enabled = TRUE AND (k.expires_at IS NULL OR k.expires_at > :now)""",
                        new MapSqlParameterSource("hash", KeyHashes.hash(presentedKey))
                                .addValue("now", Timestamp.from(now)),
                        this::map)
                .stream()
                .findFirst();
    }

    public Optional<Sender> find(String id) {
        return jdbc
                .query("SELECT * FROM sender WHERE id = :id", new MapSqlParameterSource("id", id), this::map)
                .stream()
                .findFirst();
    }

    /** Creates a sender; false when the id is taken. */
    public boolean create(Sender sender, Instant now) {
        try {
            jdbc.update(
                    """
                    INSERT INTO sender (id, name, programmes, facilities, enabled, created_at, updated_at)
                    VALUES (:id, :name, :programmes, :facilities, :enabled, :now, :now)""",
                    new MapSqlParameterSource("id", sender.id())
                            .addValue("name", sender.name())
                            .addValue("programmes", String.join(",", sender.programmes()))
                            .addValue("facilities", String.join(",", sender.facilities()))
                            .addValue("enabled", sender.enabled())
                            .addValue("now", Timestamp.from(now)));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Updates name, programmes and facilities, and enables the sender (configuration seeding). */
    public void update(Sender sender, Instant now) {
        jdbc.update(
                """
                UPDATE sender SET name = :name, programmes = :programmes, facilities = :facilities, enabled = TRUE,
                       updated_at = :now WHERE id = :id""",
                new MapSqlParameterSource("id", sender.id())
                        .addValue("name", sender.name())
                        .addValue("programmes", String.join(",", sender.programmes()))
                        .addValue("facilities", String.join(",", sender.facilities()))
                        .addValue("now", Timestamp.from(now)));
    }

    /** Adds a key (by its hash); false when that hash is already stored. */
    public boolean addKey(String senderId, String keyHash, KeyOrigin origin, Instant now) {
        try {
            jdbc.update(
                    """
                    INSERT INTO sender_key (key_hash, sender_id, origin, created_at, expires_at)
                    VALUES (:hash, :sender, :origin, :now, NULL)""",
                    new MapSqlParameterSource("hash", keyHash)
                            .addValue("sender", senderId)
                            .addValue("origin", origin.name())
                            .addValue("now", Timestamp.from(now)));
            return true;
        } catch (DuplicateKeyException known) {
            return false;
        }
    }

    /** Lets every key of a sender other than {@code keep} work only until {@code until}. */
    public void expireKeysExcept(String senderId, String keep, Instant until) {
        jdbc.update(
                """
                UPDATE sender_key SET expires_at = :until
                 WHERE sender_id = :sender AND key_hash <> :keep AND (expires_at IS NULL OR expires_at > :until)""",
                new MapSqlParameterSource("sender", senderId)
                        .addValue("keep", keep)
                        .addValue("until", Timestamp.from(until)));
    }

    /** Ends the configuration's earlier keys of a sender now that the configuration names {@code keep}. */
    public void expireConfiguredKeysExcept(String senderId, String keep, Instant now) {
        jdbc.update(
                """
                UPDATE sender_key SET expires_at = :now
                 WHERE sender_id = :sender AND origin = 'CONFIG' AND key_hash <> :keep AND expires_at IS NULL""",
                new MapSqlParameterSource("sender", senderId)
                        .addValue("keep", keep)
                        .addValue("now", Timestamp.from(now)));
    }

    /** Disables a sender: its keys stop working at once; false when there is no such sender. */
    public boolean disable(String id, Instant now) {
        return jdbc.update(
                        "UPDATE sender SET enabled = FALSE, updated_at = :now WHERE id = :id",
                        new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(now)))
                == 1;
    }

    private Sender map(ResultSet rs, int row) throws SQLException {
        return new Sender(
                rs.getString("id"),
                rs.getString("name"),
                list(rs.getString("programmes")),
                list(rs.getString("facilities")),
                rs.getBoolean("enabled"));
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isBlank()
                ? List.of()
                : Arrays.stream(joined.split(",")).map(String::strip).toList();
    }
}
