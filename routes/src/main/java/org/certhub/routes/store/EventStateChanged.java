package org.certhub.routes.store;

import org.certhub.model.EventState;

/** Published (as a Spring application event) when an event is held for review or has failed for good. */
public record EventStateChanged(String eventId, EventState state, String reason) {}
