package org.certhub.connectors.distribution.document;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.shc.ShcFormat;

/** A {@code .smart-health-card} file: {@code {"verifiableCredential":["<JWS>"]}}, as SMART Health Cards defines it. */
public final class SmartHealthCardFile {

    /** The file's media type. */
    public static final String MEDIA_TYPE = ShcFormat.FILE_MEDIA_TYPE;

    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+");

    private SmartHealthCardFile() {}

    /** @throws PermanentDeliveryException when the credential is no compact JWS */
    public static byte[] of(SignedCredential credential) {
        String jws = credential.document().trim();
        if (!COMPACT_JWS.matcher(jws).matches()) {
            throw new PermanentDeliveryException("the shc credential is not a compact JWS");
        }
        return ShcFormat.healthCardFile(List.of(jws)).getBytes(StandardCharsets.US_ASCII);
    }
}
