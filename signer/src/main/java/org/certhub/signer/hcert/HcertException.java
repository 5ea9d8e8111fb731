package org.certhub.signer.hcert;

/** A credential failed one stage of decoding or verification; the message never contains personal data. */
public final class HcertException extends RuntimeException {

    private final HcertStage stage;

    public HcertException(HcertStage stage, String message) {
        super(stage + ": " + message);
        this.stage = stage;
    }

    public HcertException(HcertStage stage, String message, Throwable cause) {
        super(stage + ": " + message, cause);
        this.stage = stage;
    }

    public HcertStage stage() {
        return stage;
    }
}
