package org.certhub.fhirmapping;

import java.util.Objects;

/**
 * One thing wrong with an input, as a FHIR {@code OperationOutcome.issue}.
 *
 * @param code        the FHIR issue type code ({@code structure}, {@code required}, {@code value},
 *                    {@code code-invalid}, {@code not-supported}, {@code business-rule}, {@code security}, ...)
 * @param diagnostics a sentence for the sender's developers; never echoes personal data
 * @param expression  the FHIRPath of the offending element, e.g. {@code Bundle.entry[1].resource.status}
 */
public record Problem(Severity severity, String code, String diagnostics, String expression) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(diagnostics, "diagnostics");
    }

    public static Problem error(String code, String diagnostics, String expression) {
        return new Problem(Severity.ERROR, code, diagnostics, expression);
    }

    public enum Severity {
        FATAL,
        ERROR,
        WARNING,
        INFORMATION
    }
}
