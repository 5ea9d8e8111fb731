package org.certhub.signer;

import java.util.Objects;

/**
 * A credential format cannot carry this record (see {@link SkipReason}): the format is skipped for it, the others
 * are still issued. An {@link IllegalArgumentException}, as the record, not the signer, is at fault.
 */
public class UnsupportedRecordException extends IllegalArgumentException {

    private final transient SkipReason reason;

    public UnsupportedRecordException(SkipReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public SkipReason reason() {
        return reason;
    }
}
