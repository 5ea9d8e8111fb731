package org.certhub.model;

import java.util.Objects;

/** How to reach a recipient: where a certificate may be delivered. */
public record ContactPoint(Channel channel, String value) {

    public ContactPoint {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(value, "value");
    }

    public enum Channel {
        EMAIL,
        PHONE
    }
}
