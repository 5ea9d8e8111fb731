package org.certhub.connectors.id.otp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what would have been sent, so a test can play the citizen. */
final class RecordingOtpSender implements OtpSender {

    final List<OtpMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(OtpMessage message) {
        sent.add(message);
    }

    String lastCodeFor(String challengeId) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).challengeId().equals(challengeId)) {
                return sent.get(i).code();
            }
        }
        throw new AssertionError("no code was sent for challenge " + challengeId);
    }
}
