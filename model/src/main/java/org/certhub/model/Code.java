package org.certhub.model;

import java.util.Objects;

/** A coded value from a terminology (SNOMED CT, ICD-11, ATC, CVX, EU DCC value sets, ...). */
public record Code(String system, String code, String display) {

    public Code {
        Objects.requireNonNull(code, "code");
    }

    public static Code of(String system, String code) {
        return new Code(system, code, null);
    }
}
