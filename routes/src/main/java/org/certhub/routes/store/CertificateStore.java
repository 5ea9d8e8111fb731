package org.certhub.routes.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certhub.model.Certificate;
import org.certhub.model.CertificateStatus;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.SkipReason;
import org.certhub.signer.hcert.EuDccFormat;
import org.certhub.signer.hcert.HcertCodec;
import org.certhub.signer.hcert.Uvci;
import org.certhub.signer.shc.ShcFormat;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Certificate versions and their signed credentials. */
@Repository
public class CertificateStore {

    private static final int MAX_DETAIL = 250;

    private final NamedParameterJdbcTemplate jdbc;
    private final ModelJson json;

    public CertificateStore(NamedParameterJdbcTemplate jdbc, ModelJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores a newly signed certificate for one event revision, its credentials and the formats skipped, and
     * supersedes the version it corrects, in one transaction: either the new version is the one that verifies, or
     * nothing changed.
     */
    @Transactional
    public void insert(
            Certificate certificate,
            int eventRevision,
            List<SignedCredential> credentials,
            List<SkippedFormat> skipped) {
        Timestamp issuedAt = Timestamp.from(certificate.issuedAt());
        jdbc.update(
                """
                INSERT INTO certificate (id, event_id, event_revision, version, previous_id, status, issued_at, status_at, payload)
                VALUES (:id, :event, :revision, :version, :previous, 'ISSUED', :issued, :issued, :payload)""",
                new MapSqlParameterSource("id", certificate.id())
                        .addValue("event", certificate.eventId())
                        .addValue("revision", eventRevision)
                        .addValue("version", certificate.version())
                        .addValue("previous", certificate.previousCertificateId())
                        .addValue("issued", issuedAt)
                        .addValue("payload", json.write(certificate)));
        for (SignedCredential credential : credentials) {
            jdbc.update(
                    """
                    INSERT INTO credential (certificate_id, format, key_id, media_type, document, qr_text, revocation_id)
                    VALUES (:id, :format, :kid, :media, :document, :qr, :rid)""",
                    new MapSqlParameterSource("id", certificate.id())
                            .addValue("format", credential.format())
                            .addValue("kid", credential.keyId())
                            .addValue("media", credential.mediaType())
                            .addValue("document", credential.document())
                            .addValue("qr", credential.qrText())
                            .addValue("rid", revocationId(credential, certificate.id())));
        }
        for (SkippedFormat format : skipped) {
            jdbc.update(
                    """
                    INSERT INTO skipped_credential (certificate_id, format, reason, detail)
                    VALUES (:id, :format, :reason, :detail)""",
                    new MapSqlParameterSource("id", certificate.id())
                            .addValue("format", format.format())
                            .addValue("reason", format.reason().name())
                            .addValue("detail", clip(format.detail())));
        }
        if (certificate.previousCertificateId() != null) {
            changeStatus(certificate.previousCertificateId(), CertificateStatus.ISSUED, CertificateStatus.SUPERSEDED);
        }
    }

    public Optional<IssuedCertificate> find(String id) {
        return jdbc
                .query(
                        "SELECT payload, status FROM certificate WHERE id = :id",
                        new MapSqlParameterSource("id", id),
                        (rs, row) -> withCredentials(rs))
                .stream()
                .findFirst();
    }

    public Optional<IssuedCertificate> findForEventRevision(String eventId, int revision) {
        return jdbc
                .query(
                        "SELECT payload, status FROM certificate WHERE event_id = :event AND event_revision = :revision",
                        new MapSqlParameterSource("event", eventId).addValue("revision", revision),
                        (rs, row) -> withCredentials(rs))
                .stream()
                .findFirst();
    }

    /** The newest version issued for an event, whatever its standing. */
    public Optional<IssuedCertificate> latestForEvent(String eventId) {
        return jdbc.query("""
                SELECT payload, status FROM certificate WHERE event_id = :event
                 ORDER BY version DESC FETCH FIRST 1 ROWS ONLY""", new MapSqlParameterSource("event", eventId), (rs, row) -> withCredentials(rs)).stream()
                .findFirst();
    }

    /** Revokes an issued certificate; true if it was issued until now. */
    public boolean revoke(String id) {
        return changeStatus(id, CertificateStatus.ISSUED, CertificateStatus.REVOKED);
    }

    /** Whether a certificate id must fail verification: revoked, or superseded by a correction. */
    public boolean isWithdrawn(String id) {
        List<String> status = jdbc.queryForList(
                "SELECT status FROM certificate WHERE id = :id", new MapSqlParameterSource("id", id), String.class);
        if (status.isEmpty()) {
            // an EU DCC names its certificate by UVCI, found through the credential's UCI hash
            status = jdbc.queryForList(
                    """
                    SELECT c.status FROM credential cr JOIN certificate c ON c.id = cr.certificate_id
                     WHERE cr.revocation_id = :rid AND cr.format = :format""",
                    new MapSqlParameterSource("rid", Uvci.revocationHash(id)).addValue("format", EuDccFormat.ID),
                    String.class);
        }
        return !status.isEmpty() && !CertificateStatus.ISSUED.name().equals(status.get(0));
    }

    /**
     * What a revocation list names the credential by: a SMART Health Card's {@code rid}, an EU DCC's UCI hash (of the
     * UVCI it carries); the other formats are looked up by certificate id.
     */
    private static String revocationId(SignedCredential credential, String certificateId) {
        return switch (credential.format()) {
            case ShcFormat.ID -> ShcFormat.revocationId(credential.keyId(), certificateId);
            case EuDccFormat.ID -> {
                String uvci = HcertCodec.decode(credential.qrText()).payload().certificateIdentifier();
                yield uvci == null ? null : Uvci.revocationHash(uvci);
            }
            default -> null;
        };
    }

    private boolean changeStatus(String id, CertificateStatus from, CertificateStatus to) {
        return jdbc.update(
                        "UPDATE certificate SET status = :to, status_at = :now WHERE id = :id AND status = :from",
                        new MapSqlParameterSource("id", id)
                                .addValue("from", from.name())
                                .addValue("to", to.name())
                                .addValue("now", Timestamp.from(Instant.now())))
                == 1;
    }

    private IssuedCertificate withCredentials(ResultSet rs) throws SQLException {
        Certificate certificate = json.read(rs.getString("payload"), Certificate.class);
        Map<String, SignedCredential> credentials = new LinkedHashMap<>();
        jdbc.query(
                "SELECT * FROM credential WHERE certificate_id = :id",
                new MapSqlParameterSource("id", certificate.id()),
                row -> {
                    SignedCredential credential = new SignedCredential(
                            row.getString("format"),
                            row.getString("key_id"),
                            row.getString("document"),
                            row.getString("media_type"),
                            row.getString("qr_text"));
                    credentials.put(credential.format(), credential);
                });
        List<SkippedFormat> skipped = jdbc.query(
                "SELECT * FROM skipped_credential WHERE certificate_id = :id ORDER BY format",
                new MapSqlParameterSource("id", certificate.id()),
                (row, n) -> new SkippedFormat(
                        row.getString("format"), SkipReason.valueOf(row.getString("reason")), row.getString("detail")));
        return new IssuedCertificate(
                certificate, CertificateStatus.valueOf(rs.getString("status")), credentials, skipped);
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL);
    }
}
