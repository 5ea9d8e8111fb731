package org.certhub.routes.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Per polled source: the newest {@code meta.lastUpdated} whose records are stored. */
@Repository
public class PollCheckpoints {

    private final NamedParameterJdbcTemplate jdbc;

    public PollCheckpoints(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Instant> find(String sourceId) {
        List<String> found = jdbc.queryForList(
                "SELECT last_updated FROM poll_checkpoint WHERE source_id = :source",
                new MapSqlParameterSource("source", sourceId),
                String.class);
        return found.stream().findFirst().map(Instant::parse);
    }

    /** Moves the checkpoint forward to {@code lastUpdated}; never back. */
    public void advance(String sourceId, Instant lastUpdated) {
        if (find(sourceId).filter(current -> !current.isBefore(lastUpdated)).isPresent()) {
            return;
        }
        MapSqlParameterSource row = new MapSqlParameterSource("source", sourceId)
                .addValue("last", lastUpdated.toString())
                .addValue("now", Timestamp.from(Instant.now()));
        if (jdbc.update(
                        "UPDATE poll_checkpoint SET last_updated = :last, updated_at = :now WHERE source_id = :source",
                        row)
                == 0) {
            jdbc.update(
                    "INSERT INTO poll_checkpoint (source_id, last_updated, updated_at) VALUES (:source, :last, :now)",
                    row);
        }
    }
}
