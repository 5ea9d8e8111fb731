package org.certhub.routes.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Citizens' requests to correct a certificate: stored for the record's sender and the admins to read. */
@Repository
public class CorrectionRequests {

    /** One request; {@code sourceSystem} is the sender of the record it is about. */
    public record Request(
            String id, String certificateId, String eventId, String sourceSystem, String text, Instant requestedAt) {}

    private final NamedParameterJdbcTemplate jdbc;

    public CorrectionRequests(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Request add(String certificateId, String eventId, String sourceSystem, String text, Instant at) {
        Request request = new Request(UUID.randomUUID().toString(), certificateId, eventId, sourceSystem, text, at);
        jdbc.update(
                """
                INSERT INTO correction_request (id, certificate_id, event_id, source_system, request_text, requested_at)
                VALUES (:id, :certificate, :event, :source, :text, :at)""",
                new MapSqlParameterSource("id", request.id())
                        .addValue("certificate", certificateId)
                        .addValue("event", eventId)
                        .addValue("source", sourceSystem)
                        .addValue("text", text)
                        .addValue("at", Timestamp.from(at)));
        return request;
    }

    /** The newest {@code limit} requests, of one sender's records or (empty) of all, newest first. */
    public List<Request> newest(Optional<String> sourceSystem, int limit) {
        return jdbc.query(
                """
                SELECT * FROM correction_request
                 WHERE CAST(:source AS VARCHAR(128)) IS NULL OR source_system = :source
                 ORDER BY requested_at DESC, id FETCH FIRST %d ROWS ONLY""".formatted(limit),
                new MapSqlParameterSource("source", sourceSystem.orElse(null)),
                (rs, row) -> new Request(
                        rs.getString("id"),
                        rs.getString("certificate_id"),
                        rs.getString("event_id"),
                        rs.getString("source_system"),
                        rs.getString("request_text"),
                        rs.getTimestamp("requested_at").toInstant()));
    }
}
