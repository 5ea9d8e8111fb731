package org.certhub.routes.divoc;

import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Finds the doses a DIVOC client sent under one {@code preEnrollmentCode}. The DIVOC mapping keys each dose as
 * {@code <source>|<preEnrollmentCode>|<programme>|<dose>}; the programme is not part of a revocation request.
 */
@Repository
public class DivocRecords {

    /** One stored dose: its number and the certificate currently issued for it (null until certified). */
    public record Dose(int dose, String eventId, String certificateId) {}

    private final NamedParameterJdbcTemplate jdbc;

    public DivocRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every stored dose of a pre-enrolment code sent by {@code sourceSystem}, in any programme. */
    public List<Dose> doses(String sourceSystem, String preEnrollmentCode) {
        String prefix = sourceSystem + "|" + preEnrollmentCode + "|";
        return jdbc
                .query(
                        """
                        SELECT id, idempotency_key, certificate_id FROM vaccination_event
                         WHERE source_system = :source AND idempotency_key LIKE :pattern ESCAPE '\\'""",
                        new MapSqlParameterSource("source", sourceSystem).addValue("pattern", escapeLike(prefix) + "%"),
                        (rs, row) -> dose(
                                prefix,
                                rs.getString("idempotency_key"),
                                rs.getString("id"),
                                rs.getString("certificate_id")))
                .stream()
                .filter(d -> d != null)
                .toList();
    }

    /** Whether another sending system than {@code sourceSystem} sent doses under this pre-enrolment code. */
    public boolean sentByAnother(String sourceSystem, String preEnrollmentCode) {
        String code = "|" + preEnrollmentCode + "|";
        return jdbc.query(
                        """
                        SELECT source_system, idempotency_key FROM vaccination_event
                         WHERE source_system <> :source AND idempotency_key LIKE :pattern ESCAPE '\\'""",
                        new MapSqlParameterSource("source", sourceSystem)
                                .addValue("pattern", "%" + escapeLike(code) + "%"),
                        (rs, row) -> rs.getString("idempotency_key").startsWith(rs.getString("source_system") + code))
                .contains(true);
    }

    /** The {@code <programme>|<dose>} rest of a key, or null when the key is another code's that shares the prefix. */
    private static Dose dose(String prefix, String key, String eventId, String certificateId) {
        String rest = key.substring(prefix.length());
        int bar = rest.indexOf('|');
        if (bar < 0 || rest.indexOf('|', bar + 1) >= 0) {
            return null;
        }
        try {
            return new Dose(Integer.parseInt(rest.substring(bar + 1)), eventId, certificateId);
        } catch (NumberFormatException notADose) {
            return null;
        }
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
