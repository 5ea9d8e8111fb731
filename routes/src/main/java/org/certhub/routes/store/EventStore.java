package org.certhub.routes.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final GroupCommit commits;

    public EventStore(
            NamedParameterJdbcTemplate jdbc, ModelJson json, ApplicationEventPublisher changes, GroupCommit commits) {
        this.jdbc = jdbc;
        this.commits = commits;
        this.json = json;
        this.changes = changes;
    }

    /**
     * What storing a received record did.
     *
     * @param waiting the event was stored before and is still {@code received}: a crash or restart stopped it
     *                between storing and queueing, so it is queued again at once
     */
    public record Receipt(String eventId, Kind kind, boolean waiting) {
        public enum Kind {
            /** first time seen: certify it */
            NEW,
            /** seen before with other content: certify the new revision as a correction */
            CHANGED,
            /** seen before with the same content: nothing to do, unless it still waits to be queued */
            DUPLICATE
        }

        public boolean needsCertification() {
            return kind != Kind.DUPLICATE || waiting;
        }
    }

    /**
     * Stores a received record. Not one transaction on purpose: on PostgreSQL a failed insert poisons the
     * transaction, and the insert-then-compare below is safe statement by statement. The insert, the usual case,
     * shares its commit with the other requests of the moment.
     */
    public Receipt receive(VaccinationEvent event) {
        Row row = new Row(event, json.write(event), Timestamp.from(Instant.now()));
        try {
            commits.run(() -> jdbc.update(INSERT, row.parameters()));
            return new Receipt(row.id(), Receipt.Kind.NEW, false);
        } catch (DuplicateKeyException seenBefore) {
            Stored existing = jdbc.queryForObject(
                    "SELECT id, content_hash, state FROM vaccination_event WHERE idempotency_key = :key",
                    row.parameters(),
                    EventStore::stored);
            int changed = jdbc.update(REVISE, row.parameters().addValue("existing", existing.id()));
            return new Receipt(
                    existing.id(), changed == 1 ? Receipt.Kind.CHANGED : Receipt.Kind.DUPLICATE, existing.waiting());
        }
    }

    /**
     * Stores the records of one request in one transaction: one query for those seen before, then batched inserts
     * of the new and updates of the changed ones; receipts in the order of {@code received}. When a record appears
     * twice in the request, or another request stored one of them meanwhile, the records are stored one by one
     * instead ({@link #receive}), which settles both cases.
     */
    public List<Receipt> receiveAll(List<VaccinationEvent> received) {
        if (received.size() < 2) {
            return received.stream().map(this::receive).toList();
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Row> rows = received.stream()
                .map(event -> new Row(event, json.write(event), now))
                .toList();
        if (rows.stream().map(Row::key).distinct().count() < rows.size()) {
            return received.stream().map(this::receive).toList();
        }
        try {
            return commits.inTransaction(() -> receiveTogether(rows));
        } catch (DuplicateKeyException storedMeanwhile) {
            return received.stream().map(this::receive).toList();
        }
    }

    private List<Receipt> receiveTogether(List<Row> rows) {
        Map<String, Stored> seen = new HashMap<>();
        for (int from = 0; from < rows.size(); from += IN_LIST) {
            List<String> keys = rows.subList(from, Math.min(rows.size(), from + IN_LIST)).stream()
                    .map(Row::key)
                    .toList();
            jdbc.query(
                    "SELECT id, idempotency_key, content_hash, state FROM vaccination_event WHERE idempotency_key IN (:keys)",
                    new MapSqlParameterSource("keys", keys),
                    rs -> {
                        seen.put(rs.getString("idempotency_key"), stored(rs, 0));
                    });
        }
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> revisions = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        for (Row row : rows) {
            Stored existing = seen.get(row.key());
            if (existing == null) {
                inserts.add(row.parameters());
                receipts.add(new Receipt(row.id(), Receipt.Kind.NEW, false));
            } else if (existing.hash().equals(row.hash())) {
                receipts.add(new Receipt(existing.id(), Receipt.Kind.DUPLICATE, existing.waiting()));
            } else {
                revisions.add(row.parameters().addValue("existing", existing.id()));
                receipts.add(new Receipt(existing.id(), Receipt.Kind.CHANGED, false));
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(INSERT, inserts.toArray(MapSqlParameterSource[]::new));
        }
        if (!revisions.isEmpty()) {
            jdbc.batchUpdate(REVISE, revisions.toArray(MapSqlParameterSource[]::new));
        }
        return receipts;
    }

    private static final String INSERT = """
            INSERT INTO vaccination_event (id, idempotency_key, source_system, revision, content_hash, programme_id,
                                           person_key, state, payload, received_at, updated_at)
            VALUES (:id, :key, :source, 1, :hash, :programme, :person, :state, :payload, :now, :now)""";

    private static final String REVISE = """
            UPDATE vaccination_event
               SET revision = revision + 1, content_hash = :hash, programme_id = :programme, person_key = :person,
                   payload = :payload,
                   state = :state, reason = NULL, updated_at = :now
             WHERE id = :existing AND content_hash <> :hash""";

    /** Idempotency keys looked up in one query. */
    private static final int IN_LIST = 500;

    /** A received record as it is stored, with a fresh id in case it is new. */
    private record Row(VaccinationEvent event, String payload, String hash, String id, Timestamp now) {
        Row(VaccinationEvent event, String payload, Timestamp now) {
            this(event, payload, ModelJson.sha256(payload), UUID.randomUUID().toString(), now);
        }

        String key() {
            return event.idempotencyKey();
        }

        MapSqlParameterSource parameters() {
            return new MapSqlParameterSource()
                    .addValue("id", id)
                    .addValue("key", event.idempotencyKey())
                    .addValue("source", event.sourceSystem())
                    .addValue("hash", hash)
                    .addValue("programme", event.programmeId())
                    .addValue("person", PersonKeys.of(event).orElse(null))
                    .addValue("state", EventState.RECEIVED.name())
                    .addValue("payload", payload)
                    .addValue("now", now);
        }
    }

    /** What is known of a record stored before. */
    private record Stored(String id, String hash, EventState state) {
        boolean waiting() {
            return state == EventState.RECEIVED;
        }
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getString("id"), rs.getString("content_hash"), EventState.valueOf(rs.getString("state")));
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

    /**
     * Claims up to {@code limit} events still {@code received} and last touched before {@code before}: a crash or
     * restart between storing and queueing left them. Each is claimed by one caller only (its {@code updated_at}
     * moves to now, so that it is claimed again only after the next {@code before} passes it), also when two nodes
     * claim at once; answers the ids claimed.
     */
    public List<String> claimWaiting(Instant before, int limit) {
        Timestamp cutoff = Timestamp.from(before);
        List<String> waiting =
                jdbc.queryForList("""
                SELECT id FROM vaccination_event WHERE state = 'RECEIVED' AND updated_at < :before
                 ORDER BY updated_at FETCH FIRST %d ROWS ONLY""".formatted(limit), new MapSqlParameterSource("before", cutoff), String.class);
        if (waiting.isEmpty()) {
            return waiting;
        }
        Timestamp now = Timestamp.from(Instant.now());
        int[] claimed = jdbc.batchUpdate(
                """
                UPDATE vaccination_event SET updated_at = :now
                 WHERE id = :id AND state = 'RECEIVED' AND updated_at < :before""",
                waiting.stream()
                        .map(id -> new MapSqlParameterSource("id", id)
                                .addValue("now", now)
                                .addValue("before", cutoff))
                        .toArray(MapSqlParameterSource[]::new));
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            if (claimed[i] != 0) { // 1, or SUCCESS_NO_INFO where a driver does not count batched rows
                mine.add(waiting.get(i));
            }
        }
        return mine;
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
