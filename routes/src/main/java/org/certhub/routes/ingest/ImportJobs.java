package org.certhub.routes.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The state of {@code $import} jobs and their bad lines, in the database so that any node can report them. */
@Repository
public class ImportJobs {

    public enum State {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED
    }

    /** Counts of a job so far. */
    public record Counts(long linesRead, long accepted, long retracted, long ignored, long rejected) {}

    public record Job(String id, String sourceSystem, State state, Counts counts, String message) {}

    /** One bad line: the uploaded file, its line number, the OperationOutcome (JSON). */
    public record LineError(String file, long line, String outcome) {}

    private final NamedParameterJdbcTemplate jdbc;

    public ImportJobs(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void create(String id, String sourceSystem) {
        jdbc.update(
                """
                INSERT INTO import_job (id, source_system, state, lines_read, accepted, retracted, ignored, rejected,
                                        created_at, updated_at)
                VALUES (:id, :source, 'QUEUED', 0, 0, 0, 0, 0, :now, :now)""",
                new MapSqlParameterSource("id", id)
                        .addValue("source", sourceSystem)
                        .addValue("now", now()));
    }

    /** Marks a job running from the start: counts and errors of an interrupted run are cleared. */
    public void start(String id) {
        MapSqlParameterSource job = new MapSqlParameterSource("id", id).addValue("now", now());
        jdbc.update("DELETE FROM import_job_error WHERE job_id = :id", job);
        jdbc.update("""
                UPDATE import_job SET state = 'RUNNING', lines_read = 0, accepted = 0, retracted = 0, ignored = 0,
                       rejected = 0, message = NULL, updated_at = :now WHERE id = :id""", job);
    }

    public void progress(String id, Counts counts) {
        update(id, State.RUNNING, counts, null);
    }

    public void complete(String id, Counts counts) {
        update(id, State.COMPLETED, counts, null);
    }

    public void fail(String id, Counts counts, String message) {
        update(id, State.FAILED, counts, message);
    }

    public void addError(String id, int seq, LineError error) {
        jdbc.update(
                """
                INSERT INTO import_job_error (job_id, seq, file_name, line_number, outcome)
                VALUES (:id, :seq, :file, :line, :outcome)""",
                new MapSqlParameterSource("id", id)
                        .addValue("seq", seq)
                        .addValue("file", error.file())
                        .addValue("line", error.line())
                        .addValue("outcome", error.outcome()));
    }

    public Optional<Job> find(String id) {
        return jdbc
                .query(
                        "SELECT * FROM import_job WHERE id = :id",
                        new MapSqlParameterSource("id", id),
                        (rs, row) -> new Job(
                                rs.getString("id"),
                                rs.getString("source_system"),
                                State.valueOf(rs.getString("state")),
                                new Counts(
                                        rs.getLong("lines_read"),
                                        rs.getLong("accepted"),
                                        rs.getLong("retracted"),
                                        rs.getLong("ignored"),
                                        rs.getLong("rejected")),
                                rs.getString("message")))
                .stream()
                .findFirst();
    }

    public List<LineError> errors(String id) {
        return jdbc.query(
                "SELECT file_name, line_number, outcome FROM import_job_error WHERE job_id = :id ORDER BY seq",
                new MapSqlParameterSource("id", id),
                (rs, row) ->
                        new LineError(rs.getString("file_name"), rs.getLong("line_number"), rs.getString("outcome")));
    }

    /** Jobs that were queued or running when the node stopped. */
    public List<String> unfinished(Instant createdBefore) {
        return jdbc.queryForList(
                "SELECT id FROM import_job WHERE state IN ('QUEUED', 'RUNNING') AND created_at < :before ORDER BY created_at",
                new MapSqlParameterSource("before", Timestamp.from(createdBefore)),
                String.class);
    }

    private void update(String id, State state, Counts counts, String message) {
        jdbc.update(
                """
                UPDATE import_job SET state = :state, lines_read = :lines, accepted = :accepted, retracted = :retracted,
                       ignored = :ignored, rejected = :rejected, message = :message, updated_at = :now WHERE id = :id""",
                new MapSqlParameterSource("id", id)
                        .addValue("state", state.name())
                        .addValue("lines", counts.linesRead())
                        .addValue("accepted", counts.accepted())
                        .addValue("retracted", counts.retracted())
                        .addValue("ignored", counts.ignored())
                        .addValue("rejected", counts.rejected())
                        .addValue("message", message)
                        .addValue("now", now()));
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
