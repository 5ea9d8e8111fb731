package org.certhub.routes.security;

import java.util.List;
import java.util.Optional;
import org.certhub.fhirmapping.Problem;
import org.certhub.fhirmapping.Submission;
import org.certhub.model.VaccinationEvent;
import org.springframework.stereotype.Component;

/**
 * A sender certifies only in its programmes and facilities: a dose outside them becomes a {@code 403} rejected
 * entry. Sources that are not registered senders (a Kafka topic, a polled FHIR server) are configured by the
 * operator and not limited here.
 */
@Component
public class SenderPolicy {

    private final Senders senders;

    public SenderPolicy(Senders senders) {
        this.senders = senders;
    }

    public Submission apply(Submission submission) {
        return new Submission(
                submission.kind(),
                submission.entries().stream().map(this::apply).toList());
    }

    public Submission.Entry apply(Submission.Entry entry) {
        if (entry instanceof Submission.Accepted accepted) {
            Optional<String> refusal = refusal(accepted.event());
            if (refusal.isPresent()) {
                return new Submission.Rejected(
                        accepted.entryRef(),
                        403,
                        List.of(Problem.error("forbidden", refusal.get(), accepted.entryRef())));
            }
        }
        return entry;
    }

    private Optional<String> refusal(VaccinationEvent event) {
        return senders.find(event.sourceSystem()).flatMap(sender -> {
            if (!sender.allowsProgramme(event.programmeId())) {
                return Optional.of("this sender may not certify in programme " + event.programmeId());
            }
            String facility = event.facility() == null ? null : event.facility().id();
            if (!sender.facilities().isEmpty() && (facility == null || !sender.allowsFacility(facility))) {
                return Optional.of("this sender may not certify for this facility");
            }
            return Optional.empty();
        });
    }
}
