package org.certhub.routes.certify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.certhub.model.EventState;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The identity side of an event: which check settled it, and the review queue of held events. An approval
 * waives the identity check for the revision reviewed (recorded as {@code waived}); a later correction is
 * checked again.
 */
@Repository
public class EventReviews {

    /** What {@code id_check} says when an administrator approved a held event. */
    public static final String WAIVED = "waived";

    private static final int MAX_REF = 250;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public EventReviews(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A held event as the review queue lists it: no personal data, only why it is held. */
    public record HeldEvent(String id, String programmeId, String reason, String idCheck, java.time.Instant updatedAt) {
    }

    /** Whether an administrator waived the identity check for this revision of the event. */
    public boolean isWaived(String eventId, int revision) {
        Integer waived = jdbc.queryForObject("SELECT COUNT(*) FROM vaccination_event WHERE id = :id AND id_waived_revision = :revision",
                new MapSqlParameterSource("id", eventId).addValue("revision", revision), Integer.class);
        return waived != null && waived > 0;
    }

    /** Records which check settled the identity ({@code none}, {@code rest}, ...) and the ID system's reference. */
    public void recordIdCheck(String eventId, String check, String reference) {
        jdbc.update("UPDATE vaccination_event SET id_check = :check, id_check_ref = :ref WHERE id = :id",
                new MapSqlParameterSource("id", eventId).addValue("check", check)
                        .addValue("ref", reference == null || reference.length() <= MAX_REF ? reference : reference.substring(0, MAX_REF)));
    }

    public List<HeldEvent> inState(EventState state, int limit) {
        return jdbc.query("""
                SELECT id, programme_id, reason, id_check, updated_at FROM vaccination_event WHERE state = :state
                 ORDER BY updated_at FETCH FIRST %d ROWS ONLY""".formatted(limit),
                new MapSqlParameterSource("state", state.name()),
                (rs, row) -> new HeldEvent(rs.getString("id"), rs.getString("programme_id"), rs.getString("reason"),
                        rs.getString("id_check"), rs.getTimestamp("updated_at").toInstant()));
    }

    /**
     * Approves a held event: its identity check is waived for the current revision and it waits for
     * certification again. False when the event is not held.
     */
    public boolean approve(String eventId) {
        return jdbc.update("""
                UPDATE vaccination_event
                   SET state = 'RECEIVED', reason = NULL, id_check = :waived, id_check_ref = NULL,
                       id_waived_revision = revision, updated_at = :now
                 WHERE id = :id AND state = 'HELD'""",
                new MapSqlParameterSource("id", eventId).addValue("waived", WAIVED)
                        .addValue("now", Timestamp.from(clock.instant()))) == 1;
    }

    /** Rejects a held event: it fails with the review's verdict as the reason. False when the event is not held. */
    public boolean reject(String eventId) {
        return jdbc.update("""
                UPDATE vaccination_event SET state = 'FAILED', reason = 'rejected on review', updated_at = :now
                 WHERE id = :id AND state = 'HELD'""",
                new MapSqlParameterSource("id", eventId).addValue("now", Timestamp.from(clock.instant()))) == 1;
    }
}
