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
 * waives the identity check for the revision reviewed (recorded as {@code waived}), a confirmed one-time code
 * settles it (recorded as {@code otp}); a later correction is checked again.
 */
@Repository
public class EventReviews {

    /** What {@code id_check} says when an administrator approved a held event. */
    public static final String WAIVED = "waived";

    /** The reason of an event held until its payment is settled. */
    public static final String PAYMENT_PENDING = "payment pending";

    private static final int MAX_REF = 250;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public EventReviews(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A held event as the review queue lists it: no personal data, only why it is held. */
    public record HeldEvent(
            String id, String programmeId, String reason, String idCheck, java.time.Instant updatedAt) {}

    /** Whether a review or a confirmed one-time code settled the identity for this revision of the event. */
    public boolean isSettled(String eventId, int revision) {
        Integer settled = jdbc.queryForObject(
                "SELECT COUNT(*) FROM vaccination_event WHERE id = :id AND id_settled_revision = :revision",
                new MapSqlParameterSource("id", eventId).addValue("revision", revision),
                Integer.class);
        return settled != null && settled > 0;
    }

    /** Records which check settled the identity ({@code none}, {@code rest}, ...) and the ID system's reference. */
    public void recordIdCheck(String eventId, String check, String reference) {
        jdbc.update(
                "UPDATE vaccination_event SET id_check = :check, id_check_ref = :ref WHERE id = :id",
                new MapSqlParameterSource("id", eventId)
                        .addValue("check", check)
                        .addValue(
                                "ref",
                                reference == null || reference.length() <= MAX_REF
                                        ? reference
                                        : reference.substring(0, MAX_REF)));
    }

    public List<HeldEvent> inState(EventState state, int limit) {
        return jdbc.query(
                """
                SELECT id, programme_id, reason, id_check, updated_at FROM vaccination_event WHERE state = :state
                 ORDER BY updated_at FETCH FIRST %d ROWS ONLY""".formatted(limit),
                new MapSqlParameterSource("state", state.name()),
                (rs, row) -> new HeldEvent(
                        rs.getString("id"),
                        rs.getString("programme_id"),
                        rs.getString("reason"),
                        rs.getString("id_check"),
                        rs.getTimestamp("updated_at").toInstant()));
    }

    /**
     * Approves a held event: its identity check is waived for the current revision and it waits for
     * certification again. False when the event is not held.
     */
    public boolean approve(String eventId) {
        return release(eventId, WAIVED, null);
    }

    /**
     * Releases a held event whose recipient confirmed a one-time code: the identity is settled for the current
     * revision and the event waits for certification again. False when the event is not held.
     */
    public boolean confirmIdentity(String eventId, String check, String reference) {
        return release(eventId, check, reference);
    }

    /** Releases an event held only for its pending payment; false when it is not held for that. */
    public boolean releasePaymentHold(String eventId) {
        return jdbc.update(
                        """
                UPDATE vaccination_event SET state = 'RECEIVED', reason = NULL, updated_at = :now
                 WHERE id = :id AND state = 'HELD' AND reason = :reason""",
                        new MapSqlParameterSource("id", eventId)
                                .addValue("reason", PAYMENT_PENDING)
                                .addValue("now", Timestamp.from(clock.instant())))
                == 1;
    }

    private boolean release(String eventId, String check, String reference) {
        return jdbc.update(
                        """
                UPDATE vaccination_event
                   SET state = 'RECEIVED', reason = NULL, id_check = :check, id_check_ref = :ref,
                       id_settled_revision = revision, updated_at = :now
                 WHERE id = :id AND state = 'HELD'""",
                        new MapSqlParameterSource("id", eventId)
                                .addValue("check", check)
                                .addValue("ref", reference)
                                .addValue("now", Timestamp.from(clock.instant())))
                == 1;
    }

    /** Rejects a held event: it fails with the review's verdict as the reason. False when the event is not held. */
    public boolean reject(String eventId) {
        return jdbc.update(
                        """
                UPDATE vaccination_event SET state = 'FAILED', reason = 'rejected on review', updated_at = :now
                 WHERE id = :id AND state = 'HELD'""", new MapSqlParameterSource("id", eventId).addValue("now", Timestamp.from(clock.instant())))
                == 1;
    }
}
