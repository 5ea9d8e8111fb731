package org.certhub.render;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.certhub.model.Certificate;
import org.certhub.model.Code;
import org.certhub.model.Facility;
import org.certhub.model.PartialDate;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;

/**
 * What a template may show of a certificate, already formatted for the reader's language: a tree of maps
 * and strings ({@code holder.name}, {@code vaccination.dose}, {@code certificate.id}, ...) so templates need
 * no Java accessors. The holder's identifier is masked but for its last four characters.
 */
public final class CertificateView {

    static final int VISIBLE_ID_CHARACTERS = 4;
    private static final Pattern ALPHA_2 = Pattern.compile("[A-Za-z]{2}");

    private CertificateView() {}

    /**
     * The template model: {@code lang}; {@code holder.{name,birthDate,gender,identifier,identifierType}};
     * {@code vaccination.{vaccine,disease,manufacturer,dose,date,lot,country,nextDoseDue}};
     * {@code facility.name}; {@code certificate.{id,version,issued}}. Absent values are absent keys.
     */
    public static Map<String, Object> of(Certificate certificate, Messages messages, Locale locale) {
        Locale reader = Messages.normalized(locale);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", reader.toLanguageTag());
        model.put("holder", holder(certificate.recipient(), messages, reader));
        model.put("vaccination", vaccination(certificate.vaccination(), messages, reader));
        Facility facility = certificate.event().facility();
        if (facility != null && facility.name() != null) {
            model.put("facility", Map.of("name", composed(facility.name())));
        }
        Map<String, Object> issued = new LinkedHashMap<>();
        issued.put("id", certificate.id());
        issued.put("version", certificate.version());
        issued.put("issued", date(certificate.issuedAt().atZone(ZoneOffset.UTC).toLocalDate(), reader));
        model.put("certificate", issued);
        return model;
    }

    private static Map<String, Object> holder(Recipient recipient, Messages messages, Locale locale) {
        Map<String, Object> holder = new LinkedHashMap<>();
        putIfPresent(
                holder,
                "name",
                recipient.name() == null ? null : composed(recipient.name().fullName()));
        putIfPresent(holder, "birthDate", recipient.birthDate() == null ? null : date(recipient.birthDate(), locale));
        holder.put(
                "gender", messages.text(locale, "gender." + recipient.gender().fhirCode()));
        recipient.identifiers().stream().findFirst().ifPresent(identifier -> {
            holder.put("identifier", masked(identifier.value()));
            holder.put(
                    "identifierType",
                    messages.text(
                            locale, "identifier." + identifier.type().name().toLowerCase(Locale.ROOT)));
        });
        return holder;
    }

    private static Map<String, Object> vaccination(Vaccination vaccination, Messages messages, Locale locale) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put(
                "vaccine",
                firstOf(
                        display(vaccination.product()),
                        display(vaccination.vaccine()),
                        code(vaccination.product()),
                        vaccination.vaccine().code()));
        putIfPresent(view, "disease", display(vaccination.disease()));
        putIfPresent(
                view, "manufacturer", firstOf(display(vaccination.manufacturer()), code(vaccination.manufacturer())));
        view.put(
                "dose",
                vaccination.totalDoses() == null
                        ? messages.text(locale, "dose.number", vaccination.doseNumber())
                        : messages.text(locale, "dose.of", vaccination.doseNumber(), vaccination.totalDoses()));
        view.put("date", date(vaccination.date(), locale));
        putIfPresent(view, "lot", vaccination.lot());
        putIfPresent(view, "country", country(vaccination.country(), locale));
        putIfPresent(
                view,
                "nextDoseDue",
                vaccination.nextDoseDue() == null ? null : date(vaccination.nextDoseDue(), locale));
        return view;
    }

    /** {@code XXXXXXXX1234}: only the last four characters stay readable; four or fewer are all masked. */
    static String masked(String value) {
        int visible = value.length() > VISIBLE_ID_CHARACTERS ? VISIBLE_ID_CHARACTERS : 0;
        return "X".repeat(value.length() - visible) + value.substring(value.length() - visible);
    }

    static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(date);
    }

    private static String date(PartialDate date, Locale locale) {
        return date.isComplete() ? date(LocalDate.parse(date.iso()), locale) : date.iso();
    }

    private static String country(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (ALPHA_2.matcher(code).matches()) {
            String name = new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(locale);
            return name.isBlank() ? code : name;
        }
        return code;
    }

    private static String display(Code code) {
        return code == null || code.display() == null || code.display().isBlank() ? null : code.display();
    }

    private static String code(Code code) {
        return code == null ? null : code.code();
    }

    /**
     * Names as precomposed characters where Unicode has them: a name typed with combining marks (NFD, as some
     * keyboards and systems send it) then draws with the fonts' own accented letters, without glyph substitution.
     */
    private static String composed(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static String firstOf(String... values) {
        return Stream.of(values).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
