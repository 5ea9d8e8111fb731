package org.certhub.routes.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.certhub.model.EventState;
import org.certhub.model.VaccinationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Vaccination events, keyed by their idempotency key: the same record sent twice is one event; a record sent
 * again with other content is a new revision of the same event (a correction).
 */
@Repository
public class EventStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final ModelJson json;
    private final ApplicationEventPublisher changes;

    public EventStore(NamedParameterJdbcTemplate jdbc, ModelJson json, ApplicationEventPublisher changes) {
        this.jdbc = jdbc;
        this.json = json;
        this.changes = changes;
    }

    /** What storing a received record did. */
    public record Receipt(String eventId, Kind kind) {
        public enum Kind {
            /** first time seen: certify it */
            NEW,
            /** seen before with other content: certify the new revision as a correction */
            CHANGED,
            /** seen before with the same content: nothing to do */
            DUPLICATE
        }

        public boolean needsCertification() {
            return kind != Kind.DUPLICATE;
        }
    }

    /**
     * Stores a received record. Not one transaction on purpose: on PostgreSQL a failed insert poisons the
     * transaction, and the insert-then-compare below is safe statement by statement.
     */
    public Receipt receive(VaccinationEvent event) {
        String payload = json.write(event);
        String hash = ModelJson.sha256(payload);
        Timestamp now = Timestamp.from(Instant.now());
        String id = UUID.randomUUID().toString();
        MapSqlParameterSource row = new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("key", event.idempotencyKey())
                .addValue("source", event.sourceSystem())
                .addValue("hash", hash)
                .addValue("programme", event.programmeId())
                .addValue("person", PersonKeys.of(event).orElse(null))
                .addValue("state", EventState.RECEIVED.name())
                .addValue("payload", payload)
                .addValue("now", now);
        try {
            jdbc.update("""
                    INSERT INTO vaccination_event (id, idempotency_key, source_system, revision, content_hash, programme_id,
                                                   person_key, state, payload, received_at, updated_at)
                    VALUES (:id, :key, :source, 1, :hash, :programme, :person, :state, :payload, :now, :now)""", row);
            return new Receipt(id, Receipt.Kind.NEW);
        } catch (DuplicateKeyException seenBefore) {
            String existing = jdbc.queryForObject(
                    "SELECT id FROM vaccination_event WHERE idempotency_key = :key", row, String.class);
            int changed = jdbc.update("""
                    UPDATE vaccination_event
                       SET revision = revision + 1, content_hash = :hash, programme_id = :programme, person_key = :person,
                           payload = :payload,
                           state = :state, reason = NULL, updated_at = :now
                     WHERE id = :existing AND content_hash <> :hash""", row.addValue("existing", existing));
            return new Receipt(existing, changed == 1 ? Receipt.Kind.CHANGED : Receipt.Kind.DUPLICATE);
        }
    }

    public Optional<StoredEvent> find(String id) {
        return jdbc
                .query("SELECT * FROM vaccination_event WHERE id = :id", new MapSqlParameterSource("id", id), this::map)
                .stream()
                .findFirst();
    }

    public Optional<StoredEvent> findByIdempotencyKey(String key) {
        return jdbc
                .query(
                        "SELECT * FROM vaccination_event WHERE idempotency_key = :key",
                        new MapSqlParameterSource("key", key),
                        this::map)
                .stream()
                .findFirst();
    }

    /**
     * Certified as that certificate; {@code note} says what was not issued (the formats skipped), or is null. An
     * event already delivered as the same certificate stays delivered: a certify message read again (a
     * redelivery, a re-queue behind a backlog) must not undo its delivery.
     */
    public void markCertified(String id, String certificateId, String note) {
        jdbc.update(
                """
                UPDATE vaccination_event
                   SET state = :state, reason = :note, certificate_id = :certificate, updated_at = :now
                 WHERE id = :id AND NOT (state = 'DELIVERED' AND COALESCE(certificate_id, '') = :certificate)""",
                new MapSqlParameterSource("id", id)
                        .addValue("state", EventState.CERTIFIED.name())
                        .addValue("note", note)
                        .addValue("certificate", Objects.requireNonNull(certificateId, "certificateId"))
                        .addValue("now", Timestamp.from(Instant.now())));
    }

    public void markDelivered(String id) {
        jdbc.update(
                """
                UPDATE vaccination_event SET state = :state, updated_at = :now
                 WHERE id = :id AND state = 'CERTIFIED'""",
                new MapSqlParameterSource("id", id)
                        .addValue("state", EventState.DELIVERED.name())
                        .addValue("now", Timestamp.from(Instant.now())));
    }

    /** Failed for good; announced as an {@link EventStateChanged}. */
    public void markFailed(String id, String reason) {
        update(id, EventState.FAILED, reason, null);
        changes.publishEvent(new EventStateChanged(id, EventState.FAILED, reason));
    }

    /** Held for review (or a payment); announced as an {@link EventStateChanged}. */
    public void markHeld(String id, String reason) {
        update(id, EventState.HELD, reason, null);
        changes.publishEvent(new EventStateChanged(id, EventState.HELD, reason));
    }

    /** Events received before {@code before} and still waiting: a crash between storing and queueing left them. */
    public List<String> waitingSince(Instant before, int limit) {
        return jdbc.queryForList(
                """
                SELECT id FROM vaccination_event WHERE state = 'RECEIVED' AND updated_at < :before
                 ORDER BY updated_at FETCH FIRST %d ROWS ONLY""".formatted(limit), new MapSqlParameterSource("before", Timestamp.from(before)), String.class);
    }

    /** Marks waiting events as just queued again, so that the next sweep leaves them a full grace period. */
    public void touch(List<String> ids) {
        if (!ids.isEmpty()) {
            jdbc.update(
                    "UPDATE vaccination_event SET updated_at = :now WHERE id IN (:ids) AND state = 'RECEIVED'",
                    new MapSqlParameterSource("ids", ids).addValue("now", Timestamp.from(Instant.now())));
        }
    }

    private void update(String id, EventState state, String reason, String certificateId) {
        jdbc.update(
                """
                UPDATE vaccination_event
                   SET state = :state, reason = :reason, certificate_id = COALESCE(:certificate, certificate_id), updated_at = :now
                 WHERE id = :id""",
                new MapSqlParameterSource("id", id)
                        .addValue("state", state.name())
                        .addValue("reason", reason)
                        .addValue("certificate", certificateId)
                        .addValue("now", Timestamp.from(Instant.now())));
    }

    private StoredEvent map(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(
                rs.getString("id"),
                rs.getInt("revision"),
                EventState.valueOf(rs.getString("state")),
                rs.getString("reason"),
                rs.getString("certificate_id"),
                json.read(rs.getString("payload"), VaccinationEvent.class));
    }
}
