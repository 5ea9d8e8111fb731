package org.certhub.routes.security;

import java.util.regex.Pattern;

/** Sender ids: they prefix every record key ({@code <sender>|<record>}) and appear in audit rows and metrics. */
public final class SenderIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private SenderIds() {}

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    public static String require(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("a sender id is 1 to 64 letters, digits, '.', '_' or '-': " + id);
        }
        return id;
    }
}
