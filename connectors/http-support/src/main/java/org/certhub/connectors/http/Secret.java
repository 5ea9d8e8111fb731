package org.certhub.connectors.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A credential from configuration (password, token, API key, shared HMAC key). Its {@link #toString()}
 * never shows the value, so settings records holding one can be logged.
 */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "secret");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
    }

    /** For configuration binders that convert a string through a static {@code of} factory. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    public byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "******";
    }
}
