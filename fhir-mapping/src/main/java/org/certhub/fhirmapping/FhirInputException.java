package org.certhub.fhirmapping;

import java.util.List;

/**
 * An input that cannot be taken at all: {@code 400} when it does not parse as FHIR, {@code 422} when it
 * parses but cannot be processed (for a transaction, any entry's problem rejects the whole Bundle).
 */
public class FhirInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<Problem> problems;

    public FhirInputException(int status, List<Problem> problems) {
        super(problems.isEmpty() ? "invalid FHIR input" : problems.get(0).diagnostics());
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public int status() {
        return status;
    }

    public List<Problem> problems() {
        return problems;
    }
}
