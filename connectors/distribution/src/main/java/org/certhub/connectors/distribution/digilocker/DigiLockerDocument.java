package org.certhub.connectors.distribution.digilocker;

import java.util.Locale;
import java.util.Objects;
import org.certhub.model.Certificate;
import org.certhub.signer.SignedCredential;

/**
 * An issued certificate as DigiLocker gets it: the certificate (its recipient's phone numbers are what a
 * pull request's mobile number must match), the signed JSON credential carried in {@code DataContent}, and the
 * language of the PDF carried in {@code DocContent}.
 */
public record DigiLockerDocument(Certificate certificate, SignedCredential credential, Locale locale) {

    public DigiLockerDocument {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(credential, "credential");
        locale = locale == null ? Locale.ENGLISH : locale;
    }
}
