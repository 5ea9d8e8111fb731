package org.certhub.signer.w3c;

import java.net.URI;

/** JSON-LD drops every statement about a node whose id is not an absolute IRI: ids are checked with this. */
final class Iris {

    private static final String FORBIDDEN = "<>\"{}|\\^`";

    private Iris() {}

    static boolean isAbsolute(String value) {
        if (value == null || value.chars().anyMatch(c -> c <= ' ' || FORBIDDEN.indexOf(c) >= 0)) {
            return false;
        }
        try {
            return URI.create(value).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
