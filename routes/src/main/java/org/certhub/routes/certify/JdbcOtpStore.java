package org.certhub.routes.certify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.certhub.connectors.id.otp.OtpChallenge;
import org.certhub.connectors.id.otp.OtpStore;
import org.certhub.model.ContactPoint;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Open one-time-code challenges in the hub's database, shared by every node. Every change is a compare-and-set
 * on the whole stored row, so concurrent attempts on one challenge are all counted and a code is used only once.
 */
@Repository
public class JdbcOtpStore implements OtpStore {

    /**
     * The stored row is still the expected one: every change of a challenge sends a new code (a new hash, one more
     * send) or counts a wrong one, so these columns tell versions apart without comparing timestamps, whose
     * precision the database may cut.
     */
    private static final String MATCHES_EXPECTED =
            " WHERE id = :id AND code_hash = :hash AND sends = :sends AND failed_attempts = :failed";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcOtpStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OtpChallenge> find(String id) {
        return jdbc
                .query("SELECT * FROM otp_challenge WHERE id = :id", new MapSqlParameterSource("id", id), this::map)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<OtpChallenge> findByKey(String key) {
        return jdbc
                .query(
                        "SELECT * FROM otp_challenge WHERE challenge_key = :key",
                        new MapSqlParameterSource("key", key),
                        this::map)
                .stream()
                .findFirst();
    }

    @Override
    public boolean insertUnlessOpen(OtpChallenge challenge, Instant now) {
        jdbc.update(
                "DELETE FROM otp_challenge WHERE challenge_key = :key AND expires_at <= :now",
                new MapSqlParameterSource("key", challenge.key()).addValue("now", Timestamp.from(now)));
        try {
            jdbc.update("""
                    INSERT INTO otp_challenge (id, challenge_key, channel, address, code_hash, expires_at, last_sent_at, sends,
                                               failed_attempts)
                    VALUES (:id, :key, :channel, :address, :hash, :expires, :sent, :sends, :failed)""", row(challenge));
            return true;
        } catch (DuplicateKeyException open) {
            return false;
        }
    }

    @Override
    public boolean replace(OtpChallenge expected, OtpChallenge updated) {
        if (!expected.id().equals(updated.id()) || !expected.key().equals(updated.key())) {
            throw new IllegalArgumentException("a challenge keeps its id and key");
        }
        MapSqlParameterSource values = row(expected)
                .addValue("newHash", updated.codeHash())
                .addValue("newExpires", Timestamp.from(updated.expiresAt()))
                .addValue("newSent", Timestamp.from(updated.lastSentAt()))
                .addValue("newSends", updated.sends())
                .addValue("newFailed", updated.failedAttempts())
                .addValue("newChannel", updated.channel().name())
                .addValue("newAddress", updated.address());
        return jdbc.update("""
                UPDATE otp_challenge SET channel = :newChannel, address = :newAddress, code_hash = :newHash,
                       expires_at = :newExpires, last_sent_at = :newSent, sends = :newSends, failed_attempts = :newFailed""" + MATCHES_EXPECTED, values) == 1;
    }

    @Override
    public boolean remove(OtpChallenge expected) {
        return jdbc.update("DELETE FROM otp_challenge" + MATCHES_EXPECTED, row(expected)) == 1;
    }

    @Override
    public int purgeExpired(Instant now) {
        return jdbc.update(
                "DELETE FROM otp_challenge WHERE expires_at <= :now",
                new MapSqlParameterSource("now", Timestamp.from(now)));
    }

    private static MapSqlParameterSource row(OtpChallenge challenge) {
        return new MapSqlParameterSource("id", challenge.id())
                .addValue("key", challenge.key())
                .addValue("channel", challenge.channel().name())
                .addValue("address", challenge.address())
                .addValue("hash", challenge.codeHash())
                .addValue("expires", Timestamp.from(challenge.expiresAt()))
                .addValue("sent", Timestamp.from(challenge.lastSentAt()))
                .addValue("sends", challenge.sends())
                .addValue("failed", challenge.failedAttempts());
    }

    private OtpChallenge map(ResultSet rs, int row) throws SQLException {
        return new OtpChallenge(
                rs.getString("id"),
                rs.getString("challenge_key"),
                ContactPoint.Channel.valueOf(rs.getString("channel")),
                rs.getString("address"),
                rs.getString("code_hash"),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("last_sent_at").toInstant(),
                rs.getInt("sends"),
                rs.getInt("failed_attempts"));
    }
}
