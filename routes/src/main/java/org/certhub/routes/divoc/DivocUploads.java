package org.certhub.routes.divoc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The DIVOC bulk CSV uploads a sender made, with the error of each rejected row. */
@Repository
public class DivocUploads {

    /** One upload: {@code status} is {@code success} (no rejected row), {@code partial} or {@code failed} (no accepted row). */
    public record Upload(String id, String fileName, String status, int totalRows, int errorRows, Instant receivedAt) {}

    /** A rejected row: its number among the data rows, from 1, and why. */
    public record RowError(int row, String error) {}

    private static final int MAX_ERROR = 2000;

    private final NamedParameterJdbcTemplate jdbc;

    public DivocUploads(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an upload's outcome; answers its id. */
    @Transactional
    public Upload record(String fileName, String source, DivocBulkCertify.Result result) {
        int total = result.rows().size();
        int errors = (int) result.errorRows();
        String status = errors == 0 ? "success" : errors == total ? "failed" : "partial";
        Upload upload = new Upload(UUID.randomUUID().toString(), fileName, status, total, errors, Instant.now());
        jdbc.update(
                """
                INSERT INTO divoc_upload (id, file_name, source, status, total_rows, error_rows, received_at)
                VALUES (:id, :fileName, :source, :status, :total, :errors, :receivedAt)""",
                new MapSqlParameterSource("id", upload.id())
                        .addValue("fileName", fileName)
                        .addValue("source", source)
                        .addValue("status", status)
                        .addValue("total", total)
                        .addValue("errors", errors)
                        .addValue("receivedAt", Timestamp.from(upload.receivedAt())));
        result.rows().stream()
                .filter(row -> "rejected".equals(row.status()))
                .forEach(row -> jdbc.update(
                        """
                INSERT INTO divoc_upload_error (upload_id, row_no, error) VALUES (:id, :row, :error)""",
                        new MapSqlParameterSource("id", upload.id())
                                .addValue("row", row.row())
                                .addValue(
                                        "error",
                                        row.error().length() > MAX_ERROR
                                                ? row.error().substring(0, MAX_ERROR)
                                                : row.error())));
        return upload;
    }

    /** The sender's latest uploads, newest first. */
    public List<Upload> list(String source, int limit) {
        return jdbc.query(
                """
                SELECT id, file_name, status, total_rows, error_rows, received_at FROM divoc_upload
                 WHERE source = :source ORDER BY received_at DESC FETCH FIRST :limit ROWS ONLY""",
                new MapSqlParameterSource("source", source).addValue("limit", limit),
                (rs, n) -> new Upload(
                        rs.getString("id"),
                        rs.getString("file_name"),
                        rs.getString("status"),
                        rs.getInt("total_rows"),
                        rs.getInt("error_rows"),
                        rs.getTimestamp("received_at").toInstant()));
    }

    /** The rejected rows of one of the sender's uploads; empty when the sender has no upload of that id. */
    public Optional<List<RowError>> errors(String id, String source) {
        Integer found = jdbc.queryForObject(
                "SELECT COUNT(*) FROM divoc_upload WHERE id = :id AND source = :source",
                new MapSqlParameterSource("id", id).addValue("source", source),
                Integer.class);
        if (found == null || found == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.query(
                "SELECT row_no, error FROM divoc_upload_error WHERE upload_id = :id ORDER BY row_no",
                new MapSqlParameterSource("id", id),
                (rs, n) -> new RowError(rs.getInt("row_no"), rs.getString("error"))));
    }
}
