package org.certhub.signer;

import java.util.Objects;

/**
 * A credential as issued.
 *
 * @param format    the {@code CredentialFormat.id()} that produced it
 * @param keyId     the id of the key that signed it (also inside the signature)
 * @param document  the credential as served for download (signed JSON-LD, {@code HC1:} text, compact JWS)
 * @param mediaType the media type of {@code document}
 * @param qrText    the text a QR code of this credential carries; {@code /api/v1/verify} accepts it as is
 *
 * <p>It lives in the model artifact, so that the delivery SPI can carry credentials without depending on the
 * signer, and keeps the signer's package, so that code importing it is the same either way.
 */
public record SignedCredential(String format, String keyId, String document, String mediaType, String qrText) {

    public SignedCredential {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(qrText, "qrText");
    }
}
