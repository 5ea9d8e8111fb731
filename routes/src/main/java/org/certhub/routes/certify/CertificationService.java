package org.certhub.routes.certify;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Body;
import org.certhub.model.Certificate;
import org.certhub.routes.store.CertificateStore;
import org.certhub.routes.store.EventStore;
import org.certhub.routes.store.IssuedCertificate;
import org.certhub.routes.store.StoredEvent;
import org.certhub.signer.SignedCredential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Turns a stored event into a stored, signed certificate. Safe to run again for the same event: a redelivered
 * message finds the certificate of the event's current revision and issues nothing new.
 */
@Service
public class CertificationService {

    private static final Logger LOG = LoggerFactory.getLogger(CertificationService.class);

    private final EventStore events;
    private final CertificateStore certificates;
    private final CredentialIssuer issuer;
    private final Clock clock;

    public CertificationService(EventStore events, CertificateStore certificates, CredentialIssuer issuer, Clock clock) {
        this.events = events;
        this.certificates = certificates;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** Certifies the event's current revision and answers the certificate id to announce. */
    public String certify(@Body String eventId) {
        StoredEvent event = events.find(eventId)
                .orElseThrow(() -> new IllegalStateException("no stored event " + eventId));
        Optional<IssuedCertificate> done = certificates.findForEventRevision(eventId, event.revision());
        if (done.isPresent()) {
            events.markCertified(eventId, done.get().id());
            return done.get().id();
        }
        Optional<IssuedCertificate> previous = certificates.latestForEvent(eventId);
        Certificate certificate = new Certificate(
                UUID.randomUUID().toString(),
                previous.map(p -> p.certificate().version() + 1).orElse(1),
                previous.map(IssuedCertificate::id).orElse(null),
                eventId,
                event.event(),
                clock.instant());
        List<SignedCredential> credentials = issuer.sign(certificate);
        try {
            certificates.insert(certificate, event.revision(), credentials);
        } catch (DuplicateKeyException concurrentlyCertified) {
            String winner = certificates.findForEventRevision(eventId, event.revision()).orElseThrow().id();
            events.markCertified(eventId, winner);
            return winner;
        }
        events.markCertified(eventId, certificate.id());
        LOG.info("certified event {} as certificate {} (version {})", eventId, certificate.id(), certificate.version());
        return certificate.id();
    }
}
