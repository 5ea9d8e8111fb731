package org.certhub.routes.security;

import java.util.List;
import java.util.Optional;
import org.certhub.fhirmapping.FhirInputException;
import org.certhub.fhirmapping.Problem;

/**
 * An admin correcting a sender's record ({@code POST /fhir/r4}, {@code PUT /divoc/api/v1/certificate}): it names
 * the sender by {@code ?sender=<id>}, which the security chain makes the request's source, and may change only
 * records that sender sent (the routes refuse new ones).
 */
public final class AdminCorrection {

    private AdminCorrection() {}

    /** The admin, when the caller is one; {@code 400} when it names no sender. Empty for every other caller. */
    public static Optional<Caller> of(String callerHeader, String source) {
        Optional<Caller> admin = Caller.decode(callerHeader).filter(c -> c.is(Role.ADMIN));
        if (admin.isPresent() && source == null) {
            throw new FhirInputException(
                    400,
                    List.of(Problem.error(
                            "required",
                            "an admin corrects a sender's records: name the sender (?"
                                    + TrustedHeaders.ADMIN_SENDER_PARAMETER + "=<sender id>)",
                            TrustedHeaders.ADMIN_SENDER_PARAMETER)));
        }
        return admin;
    }
}
