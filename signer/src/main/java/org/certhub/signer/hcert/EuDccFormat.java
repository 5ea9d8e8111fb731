package org.certhub.signer.hcert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.certhub.model.Certificate;
import org.certhub.signer.CredentialFormat;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.UnsupportedRecordException;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.keys.SigningKeyProvider;

/**
 * EU Digital COVID Certificates (HCERT 1.0.x): DCC JSON, CWT claims, COSE_Sign1 signed by the active
 * {@link KeyPurpose#EU_DCC} document signer, zlib, Base45, {@code HC1:}. The QR code of the text is made at
 * error correction level {@link #QR_ERROR_CORRECTION}.
 */
public final class EuDccFormat implements CredentialFormat {

    public static final String ID = "eu-dcc";
    public static final String MEDIA_TYPE = "text/plain;charset=US-ASCII";
    /** The error correction level HCERT specifies for its QR codes. */
    public static final ErrorCorrectionLevel QR_ERROR_CORRECTION = ErrorCorrectionLevel.Q;

    private final EuDccSettings settings;
    private final SigningKeyProvider keys;

    public EuDccFormat(EuDccSettings settings, SigningKeyProvider keys) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public String id() {
        return ID;
    }

    /** The record lacks data the DCC schema requires, or has values it cannot take (see {@link DccJson#of}). */
    @Override
    public Optional<UnsupportedRecordException> unsupported(Certificate certificate) {
        try {
            DccJson.of(certificate, settings);
            return Optional.empty();
        } catch (UnsupportedRecordException unsupported) {
            return Optional.of(unsupported);
        }
    }

    /**
     * @throws UnsupportedRecordException when the certificate lacks data the DCC schema requires
     * @throws IllegalStateException    when the active key has no DSC, does not fit the algorithm, or fails to sign
     */
    @Override
    public SignedCredential sign(Certificate certificate) {
        ObjectNode dcc = DccJson.of(certificate, settings);
        SigningKey key = keys.activeKey(KeyPurpose.EU_DCC);
        if (key.certificateChain().isEmpty()) {
            throw new IllegalStateException("EU DCC key " + key.kid() + " has no document signer certificate");
        }
        if (key.privateKey() == null || !settings.algorithm().fits(key.publicKey())) {
            throw new IllegalStateException("EU DCC key " + key.kid() + " cannot sign " + settings.algorithm());
        }
        X509Certificate dsc = key.certificateChain().get(0);
        Instant issuedAt = certificate.issuedAt();
        Instant expiresAt = issuedAt.plus(settings.validity());
        Instant dscExpiry = dsc.getNotAfter().toInstant();
        if (dscExpiry.isBefore(expiresAt)) {
            expiresAt = dscExpiry;
        }
        byte[] payload = new HcertPayload(settings.issuerCountry(), issuedAt, expiresAt, dcc).encode();
        byte[] kid = DocumentSigners.kid(dsc);
        byte[] protectedHeader = CoseSign1.protectedHeader(settings.algorithm(), kid);
        byte[] signature;
        try {
            signature = settings.algorithm()
                    .sign(key.privateKey(), key.provider(), CoseSign1.toBeSigned(protectedHeader, payload));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with EU DCC key " + key.kid() + " failed", e);
        }
        String text = HcertCodec.encode(CoseSign1.encode(protectedHeader, payload, signature));
        return new SignedCredential(ID, Base64.getEncoder().encodeToString(kid), text, MEDIA_TYPE, text);
    }
}
