package org.certhub.connectors.distribution.http;

import java.util.regex.Pattern;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;

/**
 * Checks for ids that go into HTTP headers, URLs and file names: nothing from outside reaches them unless it is
 * a plain token.
 */
public final class HeaderValues {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~:-]{1,128}");

    private HeaderValues() {}

    /** Whether {@code value} is a plain id token (letters, digits, {@code . _ ~ : -}, at most 128). */
    public static boolean isToken(String value) {
        return value != null && TOKEN.matcher(value).matches();
    }

    /** A plain id token such as a delivery id, else {@link IllegalArgumentException}. */
    public static String requireToken(String value, String what) {
        if (!isToken(value)) {
            throw new IllegalArgumentException(what + " must be 1 to 128 letters, digits or . _ ~ : -");
        }
        return value;
    }

    /**
     * The request's delivery id, checked to be a plain token before it goes into a header, a body or a file
     * name; a malformed one can never be delivered ({@link PermanentDeliveryException}).
     */
    public static String deliveryId(DeliveryRequest request) {
        if (!isToken(request.deliveryId())) {
            throw new PermanentDeliveryException("the delivery id is not a plain token");
        }
        return request.deliveryId();
    }
}
