package org.certhub.connectors.id.rest;

/** What an answer with one of the "no such identifier" statuses means. */
public enum NotFoundHandling {
    /** The identifier is unknown: a mismatch, the event is held for review. */
    MISMATCH,
    /** The request is refused for good: the event goes to the dead-letter queue. */
    REJECT
}
