package org.certhub.signer.hcert;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON equality as JSON means it: numbers compare by value (1 equals 1.0), member order is irrelevant. */
public final class JsonValues {

    private JsonValues() {}

    public static boolean equal(JsonNode a, JsonNode b) {
        return a.equals(
                (x, y) -> x.isNumber() && y.isNumber()
                        ? x.decimalValue().compareTo(y.decimalValue()) == 0 ? 0 : 1
                        : x.equals(y) ? 0 : 1,
                b);
    }
}
