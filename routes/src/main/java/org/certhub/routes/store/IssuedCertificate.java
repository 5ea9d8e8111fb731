package org.certhub.routes.store;

import java.util.Map;
import java.util.Optional;
import org.certhub.model.Certificate;
import org.certhub.model.CertificateStatus;
import org.certhub.signer.SignedCredential;

/** A stored certificate version with its standing and its credentials by format id. */
public record IssuedCertificate(Certificate certificate, CertificateStatus status, Map<String, SignedCredential> credentials) {

    public IssuedCertificate {
        credentials = Map.copyOf(credentials);
    }

    public String id() {
        return certificate.id();
    }

    public Optional<SignedCredential> credential(String format) {
        return Optional.ofNullable(credentials.get(format));
    }
}
