package org.certhub.routes.certify;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Body;
import org.certhub.connectors.id.spi.IdVerification;
import org.certhub.connectors.id.spi.IdVerificationRequest;
import org.certhub.connectors.id.spi.IdVerifier;
import org.certhub.connectors.payment.spi.FundingDecision;
import org.certhub.connectors.payment.spi.PaymentGateway;
import org.certhub.connectors.payment.spi.PaymentRequest;
import org.certhub.model.Certificate;
import org.certhub.model.EventState;
import org.certhub.model.Facility;
import org.certhub.model.VaccinationEvent;
import org.certhub.routes.security.CitizenContacts;
import org.certhub.routes.store.CertificateStore;
import org.certhub.routes.store.EventStore;
import org.certhub.routes.store.IssuedCertificate;
import org.certhub.routes.store.StoredEvent;
import org.certhub.routes.wiring.ProgrammeProperties;
import org.certhub.signer.SignedCredential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a stored event into a stored, signed certificate. Safe to run again for the same event: a redelivered
 * message finds the certificate of the event's current revision and issues nothing new.
 * <p>
 * Before signing, the recipient's identity is checked ({@link IdVerifier}, unless a review or a one-time code
 * settled it for this revision) and the dose's funding decided ({@link PaymentGateway}). A mismatch, an open challenge or a payment
 * the programme waits for holds the event (state {@code held}, a reason without personal data) and nothing is
 * announced; a declined payment fails it. Outages of either system propagate, so the stage retries and then
 * dead-letters the event. All of it is one database transaction: a failure leaves nothing half-written.
 */
@Service
public class CertificationService {

    private static final Logger LOG = LoggerFactory.getLogger(CertificationService.class);

    private final EventStore events;
    private final CertificateStore certificates;
    private final CredentialIssuer issuer;
    private final Clock clock;
    private final IdVerifier idVerifier;
    private final PaymentGateway payments;
    private final EventReviews reviews;
    private final ProgrammeProperties programmes;
    private final TransactionTemplate transactions;
    private final CitizenContacts contacts;

    public CertificationService(EventStore events, CertificateStore certificates, CredentialIssuer issuer, Clock clock,
                                IdVerifier idVerifier, PaymentGateway payments, EventReviews reviews,
                                ProgrammeProperties programmes, TransactionTemplate transactions, CitizenContacts contacts) {
        this.transactions = transactions;
        this.contacts = contacts;
        this.idVerifier = idVerifier;
        this.payments = payments;
        this.reviews = reviews;
        this.programmes = programmes;
        this.events = events;
        this.certificates = certificates;
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * Certifies the event's current revision and answers the certificate id to announce, or null when the event
     * is held or refused and nothing may be announced.
     */
    public String certify(@Body String eventId) {
        try {
            // one commit for all that certifying writes (the identity and funding records, the certificate, the
            // event's state): each commit is a journal write, and an event's writes are all or nothing anyway
            return transactions.execute(tx -> certifyCurrentRevision(eventId));
        } catch (DuplicateKeyException concurrentlyCertified) {
            int revision = events.find(eventId).orElseThrow().revision();
            String winner = certificates.findForEventRevision(eventId, revision).orElseThrow().id();
            events.markCertified(eventId, winner);
            return winner;
        }
    }

    private String certifyCurrentRevision(String eventId) {
        StoredEvent event = events.find(eventId)
                .orElseThrow(() -> new IllegalStateException("no stored event " + eventId));
        Optional<IssuedCertificate> done = certificates.findForEventRevision(eventId, event.revision());
        if (done.isPresent()) {
            events.markCertified(eventId, done.get().id());
            return done.get().id();
        }
        if (event.state() == EventState.HELD || !admitted(event)) {
            return null;
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
        certificates.insert(certificate, event.revision(), credentials);
        contacts.record(eventId, event.event().recipient());
        events.markCertified(eventId, certificate.id());
        LOG.info("certified event {} as certificate {} (version {})", eventId, certificate.id(), certificate.version());
        return certificate.id();
    }

    /** Whether identity and funding allow issuing now; if not, the event is held or failed with the reason. */
    private boolean admitted(StoredEvent stored) {
        VaccinationEvent event = stored.event();
        if (!reviews.isSettled(stored.id(), stored.revision())) {
            IdVerification identity = idVerifier.verify(new IdVerificationRequest(stored.id(), event.programmeId(), event.recipient()));
            if (!identity.permitsCertification()) {
                String reason = switch (identity.outcome()) {
                    case MISMATCH -> "identity check: mismatch in " + identity.mismatches().stream().sorted()
                            .map(field -> field.name().toLowerCase(java.util.Locale.ROOT)).toList();
                    case CHALLENGE_SENT -> "identity check: one-time code sent, challenge " + identity.challengeId();
                    default -> "identity check: " + identity.outcome().name().toLowerCase(java.util.Locale.ROOT);
                };
                events.markHeld(stored.id(), reason);
                LOG.info("event {} held: {}", stored.id(), reason);
                return false;
            }
            reviews.recordIdCheck(stored.id(), identity.verifier(), identity.reference());
        }
        Facility facility = event.facility();
        FundingDecision funding = payments.check(new PaymentRequest(stored.id(), event.programmeId(),
                facility == null ? null : facility.id(), programmes.fundingSource(event.programmeId()), null));
        if (funding.outcome() == FundingDecision.Outcome.DECLINED) {
            events.markFailed(stored.id(), "payment declined by " + funding.gateway());
            LOG.info("event {} failed: payment declined", stored.id());
            return false;
        }
        if (!funding.permitsIssue(programmes.blocksUntilPaid(event.programmeId()))) {
            events.markHeld(stored.id(), EventReviews.PAYMENT_PENDING);
            LOG.info("event {} held: payment pending", stored.id());
            return false;
        }
        return true;
    }
}
