package org.certhub.routes.signing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.certhub.fhirmapping.Problem;
import org.certhub.fhirmapping.Submission;
import org.certhub.model.Certificate;
import org.certhub.model.VaccinationEvent;
import org.springframework.stereotype.Component;

/**
 * At intake, before anything is stored: a record for which no certificate could be issued, because no configured
 * format can carry it or a format its programme requires cannot ({@link FormatPlan}), is rejected with a
 * {@code 422} that names what the record lacks, instead of being acknowledged and failing later.
 */
@Component
public class IssuableRecords {

    private final CredentialIssuer issuer;
    private final Clock clock;

    public IssuableRecords(CredentialIssuer issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    /** The submission with every accepted record that cannot be certified turned into a rejected entry. */
    public Submission screen(Submission submission) {
        return new Submission(
                submission.kind(),
                submission.entries().stream().map(this::screen).toList());
    }

    /** An accepted record that cannot be certified becomes a rejected entry ({@code 422}); any other entry stays. */
    public Submission.Entry screen(Submission.Entry entry) {
        if (entry instanceof Submission.Accepted accepted) {
            Optional<String> refusal = refusal(accepted.event());
            if (refusal.isPresent()) {
                return new Submission.Rejected(
                        accepted.entryRef(),
                        422,
                        List.of(Problem.error("business-rule", refusal.get(), accepted.entryRef())));
            }
        }
        return entry;
    }

    /** Why no certificate could be issued for the record, or empty when one can (checked on a provisional certificate). */
    Optional<String> refusal(VaccinationEvent event) {
        Certificate provisional = new Certificate(UUID.randomUUID().toString(), 1, null, null, event, clock.instant());
        return issuer.plan(provisional).refusal();
    }
}
