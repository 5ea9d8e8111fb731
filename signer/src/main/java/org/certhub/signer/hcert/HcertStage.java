package org.certhub.signer.hcert;

import org.certhub.signer.VerificationResult.Reasons;

/** The steps from QR text to a trusted DCC, each with the reason code a failure there reports. */
public enum HcertStage {
    UNPREFIX(Reasons.MALFORMED),
    BASE45(Reasons.MALFORMED),
    DECOMPRESS(Reasons.MALFORMED),
    COSE(Reasons.MALFORMED),
    CWT(Reasons.MALFORMED),
    KEY_LOOKUP(Reasons.UNKNOWN_KEY),
    SIGNATURE(Reasons.BAD_SIGNATURE),
    EXPIRATION(Reasons.EXPIRED),
    NOT_YET_VALID(Reasons.NOT_YET_VALID),
    KEY_USAGE(Reasons.KEY_USAGE),
    SCHEMA(Reasons.MALFORMED);

    private final String reason;

    HcertStage(String reason) {
        this.reason = reason;
    }

    /** The {@link Reasons} code a failure at this stage is reported with. */
    public String reason() {
        return reason;
    }
}
