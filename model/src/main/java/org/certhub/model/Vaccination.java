package org.certhub.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One administered dose (DDCC:VS: vaccine or prophylaxis, brand, manufacturer, marketing authorisation
 * holder, batch, date, dose number, total doses in the series, country, disease targeted, next dose).
 *
 * @param vaccine      the vaccine or prophylaxis code (e.g. SNOMED CT 1119349007, ICD-11 XM0GQ8, CVX 208)
 * @param product      the medicinal product / brand (e.g. EU/1/20/1528), when known
 * @param manufacturer the manufacturer or marketing authorisation holder, when known
 * @param disease      the disease or agent targeted (e.g. SNOMED CT 840539006 COVID-19)
 * @param totalDoses   doses in the primary series; {@code doseNumber > totalDoses} is a booster
 * @param sentCodes    the vaccine codings exactly as the sender sent them (e.g. CVX 208 for a dose the hub
 *                     certifies as SNOMED CT 1119349007), for formats that carry the sender's product code
 */
public record Vaccination(
        Code vaccine,
        Code product,
        Code manufacturer,
        Code disease,
        String lot,
        LocalDate date,
        int doseNumber,
        Integer totalDoses,
        String country,
        LocalDate nextDoseDue,
        List<Code> sentCodes) {

    public Vaccination {
        sentCodes = sentCodes == null ? List.of() : List.copyOf(sentCodes);
        Objects.requireNonNull(vaccine, "vaccine");
        Objects.requireNonNull(date, "date");
        if (doseNumber < 1) {
            throw new IllegalArgumentException("dose number must be at least 1");
        }
        if (totalDoses != null && totalDoses < 1) {
            throw new IllegalArgumentException("total doses must be at least 1");
        }
    }

    /** A dose without the sender's own codings (they are the certificate's {@code vaccine} code). */
    public Vaccination(
            Code vaccine,
            Code product,
            Code manufacturer,
            Code disease,
            String lot,
            LocalDate date,
            int doseNumber,
            Integer totalDoses,
            String country,
            LocalDate nextDoseDue) {
        this(vaccine, product, manufacturer, disease, lot, date, doseNumber, totalDoses, country, nextDoseDue, null);
    }

    public boolean isBooster() {
        return totalDoses != null && doseNumber > totalDoses;
    }
}
