package org.certhub.routes.store;

import java.util.List;
import org.certhub.signer.shc.ShcRevocations;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The card revocation list of each SMART Health Card key, read from the certificates: a card is listed once its
 * certificate is revoked or superseded by a correction. The counter {@code ctr} (and the JWK's {@code crlVersion})
 * is 1 plus the number of listed cards, so it grows with every change, as the specification asks.
 */
@Repository
public class ShcRevocationLists implements ShcRevocations {

    private static final String WITHDRAWN = """
              FROM credential cr JOIN certificate c ON c.id = cr.certificate_id
             WHERE cr.key_id = :kid AND cr.revocation_id IS NOT NULL AND c.status <> 'ISSUED'""";

    private final NamedParameterJdbcTemplate jdbc;

    public ShcRevocationLists(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The revocation ids of the key's withdrawn cards, oldest withdrawal first. */
    public List<String> revokedIds(String kid) {
        return jdbc.queryForList(
                "SELECT cr.revocation_id " + WITHDRAWN + " ORDER BY c.status_at, cr.revocation_id",
                new MapSqlParameterSource("kid", kid),
                String.class);
    }

    /** The list's update counter: 1 for an empty list. */
    public long counter(String kid) {
        Long withdrawn =
                jdbc.queryForObject("SELECT COUNT(*) " + WITHDRAWN, new MapSqlParameterSource("kid", kid), Long.class);
        return 1 + (withdrawn == null ? 0 : withdrawn);
    }

    @Override
    public boolean isRevoked(String kid, String rid) {
        Long listed = jdbc.queryForObject(
                "SELECT COUNT(*) " + WITHDRAWN + " AND cr.revocation_id = :rid",
                new MapSqlParameterSource("kid", kid).addValue("rid", rid),
                Long.class);
        return listed != null && listed > 0;
    }
}
