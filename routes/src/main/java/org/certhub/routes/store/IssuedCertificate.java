package org.certhub.routes.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certhub.model.Certificate;
import org.certhub.model.CertificateStatus;
import org.certhub.signer.SignedCredential;

/**
 * A stored certificate version with its standing, its credentials by format id, and the configured formats it was
 * not issued in because its record could not be carried in them.
 */
public record IssuedCertificate(
        Certificate certificate,
        CertificateStatus status,
        Map<String, SignedCredential> credentials,
        List<SkippedFormat> skipped) {

    public IssuedCertificate {
        credentials = Map.copyOf(credentials);
        skipped = List.copyOf(skipped);
    }

    public String id() {
        return certificate.id();
    }

    public Optional<SignedCredential> credential(String format) {
        return Optional.ofNullable(credentials.get(format));
    }
}
