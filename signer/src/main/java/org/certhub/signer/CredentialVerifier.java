package org.certhub.signer;

import java.time.Instant;

/** Verifies the QR text of one credential format. */
public interface CredentialVerifier {

    /** The format this verifier reads, as in {@link CredentialFormat#id()} (or {@code divoc}). */
    String format();

    /** Whether the text looks like this format (a prefix or shape check, no crypto). */
    boolean accepts(String qrText);

    /**
     * Decodes and verifies; never throws on bad input: a malformed, tampered or untrusted credential is a
     * {@link VerificationResult} with {@code valid=false} and a reason code.
     */
    VerificationResult verify(String qrText, Instant at);
}
