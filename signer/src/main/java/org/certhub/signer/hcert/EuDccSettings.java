package org.certhub.signer.hcert;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How this hub issues EU DCCs.
 *
 * @param issuerCountry ISO 3166-1 alpha-2 code of the issuing country: the CWT {@code iss}, the UVCI country and
 *                      the country of vaccination when the record has none (e.g. {@code IN}; {@code XX} for tests)
 * @param issuerName    the certificate issuer, the DCC's {@code is} (at most 80 characters)
 * @param validity      how long a certificate stays valid after issue (the CWT {@code exp}), capped at the
 *                      document signer certificate's own expiry
 * @param uvciPrefix    the issuing entity's part of the UVCI, 1 to 20 upper-case letters or digits
 * @param algorithm     the COSE algorithm; must fit the active key (ES256 for P-256, PS256 for RSA)
 */
public record EuDccSettings(
        String issuerCountry, String issuerName, Duration validity, String uvciPrefix, CoseAlgorithm algorithm) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public EuDccSettings {
        Objects.requireNonNull(issuerCountry, "issuerCountry");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(uvciPrefix, "uvciPrefix");
        algorithm = algorithm == null ? CoseAlgorithm.ES256 : algorithm;
        if (!COUNTRY.matcher(issuerCountry).matches()) {
            throw new IllegalArgumentException("issuerCountry must be an ISO 3166-1 alpha-2 code");
        }
        if (issuerName.isBlank() || issuerName.length() > 80) {
            throw new IllegalArgumentException("issuerName must be 1 to 80 characters");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        Uvci.of(issuerCountry, uvciPrefix, "validation"); // rejects a malformed prefix now, not at first signing
    }

    /** ES256 and a validity of 365 days. */
    public static EuDccSettings of(String issuerCountry, String issuerName, String uvciPrefix) {
        return new EuDccSettings(issuerCountry, issuerName, Duration.ofDays(365), uvciPrefix, CoseAlgorithm.ES256);
    }
}
