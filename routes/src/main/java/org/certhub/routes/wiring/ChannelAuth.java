package org.certhub.routes.wiring;

import jakarta.validation.constraints.Pattern;
import org.certhub.connectors.distribution.http.HttpAuth;

/**
 * How a channel authenticates to its receiver ({@code certhub.channels.<name>.auth.*}). The secret comes from an
 * environment variable and never shows in {@link #toString()}.
 *
 * @param type     {@code none}, {@code basic}, {@code bearer}, {@code api-key}, {@code hmac} or {@code digilocker-hmac}
 * @param username for {@code basic}
 * @param secret   password, token, API key or HMAC key
 * @param header   the header of an API key or HMAC (blank: the type's default)
 */
public record ChannelAuth(
        @Pattern(regexp = "none|basic|bearer|api-key|hmac|digilocker-hmac")
        String type,

        String username,
        String secret,
        String header) {

    public ChannelAuth {
        type = type == null || type.isBlank() ? "none" : type.trim();
    }

    public HttpAuth toHttpAuth() {
        return HttpAuth.of(HttpAuth.type(type), username, blankToNull(secret), blankToNull(header));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "ChannelAuth[type=" + type + ", header=" + header + ", secret="
                + (blankToNull(secret) == null ? "unset" : "****") + "]";
    }
}
