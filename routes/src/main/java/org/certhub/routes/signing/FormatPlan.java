package org.certhub.routes.signing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.certhub.routes.store.SkippedFormat;
import org.certhub.signer.UnsupportedRecordException;

/**
 * Which of a record's configured formats are signed and which are skipped because the record cannot be carried in
 * them, and whether a certificate can be issued at all: not when no format can carry the record, nor when a format
 * the programme requires cannot.
 *
 * @param toSign          the formats to sign, in the configured order (the first is the primary one)
 * @param skipped         the formats skipped, each with its reason
 * @param missingRequired the skipped formats that the programme requires
 */
public record FormatPlan(List<String> toSign, List<SkippedFormat> skipped, List<SkippedFormat> missingRequired) {

    public FormatPlan {
        toSign = List.copyOf(toSign);
        skipped = List.copyOf(skipped);
        missingRequired = List.copyOf(missingRequired);
    }

    /**
     * @param formats     the formats the programme issues, primary first
     * @param required    those of them it cannot issue a certificate without
     * @param unsupported why a format cannot carry the record, or empty when it can
     */
    public static FormatPlan of(
            List<String> formats,
            Collection<String> required,
            Function<String, Optional<UnsupportedRecordException>> unsupported) {
        List<String> toSign = new ArrayList<>();
        List<SkippedFormat> skipped = new ArrayList<>();
        for (String format : formats) {
            unsupported
                    .apply(format)
                    .ifPresentOrElse(
                            why -> skipped.add(new SkippedFormat(format, why.reason(), why.getMessage())),
                            () -> toSign.add(format));
        }
        return new FormatPlan(
                toSign,
                skipped,
                skipped.stream().filter(s -> required.contains(s.format())).toList());
    }

    /** Whether a certificate can be issued: some format carries the record, and every required one does. */
    public boolean issuable() {
        return !toSign.isEmpty() && missingRequired.isEmpty();
    }

    /**
     * Why no certificate can be issued, naming what the record lacks for which format (no personal data); empty
     * when one can.
     */
    public Optional<String> refusal() {
        if (issuable()) {
            return Optional.empty();
        }
        return Optional.of(
                missingRequired.isEmpty()
                        ? "no configured credential format can carry this record: " + needs(skipped)
                        : "a credential format the programme requires cannot carry this record: "
                                + needs(missingRequired));
    }

    private static String needs(List<SkippedFormat> formats) {
        return formats.stream()
                .map(s -> s.format() + " needs " + s.reason().element() + " ("
                        + s.reason().apiName() + ")")
                .collect(Collectors.joining("; "));
    }
}
