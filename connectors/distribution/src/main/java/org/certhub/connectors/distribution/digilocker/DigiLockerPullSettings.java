package org.certhub.connectors.distribution.digilocker;

import java.util.Objects;
import org.certhub.connectors.http.Secret;

/**
 * Settings of the DigiLocker pull endpoints ({@code certhub.channels.digilocker.pull.*}).
 *
 * @param issuer            issuer id and document type (the URIs handed out)
 * @param hmacKey           the API key configured in DigiLocker's partner portal: the HMAC key of
 *                          {@code x-digilocker-hmac}
 * @param mobileMatchDigits how many trailing digits of the mobile number must match (default 10, so that
 *                          {@code +91 98765 43210} and {@code 9876543210} are the same number)
 */
public record DigiLockerPullSettings(DigiLockerIssuer issuer, Secret hmacKey, int mobileMatchDigits) {

    public DigiLockerPullSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(hmacKey, "hmacKey");
        mobileMatchDigits = mobileMatchDigits == 0 ? 10 : mobileMatchDigits;
        if (mobileMatchDigits < 6 || mobileMatchDigits > 15) {
            throw new IllegalArgumentException("mobileMatchDigits must be between 6 and 15");
        }
    }
}
