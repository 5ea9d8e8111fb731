package org.certhub.signer.hcert;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;
import org.certhub.model.Certificate;
import org.certhub.model.Code;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Vaccination;
import org.certhub.signer.SkipReason;
import org.certhub.signer.UnsupportedRecordException;

/**
 * The DCC JSON (schema 1.3.0) of a vaccination certificate. The vaccination's codes are used as given: the
 * FHIR mapping fills them from the EU DCC value sets, so {@code tg} is the disease, {@code vp} the vaccine or
 * prophylaxis, {@code mp} the medicinal product and {@code ma} the marketing authorisation holder or
 * manufacturer.
 */
public final class DccJson {

    /** The DCC schema version this hub writes. */
    public static final String SCHEMA_VERSION = "1.3.0";

    private static final int MAX_TEXT = 80;
    private static final Pattern BIRTH_YEAR = Pattern.compile("(19|20)\\d\\d.*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private DccJson() {}

    /**
     * @throws UnsupportedRecordException when the record lacks something the schema requires (a code, the number
     *                                     of doses in the series, a name with Latin letters) or has a birth year
     *                                     outside 1900 to 2099 or a country that is no ISO 3166-1 code
     */
    public static ObjectNode of(Certificate certificate, EuDccSettings settings) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode dcc = json.objectNode();
        dcc.put("ver", SCHEMA_VERSION);
        dcc.set("nam", name(certificate.recipient().name()));
        dcc.put("dob", birthDate(certificate.recipient().birthDate()));
        Vaccination vaccination = certificate.vaccination();
        ObjectNode v = json.objectNode();
        v.put("tg", required(vaccination.disease(), "disease targeted (tg)", SkipReason.NO_TARGET_DISEASE));
        v.put("vp", required(vaccination.vaccine(), "vaccine or prophylaxis (vp)", SkipReason.NO_VACCINE_TYPE));
        v.put("mp", required(vaccination.product(), "medicinal product (mp)", SkipReason.NO_MEDICINAL_PRODUCT));
        v.put(
                "ma",
                required(
                        vaccination.manufacturer(),
                        "marketing authorisation holder or manufacturer (ma)",
                        SkipReason.NO_MANUFACTURER));
        v.put("dn", vaccination.doseNumber());
        if (vaccination.totalDoses() == null) {
            throw new UnsupportedRecordException(
                    SkipReason.NO_SERIES_DOSES, "EU DCC needs the total doses in the series (sd)");
        }
        v.put("sd", vaccination.totalDoses());
        v.put("dt", vaccination.date().toString());
        v.put("co", country(vaccination.country(), settings.issuerCountry()));
        v.put("is", settings.issuerName());
        v.put("ci", Uvci.of(settings.issuerCountry(), settings.uvciPrefix(), certificate.id()));
        dcc.putArray("v").add(v);
        return dcc;
    }

    private static ObjectNode name(PersonName name) {
        if (name == null) {
            throw new UnsupportedRecordException(SkipReason.NO_LATIN_NAME, "EU DCC needs the holder's name");
        }
        String family = name.family();
        String given = String.join(" ", name.given()).strip();
        if ((family == null || family.isBlank()) && given.isEmpty()) {
            family = name.text();
        }
        ObjectNode nam = JsonNodeFactory.instance.objectNode();
        String fnt = "";
        String gnt = "";
        if (family != null && !family.isBlank()) {
            nam.put("fn", truncate(family.strip()));
            fnt = Icao9303.transliterate(family);
            nam.put("fnt", fnt);
        }
        if (!given.isEmpty()) {
            nam.put("gn", truncate(given));
            gnt = Icao9303.transliterate(given);
            nam.put("gnt", gnt);
        }
        if (fnt.isEmpty() && gnt.isEmpty()) {
            throw new UnsupportedRecordException(
                    SkipReason.NO_LATIN_NAME, "EU DCC needs a name with Latin letters for its ICAO 9303 form");
        }
        return nam;
    }

    private static String birthDate(PartialDate birthDate) {
        if (birthDate == null) {
            return "";
        }
        if (!BIRTH_YEAR.matcher(birthDate.iso()).matches()) {
            throw new UnsupportedRecordException(
                    SkipReason.BIRTH_DATE_OUT_OF_RANGE, "EU DCC birth dates must lie in 1900 to 2099");
        }
        return birthDate.iso();
    }

    private static String required(Code code, String what, SkipReason reason) {
        if (code == null || code.code().isBlank()) {
            throw new UnsupportedRecordException(reason, "EU DCC needs the " + what + " code");
        }
        return code.code();
    }

    private static String country(String recorded, String issuerCountry) {
        if (recorded == null || recorded.isBlank()) {
            return issuerCountry;
        }
        if (!COUNTRY.matcher(recorded).matches()) {
            throw new UnsupportedRecordException(
                    SkipReason.NO_COUNTRY_CODE, "country of vaccination must be an ISO 3166-1 alpha-2 code");
        }
        return recorded;
    }

    private static String truncate(String text) {
        return text.codePointCount(0, text.length()) <= MAX_TEXT
                ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_TEXT));
    }
}
