package org.certhub.connectors.id.otp;

/** Sends a one-time code by SMS or email; the hub wires it to its delivery channels. */
@FunctionalInterface
public interface OtpSender {

    /**
     * Sends once.
     *
     * @throws org.certhub.connectors.id.spi.IdSystemUnavailableException when the channel is down for now
     */
    void send(OtpMessage message);
}
