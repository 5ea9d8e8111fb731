package org.certhub.routes.divoc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * One row of a DIVOC bulk CSV as the certify request DIVOC's vaccination API made of it (columns in
 * {@code divoc-compat.md}: {@code recipientName}, {@code recipientMobileNumber}, {@code recipientDOB}, ...). The later
 * DIVOC columns {@code preEnrollmentCode}, {@code dose}, {@code totalDoses} and {@code programId} are read when
 * present, and the recipient's address from {@code recipientAddressLine1}, {@code recipientAddressLine2},
 * {@code recipientDistrict}, {@code recipientState}, {@code recipientPincode}; the certify validation then names what
 * is missing.
 */
final class DivocCsvRequest {

    private static final DateTimeFormatter DIVOC_DOB = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);

    private DivocCsvRequest() {}

    /**
     * @param fallbackCode the pre-enrolment code of a row that names none: stable for the same file and row
     * @throws IllegalArgumentException when the row has no name or mobile number (DIVOC's error rows)
     */
    static ObjectNode of(Map<String, String> row, String fallbackCode, ObjectMapper json) {
        String name = cell(row, "recipientName");
        String mobile = cell(row, "recipientMobileNumber");
        if (name == null || mobile == null) {
            throw new IllegalArgumentException("recipientName and recipientMobileNumber are required");
        }
        ObjectNode request = json.createObjectNode();
        put(
                request,
                "preEnrollmentCode",
                cell(row, "preEnrollmentCode") == null ? fallbackCode : cell(row, "preEnrollmentCode"));
        put(request, "programId", cell(row, "programId"));
        ObjectNode recipient = request.putObject("recipient");
        put(recipient, "name", name);
        put(recipient, "dob", birthDate(cell(row, "recipientDOB")));
        put(recipient, "gender", cell(row, "recipientGender"));
        put(recipient, "nationality", cell(row, "recipientNationality"));
        put(recipient, "identity", cell(row, "recipientIdentity"));
        recipient.putArray("contact").add("tel:" + mobile);
        address(
                recipient,
                row,
                "recipientAddressLine1",
                "recipientAddressLine2",
                "recipientDistrict",
                "recipientState",
                "recipientPincode");
        ObjectNode vaccination = request.putObject("vaccination");
        put(vaccination, "name", cell(row, "vaccinationName"));
        put(vaccination, "batch", cell(row, "vaccinationBatch"));
        put(vaccination, "manufacturer", cell(row, "vaccinationManufacturer"));
        put(vaccination, "date", cell(row, "vaccinationDate"));
        put(vaccination, "effectiveStart", cell(row, "vaccinationEffectiveStart"));
        put(vaccination, "effectiveUntil", cell(row, "vaccinationEffectiveEnd"));
        vaccination.put("dose", number(cell(row, "dose"), "dose"));
        vaccination.put("totalDoses", number(cell(row, "totalDoses"), "totalDoses"));
        put(request.putObject("vaccinator"), "name", cell(row, "vaccinatorName"));
        ObjectNode facility = request.putObject("facility");
        put(facility, "name", cell(row, "facilityName"));
        address(
                facility,
                row,
                "facilityAddressLine1",
                "facilityAddressLine2",
                "facilityDistict",
                "facilityState",
                "facilityPincode");
        return request;
    }

    private static void address(
            ObjectNode parent,
            Map<String, String> row,
            String line1,
            String line2,
            String district,
            String state,
            String pincode) {
        if (cell(row, line1) == null
                && cell(row, district) == null
                && cell(row, state) == null
                && cell(row, pincode) == null) {
            return;
        }
        ObjectNode address = parent.putObject("address");
        put(address, "addressLine1", cell(row, line1));
        put(address, "addressLine2", cell(row, line2));
        put(address, "district", cell(row, district));
        put(address, "state", cell(row, state));
        put(address, "pincode", cell(row, pincode));
    }

    /** DIVOC's two birth date spellings, {@code 2006-01-02} and {@code 02-Jan-2006}, as ISO dates. */
    static String birthDate(String dob) {
        if (dob == null) {
            return null;
        }
        try {
            return LocalDate.parse(dob, DIVOC_DOB).toString();
        } catch (DateTimeParseException notDivocSpelling) {
            return dob;
        }
    }

    private static int number(String value, String column) {
        if (value == null) {
            return 1;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " must be a whole number");
        }
    }

    private static String cell(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
