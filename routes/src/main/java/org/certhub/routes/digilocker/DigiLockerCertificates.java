package org.certhub.routes.digilocker;

import java.util.List;
import java.util.Optional;
import org.certhub.connectors.distribution.digilocker.DigiLockerDocument;
import org.certhub.connectors.distribution.digilocker.DigiLockerDocumentLookup;
import org.certhub.model.CertificateStatus;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.distribute.RecipientLanguages;
import org.certhub.routes.store.CertificateStore;
import org.certhub.routes.store.IssuedCertificate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds certificates for DigiLocker's pull requests. A {@code tracking_id} is either the certificate id, or the
 * record id the sending system gave the vaccination (DIVOC's {@code preEnrollmentCode}, a FHIR Immunization
 * identifier): the current certificate of that event, when exactly one sending system used that record id.
 * Only certificates still issued are found; revoked and superseded versions are not. The document is in the
 * recipient's language.
 */
@Component
@ConditionalOnProperty(name = "certhub.channels.digilocker.pull.enabled", havingValue = "true")
public class DigiLockerCertificates implements DigiLockerDocumentLookup {

    private final CertificateStore certificates;
    private final NamedParameterJdbcTemplate jdbc;
    private final String primaryFormat;
    private final RecipientLanguages languages;

    public DigiLockerCertificates(
            CertificateStore certificates,
            NamedParameterJdbcTemplate jdbc,
            CerthubProperties properties,
            RecipientLanguages languages) {
        this.certificates = certificates;
        this.jdbc = jdbc;
        this.primaryFormat = properties.primaryFormat();
        this.languages = languages;
    }

    @Override
    public Optional<DigiLockerDocument> byTrackingId(String trackingId) {
        return byCertificateId(trackingId).or(() -> bySourceRecordId(trackingId));
    }

    @Override
    public Optional<DigiLockerDocument> byCertificateId(String certificateId) {
        return certificates.find(certificateId).flatMap(this::current);
    }

    private Optional<DigiLockerDocument> bySourceRecordId(String recordId) {
        List<String> events = jdbc.queryForList(
                "SELECT id FROM vaccination_event WHERE idempotency_key = source_system || '|' || :record",
                new MapSqlParameterSource("record", recordId),
                String.class);
        if (events.size() != 1) {
            return Optional.empty();
        }
        return certificates.latestForEvent(events.get(0)).flatMap(this::current);
    }

    private Optional<DigiLockerDocument> current(IssuedCertificate issued) {
        if (issued.status() != CertificateStatus.ISSUED) {
            return Optional.empty();
        }
        return issued.credential(primaryFormat)
                .map(credential ->
                        new DigiLockerDocument(issued.certificate(), credential, languages.of(issued.certificate())));
    }
}
