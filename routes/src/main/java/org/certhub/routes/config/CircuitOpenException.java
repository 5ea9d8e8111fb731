package org.certhub.routes.config;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * An outside system's circuit breaker is open: calls are not let through, or the probe call that was let through
 * failed. Not the message's fault: a stage retries such a message with its back-off, without limit, and never
 * dead-letters it for this (see {@link StageErrorPolicies}). Carried as the cause of the outside system's own
 * outage exception, so that code reading that exception still sees an outage.
 */
public class CircuitOpenException extends RuntimeException {

    public CircuitOpenException(String system, Throwable cause) {
        super(system + ": circuit open after repeated failures", cause);
    }

    /** Whether {@code failure}, or any of its causes, is an open circuit. */
    public static boolean isIn(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
            if (current instanceof CircuitOpenException) {
                return true;
            }
        }
        return false;
    }
}
