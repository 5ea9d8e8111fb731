package org.certhub.model;

import java.util.Locale;

/** A delivery's state per certificate and channel; the lower-case names are part of the HTTP API. */
public enum DeliveryState {
    QUEUED,
    SENT,
    FAILED,
    DEAD;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
