package org.certhub.routes.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.certhub.model.DeliveryState;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** One delivery row per certificate and channel, so a replayed message never delivers twice. */
@Repository
public class DeliveryStore {

    private final NamedParameterJdbcTemplate jdbc;

    public DeliveryStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Delivery(
            String id,
            String certificateId,
            String channel,
            DeliveryState state,
            int attempts,
            String lastError,
            String externalReference,
            Instant updatedAt) {}

    public static String deliveryId(String certificateId, String channel) {
        return certificateId + ":" + channel;
    }

    /**
     * Records that a delivery is queued; false when it needs no queueing: a replayed distribution finds it sent or
     * dead already. A replay that finds it queued or failed queues it again, as the hub may have stopped after the
     * row was written and before the queue took the message (delivering skips a delivery already sent).
     */
    public boolean queue(String certificateId, String channel) {
        String id = deliveryId(certificateId, channel);
        try {
            jdbc.update(
                    """
                    INSERT INTO delivery (id, certificate_id, channel, state, attempts, updated_at)
                    VALUES (:id, :certificate, :channel, 'QUEUED', 0, :now)""",
                    new MapSqlParameterSource("id", id)
                            .addValue("certificate", certificateId)
                            .addValue("channel", channel)
                            .addValue("now", Timestamp.from(Instant.now())));
            return true;
        } catch (DuplicateKeyException seenBefore) {
            return find(id).map(delivery ->
                            delivery.state() != DeliveryState.SENT && delivery.state() != DeliveryState.DEAD)
                    .orElse(false);
        }
    }

    public Optional<Delivery> find(String deliveryId) {
        return jdbc
                .query("SELECT * FROM delivery WHERE id = :id", new MapSqlParameterSource("id", deliveryId), this::map)
                .stream()
                .findFirst();
    }

    public List<Delivery> forCertificate(String certificateId) {
        return jdbc.query(
                "SELECT * FROM delivery WHERE certificate_id = :certificate ORDER BY channel",
                new MapSqlParameterSource("certificate", certificateId),
                this::map);
    }

    public void markSent(String deliveryId, String externalReference) {
        jdbc.update(
                """
                UPDATE delivery SET state = 'SENT', attempts = attempts + 1, last_error = NULL, external_ref = :ref,
                                    updated_at = :now WHERE id = :id""",
                new MapSqlParameterSource("id", deliveryId)
                        .addValue("ref", externalReference)
                        .addValue("now", Timestamp.from(Instant.now())));
    }

    /** One failed attempt; the delivery stays retryable ({@code failed}) until the retries run out ({@code dead}). */
    public void markFailed(String deliveryId, DeliveryState state, String error) {
        jdbc.update(
                """
                UPDATE delivery SET state = :state, attempts = attempts + 1, last_error = :error, updated_at = :now
                 WHERE id = :id AND state <> 'SENT'""",
                new MapSqlParameterSource("id", deliveryId)
                        .addValue("state", state.name())
                        .addValue("error", error == null ? null : error.substring(0, Math.min(error.length(), 500)))
                        .addValue("now", Timestamp.from(Instant.now())));
    }

    /** Puts a dead delivery back in the queue's hands (a dead-letter replay). */
    public void requeue(String deliveryId) {
        jdbc.update(
                "UPDATE delivery SET state = 'QUEUED', updated_at = :now WHERE id = :id AND state = 'DEAD'",
                new MapSqlParameterSource("id", deliveryId).addValue("now", Timestamp.from(Instant.now())));
    }

    public boolean allSent(String certificateId) {
        Integer pending = jdbc.queryForObject(
                "SELECT COUNT(*) FROM delivery WHERE certificate_id = :certificate AND state <> 'SENT'",
                new MapSqlParameterSource("certificate", certificateId),
                Integer.class);
        return pending != null && pending == 0;
    }

    private Delivery map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Delivery(
                rs.getString("id"),
                rs.getString("certificate_id"),
                rs.getString("channel"),
                DeliveryState.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getString("external_ref"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
