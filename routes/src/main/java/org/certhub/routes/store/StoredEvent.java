package org.certhub.routes.store;

import org.certhub.model.EventState;
import org.certhub.model.VaccinationEvent;

/** A received vaccination event as stored, at its current revision. */
public record StoredEvent(
        String id, int revision, EventState state, String reason, String certificateId, VaccinationEvent event) {}
