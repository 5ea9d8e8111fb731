package org.certhub.connectors.id.otp;

import java.time.Instant;
import java.util.Objects;
import org.certhub.model.ContactPoint;

/** A code to send to the citizen. {@link #toString()} shows neither the address nor the code. */
public record OtpMessage(
        String challengeId, ContactPoint.Channel channel, String address, String code, Instant expiresAt) {

    public OtpMessage {
        Objects.requireNonNull(challengeId, "challengeId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "OtpMessage[challengeId=" + challengeId + ", channel=" + channel + ", expiresAt=" + expiresAt + "]";
    }
}
