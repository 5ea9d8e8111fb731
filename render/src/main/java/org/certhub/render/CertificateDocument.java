package org.certhub.render;

import java.util.Locale;
import org.certhub.model.Certificate;
import org.certhub.signer.SignedCredential;

/** Renders a certificate as the document a citizen keeps: a one-page PDF with the details and the QR code. */
public interface CertificateDocument {

    /** A PDF of the certificate whose QR code carries {@code credential.qrText()}. */
    byte[] pdf(Certificate certificate, SignedCredential credential, Locale locale);
}
