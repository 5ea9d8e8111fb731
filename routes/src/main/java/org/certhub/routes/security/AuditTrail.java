package org.certhub.routes.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.certhub.routes.http.HttpAnswer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The audit trail: one row per admin action, sender change, correction, retraction, revocation, key rotation,
 * citizen download and failed authentication: who (id and role), what, on which record id, when, how it ended,
 * from which client address. Never a name, contact or key.
 *
 * <p>Failed authentications cannot make the trail grow without bound: within a window
 * ({@code certhub.audit.failed-authentication-window}) each client address gets one row whose {@code attempts}
 * counts its failures, and at most {@code certhub.audit.failed-authentication-addresses} addresses get rows of
 * their own; the failures of any further address in that window are counted on one row with the address
 * {@value #OTHER_ADDRESSES}.
 */
@Repository
public class AuditTrail {

    /** Exchange properties an audited route sets before its answer is recorded. */
    public static final String ACTION = "certhubAuditAction";

    public static final String TARGET_HEADER = "certhubAuditTarget";
    public static final String CITIZENS_ONLY = "certhubAuditCitizensOnly";

    /** The client address of the row that counts the failed authentications of addresses beyond the limit. */
    public static final String OTHER_ADDRESSES = "other addresses";

    private static final String FAILED_AUTHENTICATION = "authenticate";

    /** One row. */
    public record Entry(
            String id,
            Instant occurredAt,
            String actor,
            String role,
            String action,
            String targetId,
            String outcome,
            String clientAddress,
            int attempts) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Duration failureWindow;
    private final int failureAddresses;

    public AuditTrail(NamedParameterJdbcTemplate jdbc, Clock clock, AuditProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.failureWindow = properties.failedAuthenticationWindow();
        this.failureAddresses = properties.failedAuthenticationAddresses();
    }

    public void record(Optional<Caller> caller, String action, String targetId, String outcome, String clientAddress) {
        jdbc.update(
                """
                INSERT INTO audit_event (id, occurred_at, actor, actor_role, action, target_id, outcome, client_address)
                VALUES (:id, :at, :actor, :role, :action, :target, :outcome, :client)""",
                new MapSqlParameterSource("id", UUID.randomUUID().toString())
                        .addValue("at", Timestamp.from(clock.instant()))
                        .addValue("actor", caller.map(Caller::id).orElse(null))
                        .addValue(
                                "role",
                                caller.map(c -> c.role().name().toLowerCase()).orElse(null))
                        .addValue("action", action)
                        .addValue("target", truncate(targetId, 128))
                        .addValue("outcome", outcome)
                        .addValue("client", truncate(clientAddress, 64)));
    }

    /**
     * A request whose credentials were refused: counted on its address's row of the current window, a new row for
     * the first failure of an address in the window, or the {@value #OTHER_ADDRESSES} row once the window has
     * rows for {@code certhub.audit.failed-authentication-addresses} addresses.
     */
    public void recordFailedAuthentication(String clientAddress) {
        long windowMillis = failureWindow.toMillis();
        Instant windowStart = Instant.ofEpochMilli(clock.millis() / windowMillis * windowMillis);
        String client = truncate(clientAddress, 64);
        if (countFailure(client, windowStart)) {
            return;
        }
        Integer addresses = jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_event
                 WHERE action = :action AND outcome = 'failed' AND occurred_at >= :start AND occurred_at < :end""", window(windowStart), Integer.class);
        if (addresses != null && addresses >= failureAddresses) {
            client = OTHER_ADDRESSES;
            if (countFailure(client, windowStart)) {
                return;
            }
        }
        record(Optional.empty(), FAILED_AUTHENTICATION, null, "failed", client);
    }

    /** Adds one attempt to the address's row of the window; false when there is none yet. */
    private boolean countFailure(String client, Instant windowStart) {
        return jdbc.update("""
                        UPDATE audit_event SET attempts = attempts + 1
                         WHERE action = :action AND outcome = 'failed' AND occurred_at >= :start AND occurred_at < :end
                           AND client_address = :client""", window(windowStart).addValue("client", client)) > 0;
    }

    private MapSqlParameterSource window(Instant windowStart) {
        return new MapSqlParameterSource("action", FAILED_AUTHENTICATION)
                .addValue("start", Timestamp.from(windowStart))
                .addValue("end", Timestamp.from(windowStart.plus(failureWindow)));
    }

    /** A sender's change to one of its records: {@code correct}, {@code retract} or {@code revoke}, of an event or certificate id. */
    public void recordChange(String senderId, String action, String targetId) {
        record(Optional.ofNullable(senderId).map(Caller::sender), action, targetId, "success", null);
    }

    /**
     * Records an audited route's {@link HttpAnswer} (in the body): the action and target from the exchange
     * properties, the outcome from the status ({@code success} below 400, {@code refused} for 4xx, else
     * {@code failed}).
     */
    public void recordAnswer(Exchange exchange) {
        Optional<Caller> caller = Caller.decode(exchange.getIn().getHeader(Caller.HEADER, String.class));
        if (Boolean.TRUE.equals(exchange.getProperty(CITIZENS_ONLY, Boolean.class))
                && caller.filter(c -> c.is(Role.CITIZEN)).isEmpty()) {
            return;
        }
        int status = exchange.getIn().getBody(HttpAnswer.class).status();
        String targetHeader = exchange.getProperty(TARGET_HEADER, String.class);
        record(
                caller,
                exchange.getProperty(ACTION, String.class),
                targetHeader == null ? null : exchange.getIn().getHeader(targetHeader, String.class),
                status < 400 ? "success" : status < 500 ? "refused" : "failed",
                exchange.getIn().getHeader(TrustedHeaders.CLIENT_HEADER, String.class));
    }

    /** How many rows of an action and outcome came from a client address since {@code since} (attempt limits). */
    public int countSince(String action, String outcome, String clientAddress, Instant since) {
        Integer count = jdbc.queryForObject(
                """
                        SELECT COUNT(*) FROM audit_event WHERE action = :action AND outcome = :outcome
                           AND client_address = :client AND occurred_at >= :since""",
                new MapSqlParameterSource("action", action)
                        .addValue("outcome", outcome)
                        .addValue("client", truncate(clientAddress, 64))
                        .addValue("since", Timestamp.from(since)),
                Integer.class);
        return count == null ? 0 : count;
    }

    /** Rows between {@code from} (inclusive) and {@code to} (exclusive), of one action or all, oldest first. */
    public List<Entry> between(Instant from, Instant to, String action, int limit) {
        MapSqlParameterSource query = new MapSqlParameterSource("from", Timestamp.from(from))
                .addValue("to", Timestamp.from(to))
                .addValue("action", action);
        return jdbc.query(
                """
                        SELECT * FROM audit_event WHERE occurred_at >= :from AND occurred_at < :to
                           AND (CAST(:action AS VARCHAR(64)) IS NULL OR action = :action)
                         ORDER BY occurred_at, id FETCH FIRST %d ROWS ONLY""".formatted(limit),
                query,
                (rs, row) -> new Entry(
                        rs.getString("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("actor_role"),
                        rs.getString("action"),
                        rs.getString("target_id"),
                        rs.getString("outcome"),
                        rs.getString("client_address"),
                        rs.getInt("attempts")));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
