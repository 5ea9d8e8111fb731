package org.certhub.connectors.id.otp;

/** What {@link OtpService#resend} did. */
public enum ResendResult {
    /** A new code went out; the previous one no longer works. */
    SENT,
    /** The last code went out less than the resend interval ago. */
    TOO_SOON,
    /** The challenge has had its maximum number of sends, or is closed after too many wrong codes. */
    LIMIT_REACHED,
    /** No open challenge has this id. */
    UNKNOWN_CHALLENGE
}
