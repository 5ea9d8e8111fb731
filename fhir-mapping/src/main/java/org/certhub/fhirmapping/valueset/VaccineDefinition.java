package org.certhub.fhirmapping.valueset;

import java.util.List;
import java.util.Objects;
import org.certhub.model.Code;

/**
 * One known vaccine: a branded medicinal product (when {@code product} is set) or a vaccine type
 * (prophylaxis only, e.g. "SARS-CoV-2 mRNA vaccine"), with every coding it may arrive as.
 *
 * @param id                 a stable id of the definition in the configuration
 * @param programme          the programme its doses belong to
 * @param prophylaxis        the vaccine or prophylaxis code (EU DCC {@code vp}), when known
 * @param product            the medicinal product (EU DCC {@code mp}), when the definition is a product
 * @param manufacturer       the marketing authorisation holder or manufacturer (EU DCC {@code ma})
 * @param primarySeriesDoses doses in the primary series, when the definition fixes it
 * @param codings            further codings that name this vaccine (CVX, ATC, ICD-11, GTIN, ...)
 * @param names              names a DIVOC-style client may send in {@code vaccination.name}
 */
public record VaccineDefinition(
        String id,
        Programme programme,
        String display,
        Code prophylaxis,
        Code product,
        Code manufacturer,
        Integer primarySeriesDoses,
        List<Code> codings,
        List<String> names) {

    public VaccineDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(programme, "programme");
        codings = codings == null ? List.of() : List.copyOf(codings);
        names = names == null ? List.of() : List.copyOf(names);
        if (primarySeriesDoses != null && primarySeriesDoses < 1) {
            throw new IllegalArgumentException("vaccine " + id + ": primarySeriesDoses must be at least 1");
        }
    }

    /** A branded product rather than a vaccine type. */
    public boolean isProduct() {
        return product != null;
    }

    /** The code a certificate carries as the vaccine: the prophylaxis code, else the first configured coding. */
    public Code vaccineCode() {
        if (prophylaxis != null) {
            return prophylaxis;
        }
        if (!codings.isEmpty()) {
            Code first = codings.get(0);
            return new Code(first.system(), first.code(), first.display() != null ? first.display() : display);
        }
        return product;
    }
}
