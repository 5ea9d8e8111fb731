package org.certhub.signer;

import java.util.Locale;

/**
 * Why a credential format cannot carry a record: the stable catalogue of reasons a format is skipped for, shown on
 * the certificate ({@code credentials.<format>.skipped}), on the event and in intake refusals. Each names the
 * element of the FHIR record whose absence, or whose value, the format cannot take.
 */
public enum SkipReason {

    /** The dose is coded with a vaccine type, not a medicinal product (the EU DCC's {@code mp}). */
    NO_MEDICINAL_PRODUCT("Immunization.vaccineCode as a medicinal product code"),
    /** No marketing authorisation holder or manufacturer (the EU DCC's {@code ma}). */
    NO_MANUFACTURER("Immunization.manufacturer"),
    /** No vaccine or prophylaxis type (the EU DCC's {@code vp}). */
    NO_VACCINE_TYPE("Immunization.vaccineCode"),
    /** No disease or agent targeted (the EU DCC's {@code tg}). */
    NO_TARGET_DISEASE("Immunization.protocolApplied.targetDisease"),
    /** The number of doses in the series is not known (the EU DCC's {@code sd}). */
    NO_SERIES_DOSES("Immunization.protocolApplied.seriesDosesPositiveInt"),
    /** No name of the holder, or none with letters an ICAO 9303 machine-readable form can take. */
    NO_LATIN_NAME("Patient.name in Latin letters"),
    /** A birth date the format cannot carry (the EU DCC takes years 1900 to 2099). */
    BIRTH_DATE_OUT_OF_RANGE("Patient.birthDate within 1900 to 2099"),
    /** A country of vaccination that is not an ISO 3166-1 alpha-2 code. */
    NO_COUNTRY_CODE("the country of vaccination as an ISO 3166-1 alpha-2 code");

    private final String element;

    SkipReason(String element) {
        this.element = element;
    }

    /** The stable name shown in answers: {@code no-medicinal-product}, ... */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The element of the record the format needs, in words a sender can act on. */
    public String element() {
        return element;
    }
}
