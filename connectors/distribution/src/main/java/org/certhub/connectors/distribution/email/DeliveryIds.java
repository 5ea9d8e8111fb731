package org.certhub.connectors.distribution.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A delivery id made safe for a file name and a Message-ID's local part, the same for the same id. */
final class DeliveryIds {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private DeliveryIds() {}

    /** The id itself when it is short and plain; otherwise {@code sha256-<hex of its UTF-8 bytes>}. */
    static String token(String deliveryId) {
        if (SAFE.matcher(deliveryId).matches()) {
            return deliveryId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(deliveryId.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
