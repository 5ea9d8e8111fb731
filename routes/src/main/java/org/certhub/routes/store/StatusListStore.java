package org.certhub.routes.store;

import java.util.List;
import org.certhub.signer.w3c.BitstringStatusList;
import org.certhub.signer.w3c.StatusListIndexes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The certificates' indexes in the W3C Bitstring Status Lists, given in issuing order, and which bits of a list
 * are set: those of certificates revoked or superseded now, so a list read after a revocation or correction shows it.
 */
@Repository
public class StatusListStore implements StatusListIndexes {

    private final NamedParameterJdbcTemplate jdbc;
    private final GroupCommit commits;

    public StatusListStore(NamedParameterJdbcTemplate jdbc, GroupCommit commits) {
        this.jdbc = jdbc;
        this.commits = commits;
    }

    /**
     * The certificate's index: given once, the same again when the certificate is signed again (a retried step).
     * Given durably before the credential carrying it is signed, in a commit shared with the other signers and stores
     * of the moment.
     */
    @Override
    public long indexFor(String certificateId) {
        Long known = find(certificateId);
        if (known != null) {
            return known;
        }
        try {
            return commits.inTransaction(() -> {
                KeyHolder key = new GeneratedKeyHolder();
                jdbc.update(
                        "INSERT INTO w3c_status_entry (certificate_id) VALUES (:id)",
                        new MapSqlParameterSource("id", certificateId),
                        key,
                        new String[] {"status_index"});
                return key.getKey().longValue();
            });
        } catch (DuplicateKeyException e) { // another node signed the same certificate meanwhile
            return find(certificateId);
        }
    }

    /** Whether any index of list {@code list} has been given. */
    public boolean exists(long list) {
        return !jdbc.queryForList("""
                SELECT status_index FROM w3c_status_entry WHERE status_index >= :from AND status_index < :to
                 FETCH FIRST 1 ROWS ONLY""", range(list), Long.class).isEmpty();
    }

    /** Whether the certificate at status index {@code index} (over all lists) is revoked or superseded now. */
    public boolean isWithdrawn(long index) {
        return !jdbc.queryForList("""
                SELECT 1 FROM w3c_status_entry s JOIN certificate c ON c.id = s.certificate_id
                 WHERE s.status_index = :index AND c.status <> 'ISSUED'""", new MapSqlParameterSource("index", index), Integer.class)
                .isEmpty();
    }

    /** The positions within list {@code list} of the certificates that are revoked or superseded. */
    public List<Integer> withdrawnPositions(long list) {
        return jdbc.queryForList("""
                SELECT s.status_index FROM w3c_status_entry s JOIN certificate c ON c.id = s.certificate_id
                 WHERE s.status_index >= :from AND s.status_index < :to AND c.status <> 'ISSUED'""", range(list), Long.class).stream()
                .map(index -> (int) (index % BitstringStatusList.LIST_SIZE))
                .toList();
    }

    private Long find(String certificateId) {
        List<Long> found = jdbc.queryForList(
                "SELECT status_index FROM w3c_status_entry WHERE certificate_id = :id",
                new MapSqlParameterSource("id", certificateId),
                Long.class);
        return found.isEmpty() ? null : found.get(0);
    }

    private static MapSqlParameterSource range(long list) {
        return new MapSqlParameterSource("from", list * BitstringStatusList.LIST_SIZE)
                .addValue("to", (list + 1) * BitstringStatusList.LIST_SIZE);
    }
}
