package org.certhub.signer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.certhub.signer.VerificationResult.Reasons;
import org.certhub.signer.qr.DivocQr;

/**
 * {@code POST /api/v1/verify}: hands the QR text to the first verifier that recognises its format, then
 * turns a valid credential whose certificate has been revoked into {@code revoked}.
 */
public final class Verification {

    /** The format reported for binary input that is neither a DIVOC zip nor UTF-8 text. */
    public static final String DIVOC_FORMAT = "divoc";

    private static final String UNKNOWN = "unknown";
    private static final int MAX_BINARY_BYTES = 8 * 1024;

    private final List<CredentialVerifier> verifiers;
    private final RevocationCheck revocationCheck;

    public Verification(List<CredentialVerifier> verifiers, RevocationCheck revocationCheck) {
        this.verifiers = List.copyOf(verifiers);
        this.revocationCheck = revocationCheck;
    }

    /** Verifies the text of one QR code (leading and trailing whitespace ignored) as of {@code at}. */
    public VerificationResult verify(String text, Instant at) {
        if (text == null || text.isBlank()) {
            return VerificationResult.invalid(UNKNOWN, Reasons.MALFORMED);
        }
        String qrText = text.strip();
        for (CredentialVerifier verifier : verifiers) {
            if (verifier.accepts(qrText)) {
                VerificationResult result = verifier.verify(qrText, at);
                if (result.valid()
                        && result.certificateId() != null
                        && revocationCheck.isRevoked(result.certificateId())) {
                    return result.rejectedFor(Reasons.REVOKED);
                }
                return result;
            }
        }
        return VerificationResult.invalid(UNKNOWN, Reasons.UNKNOWN_FORMAT);
    }

    /** Verifies the raw bytes of a binary QR code: DIVOC's zipped certificate, or UTF-8 text. */
    public VerificationResult verifyBinary(byte[] bytes, Instant at) {
        if (bytes == null || bytes.length == 0 || bytes.length > MAX_BINARY_BYTES) {
            return VerificationResult.invalid(DIVOC_FORMAT, Reasons.MALFORMED);
        }
        if (DivocQr.isZip(bytes)) {
            try {
                return verify(DivocQr.unzip(bytes), at);
            } catch (IllegalArgumentException e) {
                return VerificationResult.invalid(DIVOC_FORMAT, Reasons.MALFORMED);
            }
        }
        try {
            return verify(
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString(),
                    at);
        } catch (CharacterCodingException e) {
            return VerificationResult.invalid(DIVOC_FORMAT, Reasons.MALFORMED);
        }
    }
}
