package org.certhub.model;

import java.util.Locale;

/** Where a received vaccination event stands; the lower-case names are part of the HTTP API. */
public enum EventState {
    RECEIVED,
    CERTIFIED,
    DELIVERED,
    HELD,
    FAILED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
