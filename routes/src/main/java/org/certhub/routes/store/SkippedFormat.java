package org.certhub.routes.store;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.certhub.signer.SkipReason;

/**
 * A configured format a certificate is not issued in, and why.
 *
 * @param detail the format's own words (e.g. "EU DCC needs the medicinal product (mp) code"), no personal data
 */
public record SkippedFormat(String format, SkipReason reason, String detail) {

    public SkippedFormat {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * What an event issued with skipped formats says ({@code skipped: eu-dcc (no-medicinal-product)}), or null
     * when none was skipped.
     */
    public static String note(List<SkippedFormat> skipped) {
        return skipped.isEmpty()
                ? null
                : "skipped: " + skipped.stream().map(SkippedFormat::toString).collect(Collectors.joining(", "));
    }

    /** {@code eu-dcc (no-medicinal-product)}. */
    @Override
    public String toString() {
        return format + " (" + reason.apiName() + ")";
    }
}
