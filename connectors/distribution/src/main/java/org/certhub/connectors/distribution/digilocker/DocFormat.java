package org.certhub.connectors.distribution.digilocker;

import java.util.Locale;

/** The {@code format} attribute of a pull request: which of the PDF and the signed data to send. */
public enum DocFormat {
    XML,
    PDF,
    BOTH;

    /** Absent means both. */
    static DocFormat parse(String value) {
        if (value == null) {
            return BOTH;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DigiLockerRequestException.badRequest("format must be xml, pdf or both", e);
        }
    }

    boolean includesPdf() {
        return this != XML;
    }

    boolean includesData() {
        return this != PDF;
    }
}
