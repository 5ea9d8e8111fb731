package org.certhub.routes.certify;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Body;
import org.certhub.connectors.id.spi.IdSystemUnavailableException;
import org.certhub.connectors.id.spi.IdVerification;
import org.certhub.connectors.id.spi.IdVerificationRequest;
import org.certhub.connectors.id.spi.IdVerifier;
import org.certhub.connectors.payment.spi.FundingDecision;
import org.certhub.connectors.payment.spi.PaymentGateway;
import org.certhub.connectors.payment.spi.PaymentRequest;
import org.certhub.connectors.payment.spi.PaymentUnavailableException;
import org.certhub.model.Certificate;
import org.certhub.model.EventState;
import org.certhub.model.Facility;
import org.certhub.model.VaccinationEvent;
import org.certhub.routes.config.ProgrammeProperties;
import org.certhub.routes.metrics.HubMetrics;
import org.certhub.routes.signing.CredentialIssuer;
import org.certhub.routes.signing.FormatPlan;
import org.certhub.routes.store.CertificateStore;
import org.certhub.routes.store.CitizenContacts;
import org.certhub.routes.store.EventStore;
import org.certhub.routes.store.GroupCommit;
import org.certhub.routes.store.IssuedCertificate;
import org.certhub.routes.store.SkippedFormat;
import org.certhub.routes.store.StoredEvent;
import org.certhub.signer.SignedCredential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The steps of {@link CertifyEventRoute}, each taking and answering a {@link Certification}. Only {@link #store}
 * opens a database transaction, a short one; the outside calls run before it, through {@link OutsideCalls}. A step
 * that holds or fails the event writes that one state change itself and stops the flow. Safe to run again for the
 * same event: a redelivered message finds the certificate of the event's current revision and issues nothing new.
 */
@Component
public class CertifySteps {

    private static final Logger LOG = LoggerFactory.getLogger(CertifySteps.class);

    private final EventStore events;
    private final CertificateStore certificates;
    private final EventReviews reviews;
    private final IdVerifier idVerifier;
    private final PaymentGateway payments;
    private final CredentialIssuer issuer;
    private final OutsideCalls calls;
    private final CertifyProperties properties;
    private final ProgrammeProperties programmes;
    private final GroupCommit commits;
    private final CitizenContacts contacts;
    private final Clock clock;
    private final HubMetrics metrics;

    public CertifySteps(
            EventStore events,
            CertificateStore certificates,
            EventReviews reviews,
            IdVerifier idVerifier,
            PaymentGateway payments,
            CredentialIssuer issuer,
            OutsideCalls calls,
            CertifyProperties properties,
            ProgrammeProperties programmes,
            GroupCommit commits,
            CitizenContacts contacts,
            Clock clock,
            HubMetrics metrics) {
        this.metrics = metrics;
        this.events = events;
        this.certificates = certificates;
        this.reviews = reviews;
        this.idVerifier = idVerifier;
        this.payments = payments;
        this.issuer = issuer;
        this.calls = calls;
        this.properties = properties;
        this.programmes = programmes;
        this.commits = commits;
        this.contacts = contacts;
        this.clock = clock;
    }

    /**
     * {@code find-event}: the stored event at its current revision. One already certified at that revision is
     * announced again (the message may be a redelivery after a crash); a held one waits for its review.
     */
    public Certification find(@Body String eventId) {
        StoredEvent event =
                events.find(eventId).orElseThrow(() -> new IllegalStateException("no stored event " + eventId));
        Certification work = Certification.open(event);
        Optional<IssuedCertificate> done = certificates.findForEventRevision(eventId, event.revision());
        if (done.isPresent()) {
            events.markCertified(
                    eventId, done.get().id(), SkippedFormat.note(done.get().skipped()));
            return work.issued(done.get().id());
        }
        return event.state() == EventState.HELD ? work.stop() : work;
    }

    /**
     * {@code verify-identity}: the recipient's identity, unless a review or a one-time code settled it for this
     * revision. A mismatch or an open challenge holds the event; an ID system outage is retried.
     */
    public Certification verifyIdentity(@Body Certification work) {
        if (!work.isOpen() || reviews.isSettled(work.eventId(), work.event().revision())) {
            return work;
        }
        VaccinationEvent event = work.event().event();
        IdVerification identity = calls.call(
                OutsideCalls.IDENTITY,
                properties.identityTimeout(),
                () -> idVerifier.verify(
                        new IdVerificationRequest(work.eventId(), event.programmeId(), event.recipient())),
                IdSystemUnavailableException::new);
        Optional<String> hold = AdmissionRules.identityHold(identity);
        if (hold.isPresent()) {
            return hold(work, hold.get());
        }
        return work.withIdCheck(new Certification.IdCheck(identity.verifier(), identity.reference()));
    }

    /**
     * {@code check-funding}: who pays for the dose. A declined payment fails the event; a pending one holds it when
     * the programme blocks until paid; a payer outage is retried.
     */
    public Certification checkFunding(@Body Certification work) {
        if (!work.isOpen()) {
            return work;
        }
        VaccinationEvent event = work.event().event();
        Facility facility = event.facility();
        PaymentRequest request = new PaymentRequest(
                work.eventId(),
                event.programmeId(),
                facility == null ? null : facility.id(),
                programmes.fundingSource(event.programmeId()),
                null);
        FundingDecision funding = calls.call(
                OutsideCalls.FUNDING,
                properties.fundingTimeout(),
                () -> payments.check(request),
                PaymentUnavailableException::new);
        return switch (AdmissionRules.funding(funding, programmes.blocksUntilPaid(event.programmeId()))) {
            case ISSUE -> work;
            case HOLD -> hold(work, EventReviews.PAYMENT_PENDING);
            case FAIL -> fail(work, "payment declined by " + funding.gateway());
        };
    }

    /**
     * {@code sign}: the certificate (a new version when the event was certified before) in every configured format
     * its record allows; the others are skipped with their reason. When no format can carry the record, or a
     * required one cannot, the event fails and nothing is signed.
     */
    public Certification sign(@Body Certification work) {
        if (!work.isOpen()) {
            return work;
        }
        Optional<IssuedCertificate> previous = certificates.latestForEvent(work.eventId());
        Certificate certificate = new Certificate(
                UUID.randomUUID().toString(),
                previous.map(p -> p.certificate().version() + 1).orElse(1),
                previous.map(IssuedCertificate::id).orElse(null),
                work.eventId(),
                work.event().event(),
                clock.instant());
        FormatPlan plan = issuer.plan(certificate);
        Optional<String> refusal = plan.refusal();
        if (refusal.isPresent()) {
            return fail(work, refusal.get());
        }
        List<SignedCredential> credentials = issuer.sign(certificate, plan);
        return work.signed(certificate, plan, credentials);
    }

    /**
     * {@code store}: the identity check, the certificate with its credentials and skipped formats, and the event's
     * state, in one short transaction, whose commit it shares with the other consumers storing at the same moment
     * ({@link GroupCommit}). When another consumer stored a certificate for the same revision first, that
     * one is announced instead.
     */
    public Certification store(@Body Certification work) {
        if (!work.isSigned()) {
            return work;
        }
        try {
            commits.run(() -> persist(work));
        } catch (DuplicateKeyException concurrentlyCertified) {
            IssuedCertificate winner = certificates
                    .findForEventRevision(work.eventId(), work.event().revision())
                    .orElseThrow();
            events.markCertified(work.eventId(), winner.id(), SkippedFormat.note(winner.skipped()));
            return work.issued(winner.id());
        }
        return issued(work);
    }

    private void persist(Certification work) {
        if (work.idCheck() != null) {
            reviews.recordIdCheck(
                    work.eventId(), work.idCheck().verifier(), work.idCheck().reference());
        }
        List<SkippedFormat> skipped = work.plan().skipped();
        certificates.insert(work.certificate(), work.event().revision(), work.credentials(), skipped);
        contacts.record(work.eventId(), work.event().event().recipient());
        events.markCertified(work.eventId(), work.certificate().id(), SkippedFormat.note(skipped));
    }

    private Certification issued(Certification work) {
        Certificate certificate = work.certificate();
        List<SkippedFormat> skipped = work.plan().skipped();
        work.credentials().forEach(credential -> metrics.certificateIssued(credential.format()));
        LOG.info(
                "certified event {} as certificate {} (version {}){}",
                work.eventId(),
                certificate.id(),
                certificate.version(),
                skipped.isEmpty() ? "" : ", " + SkippedFormat.note(skipped));
        return work.issued(certificate.id());
    }

    private Certification hold(Certification work, String reason) {
        events.markHeld(work.eventId(), reason);
        LOG.info("event {} held: {}", work.eventId(), reason);
        return work.stop();
    }

    private Certification fail(Certification work, String reason) {
        events.markFailed(work.eventId(), reason);
        LOG.info("event {} failed: {}", work.eventId(), reason);
        return work.stop();
    }
}
