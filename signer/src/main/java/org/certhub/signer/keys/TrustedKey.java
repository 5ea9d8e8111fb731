package org.certhub.signer.keys;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A public key trusted for verification.
 *
 * @param issuer      who holds it (this hub's issuer id, a SHC {@code iss} URL, a DSC's subject)
 * @param certificate the X.509 certificate it came in, when it came in one (EU DCC document signers)
 */
public record TrustedKey(String kid, PublicKey publicKey, String issuer, X509Certificate certificate) {

    public TrustedKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
