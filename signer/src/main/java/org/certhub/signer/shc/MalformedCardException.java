package org.certhub.signer.shc;

/** A SMART Health Card that cannot be decoded; the message says at which stage, never its content. */
final class MalformedCardException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedCardException(String message) {
        super(message);
    }

    MalformedCardException(String message, Throwable cause) {
        super(message, cause);
    }
}
