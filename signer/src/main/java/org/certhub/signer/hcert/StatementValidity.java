package org.certhub.signer.hcert;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The validity windows the EU DCC validation rules give each statement, checked at the verification time:
 * a recovery statement from its {@code df} to its {@code du} (both days inclusive, rule RR-EU-0002), a test
 * only once its sample was collected ({@code sc}), a vaccination only from its date ({@code dt}). Days are
 * compared in UTC. How long a test or vaccination is accepted is each acceptance country's rule, not checked
 * here.
 */
public final class StatementValidity {

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH", "Z")
            .optionalEnd()
            .toFormatter();

    private StatementValidity() {}

    /**
     * Checks every statement of the DCC against the verification time.
     *
     * @throws HcertException at {@link HcertStage#NOT_YET_VALID} before a window opens, at
     *                        {@link HcertStage#EXPIRATION} after it closes, at {@link HcertStage#SCHEMA} when a
     *                        date it needs is missing or unreadable
     */
    public static void check(HcertPayload payload, Instant at) {
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        for (JsonNode recovery : payload.statements("r")) {
            if (day(recovery, "df").isAfter(today)) {
                throw new HcertException(HcertStage.NOT_YET_VALID, "recovery statement valid only from its df");
            }
            if (day(recovery, "du").isBefore(today)) {
                throw new HcertException(HcertStage.EXPIRATION, "recovery statement valid only until its du");
            }
        }
        for (JsonNode test : payload.statements("t")) {
            if (instant(test, "sc").isAfter(at)) {
                throw new HcertException(HcertStage.NOT_YET_VALID, "test sample collected after the verification time");
            }
        }
        for (JsonNode vaccination : payload.statements("v")) {
            if (day(vaccination, "dt").isAfter(today)) {
                throw new HcertException(HcertStage.NOT_YET_VALID, "vaccination dated after the verification time");
            }
        }
    }

    /** A date field; a date-time (as some issuers wrote schema 1.0 dates) counts by its date part. */
    private static LocalDate day(JsonNode statement, String field) {
        String text = text(statement, field);
        try {
            return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
        } catch (DateTimeException e) {
            throw new HcertException(HcertStage.SCHEMA, field + " is not a date", e);
        }
    }

    /** A date-time field with its offset (none: UTC). */
    private static Instant instant(JsonNode statement, String field) {
        String text = text(statement, field);
        try {
            TemporalAccessor parsed = DATE_TIME.parse(text);
            return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? Instant.from(parsed)
                    : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new HcertException(HcertStage.SCHEMA, field + " is not a date-time", e);
        }
    }

    private static String text(JsonNode statement, String field) {
        JsonNode value = statement.get(field);
        if (value == null || !value.isTextual()) {
            throw new HcertException(HcertStage.SCHEMA, "statement without " + field);
        }
        return value.textValue();
    }
}
