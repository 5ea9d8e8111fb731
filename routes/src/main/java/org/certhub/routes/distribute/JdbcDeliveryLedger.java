package org.certhub.routes.distribute;

import java.sql.Timestamp;
import java.time.Clock;
import org.certhub.connectors.distribution.http.DeliveryLedger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The channels' memory of what receivers accepted, in the hub's database: exactly-once holds across restarts
 * and across the nodes of a scaled-out hub.
 */
@Repository
public class JdbcDeliveryLedger implements DeliveryLedger {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public JdbcDeliveryLedger(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean isDone(String key) {
        Integer found = jdbc.queryForObject(
                "SELECT COUNT(*) FROM delivery_ledger WHERE ledger_key = :key",
                new MapSqlParameterSource("key", key),
                Integer.class);
        return found != null && found > 0;
    }

    @Override
    public void markDone(String key) {
        try {
            jdbc.update(
                    "INSERT INTO delivery_ledger (ledger_key, done_at) VALUES (:key, :now)",
                    new MapSqlParameterSource("key", key).addValue("now", Timestamp.from(clock.instant())));
        } catch (DuplicateKeyException alreadyDone) {
            // another attempt or node recorded it first: the same fact
        }
    }
}
