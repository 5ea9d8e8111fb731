package org.certhub.signer.keys;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * A key pair that signs (when active) or only verifies (when retired). The private key may be a handle
 * into an HSM, which is why the JCA {@code provider} that must use it travels with it.
 *
 * @param kid              the key id every signature carries
 * @param certificateChain the signer certificate first (EU DCC document signers), empty where unused
 * @param provider         the JCA provider to sign with, or null for the default
 */
public record SigningKey(
        String kid,
        KeyPurpose purpose,
        PrivateKey privateKey,
        PublicKey publicKey,
        List<X509Certificate> certificateChain,
        Provider provider,
        Instant createdAt,
        boolean active) {

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(publicKey, "publicKey");
        certificateChain = certificateChain == null ? List.of() : List.copyOf(certificateChain);
    }

    /** The organisation ({@code O}) of the certificates of the development keys the hub makes for itself. */
    public static final String DEVELOPMENT_ORGANISATION = "certhub development";

    /**
     * Whether this is a development key: one the hub generated for itself (its certificate's organisation is
     * {@value #DEVELOPMENT_ORGANISATION}), for trying certhub out, never for certificates citizens rely on.
     */
    public boolean development() {
        if (certificateChain.isEmpty()) {
            return false;
        }
        RDN[] organisations = X500Name.getInstance(
                        certificateChain.get(0).getSubjectX500Principal().getEncoded())
                .getRDNs(BCStyle.O);
        return organisations.length > 0
                && DEVELOPMENT_ORGANISATION.equals(
                        IETFUtils.valueToString(organisations[0].getFirst().getValue()));
    }

    @Override
    public String toString() { // never print key material
        return "SigningKey[kid=" + kid + ", purpose=" + purpose + ", active=" + active + "]";
    }
}
