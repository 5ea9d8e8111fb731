package org.certhub.routes.divoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DivocCsvRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> row() {
        Map<String, String> row = new HashMap<>();
        row.put("recipientName", " Asha Verma ");
        row.put("recipientMobileNumber", "9876543210");
        row.put("recipientDOB", "02-Jan-2006");
        row.put("recipientGender", "Female");
        row.put("recipientNationality", "Indian");
        row.put("recipientIdentity", "did:in.gov.uidai.aadhaar:111122223344");
        row.put("vaccinationBatch", "B-42");
        row.put("vaccinationDate", "2021-05-01T10:15:30Z");
        row.put("vaccinationEffectiveStart", "2021-05-01");
        row.put("vaccinationEffectiveEnd", "2022-05-01");
        row.put("vaccinationManufacturer", "Bharat Biotech");
        row.put("vaccinationName", "COVAXIN");
        row.put("vaccinatorName", "Dr. Rao");
        row.put("facilityName", "District Hospital");
        row.put("facilityAddressLine1", "MG Road");
        row.put("facilityDistict", "Pune");
        row.put("facilityState", "Maharashtra");
        row.put("facilityPincode", "411001");
        return row;
    }

    @Test
    void aDivocRowBecomesTheCertifyRequestDivocMadeOfIt() {
        JsonNode request = DivocCsvRequest.of(row(), "csv-1", JSON);

        assertThat(request.get("preEnrollmentCode").asText()).isEqualTo("csv-1");
        assertThat(request.at("/recipient/name").asText()).isEqualTo("Asha Verma");
        assertThat(request.at("/recipient/dob").asText()).isEqualTo("2006-01-02");
        assertThat(request.at("/recipient/contact/0").asText()).isEqualTo("tel:9876543210");
        assertThat(request.at("/recipient/address").isMissingNode()).isTrue();
        assertThat(request.at("/vaccination/effectiveUntil").asText()).isEqualTo("2022-05-01");
        assertThat(request.at("/vaccination/dose").asInt()).isEqualTo(1);
        assertThat(request.at("/facility/address/district").asText()).isEqualTo("Pune");
        assertThat(request.at("/vaccinator/name").asText()).isEqualTo("Dr. Rao");
    }

    @Test
    void theLaterDivocColumnsAndTheRecipientsAddressAreReadWhenPresent() {
        Map<String, String> row = row();
        row.put("preEnrollmentCode", "PE-77");
        row.put("dose", "2");
        row.put("totalDoses", "2");
        row.put("recipientAddressLine1", "12 Lake View");
        row.put("recipientDistrict", "Pune");
        row.put("recipientState", "Maharashtra");
        row.put("recipientPincode", "411002");
        row.put("recipientDOB", "2006-01-02");

        JsonNode request = DivocCsvRequest.of(row, "csv-1", JSON);

        assertThat(request.get("preEnrollmentCode").asText()).isEqualTo("PE-77");
        assertThat(request.at("/vaccination/dose").asInt()).isEqualTo(2);
        assertThat(request.at("/recipient/address/pincode").asText()).isEqualTo("411002");
        assertThat(request.at("/recipient/dob").asText()).isEqualTo("2006-01-02");
    }

    @Test
    void aRowWithoutNameOrMobileNumberIsAnErrorRow() {
        Map<String, String> noMobile = row();
        noMobile.put("recipientMobileNumber", " ");
        assertThatThrownBy(() -> DivocCsvRequest.of(noMobile, "csv-1", JSON))
                .hasMessageContaining("recipientMobileNumber");
        Map<String, String> badDose = row();
        badDose.put("dose", "two");
        assertThatThrownBy(() -> DivocCsvRequest.of(badDose, "csv-1", JSON)).hasMessageContaining("dose");
    }
}
