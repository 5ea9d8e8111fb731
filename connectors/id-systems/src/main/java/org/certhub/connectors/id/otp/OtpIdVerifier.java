package org.certhub.connectors.id.otp;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.certhub.connectors.id.spi.IdVerification;
import org.certhub.connectors.id.spi.IdVerification.ChallengeFailure;
import org.certhub.connectors.id.spi.IdVerification.Field;
import org.certhub.connectors.id.spi.IdVerificationRequest;
import org.certhub.connectors.id.spi.IdVerifier;
import org.certhub.model.ContactPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The citizen confirms a one-time code sent to the phone number or email address on the record
 * ({@code certhub.connectors.id.provider=otp}), for programmes keyed on a mobile number. {@link #verify} sends
 * the code and answers {@link IdVerification.Outcome#CHALLENGE_SENT}; the hub holds the event until the citizen's
 * code arrives through {@link #confirm}.
 */
public final class OtpIdVerifier implements IdVerifier {

    public static final String NAME = "otp";

    private static final Logger LOG = LoggerFactory.getLogger(OtpIdVerifier.class);

    private final OtpService otp;
    private final ContactPoint.Channel channel;

    /** @param channel where codes go: {@code PHONE} (SMS) or {@code EMAIL} */
    public OtpIdVerifier(OtpService otp, ContactPoint.Channel channel) {
        this.otp = Objects.requireNonNull(otp, "otp");
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public IdVerification verify(IdVerificationRequest request) {
        Objects.requireNonNull(request, "request");
        Optional<String> address = request.recipient().contact(channel).filter(value -> !value.isBlank());
        if (address.isEmpty()) {
            LOG.info("event {}: no {} contact to send a code to", request.eventId(), channel);
            return IdVerification.mismatch(NAME, Set.of(Field.CONTACT), null);
        }
        OtpChallenge challenge = otp.issue(request.eventId(), channel, address.get());
        if (!otp.isOpen(challenge)) {
            return IdVerification.challengeFailed(NAME, challenge.id(), ChallengeFailure.TOO_MANY_ATTEMPTS);
        }
        LOG.info("event {}: code sent, challenge {}", request.eventId(), challenge.id());
        return IdVerification.challengeSent(NAME, challenge.id());
    }

    @Override
    public IdVerification confirm(String challengeId, String response) {
        Objects.requireNonNull(challengeId, "challengeId");
        OtpResult result = otp.verify(challengeId, response);
        LOG.info("challenge {}: {}", challengeId, result);
        return result == OtpResult.VERIFIED
                ? IdVerification.verified(NAME, null, challengeId)
                : IdVerification.challengeFailed(NAME, challengeId, result.failure());
    }

    /** Sends another code for an open challenge, when the citizen asks (throttled by the settings). */
    public ResendResult resend(String challengeId) {
        return otp.resend(challengeId);
    }
}
