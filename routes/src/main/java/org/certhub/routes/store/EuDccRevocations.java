package org.certhub.routes.store;

import java.util.List;
import org.certhub.signer.hcert.EuDccFormat;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The hub's withdrawn EU DCCs as the EU's revocation lists name them: by UCI hash (the first 128 bits of the
 * SHA-256 of the UVCI, base64), so that a verifier offline can tell a revoked or superseded certificate without
 * learning anything of it.
 */
@Repository
public class EuDccRevocations {

    private final NamedParameterJdbcTemplate jdbc;

    public EuDccRevocations(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The UCI hashes of the withdrawn EU DCCs, oldest withdrawal first. */
    public List<String> revokedHashes() {
        return jdbc.queryForList("""
                SELECT cr.revocation_id FROM credential cr JOIN certificate c ON c.id = cr.certificate_id
                 WHERE cr.format = :format AND cr.revocation_id IS NOT NULL AND c.status <> 'ISSUED'
                 ORDER BY c.status_at, cr.revocation_id""", new MapSqlParameterSource("format", EuDccFormat.ID), String.class);
    }
}
