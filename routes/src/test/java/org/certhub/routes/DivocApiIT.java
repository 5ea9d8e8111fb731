package org.certhub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.certhub.signer.w3c.BitstringStatusList;
import org.junit.jupiter.api.Test;

/** A DIVOC client, unchanged, against certhub: certify, correct, revoke and the revoked check, with its Bearer token. */
class DivocApiIT extends HubTestSupport {

    private static final String BEARER = "Bearer " + API_KEY;

    @Test
    void certifyStoresAndAnswersAtOnceThenCertifiesEachDose() {
        HttpResponse<String> response = send(
                "POST",
                "/divoc/api/v1/certify",
                "[" + request("DIVOC-CERT-1", "Asha Rao", 1) + "," + request("DIVOC-CERT-1", "Asha Rao", 2) + "]",
                "Content-Type",
                "application/json",
                "Authorization",
                BEARER);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> eventIds = eventIds(response);
        assertThat(eventIds).hasSize(2).doesNotHaveDuplicates();
        eventIds.forEach(this::awaitCertified);
    }

    @Test
    void theV3PathTakesTheSameRequests() {
        HttpResponse<String> response = send(
                "POST",
                "/divoc/api/v3/certify",
                "[" + request("DIVOC-V3-1", "Ravi Kumar", 1) + "]",
                "Content-Type",
                "application/json",
                "Authorization",
                BEARER);

        assertThat(response.statusCode()).isEqualTo(200);
        awaitCertified(eventIds(response).get(0));
    }

    @Test
    void anInvalidRequestIs400NamingItsJsonPathAndStoresNothing() {
        int before = rows("vaccination_event");
        String missingName = request("DIVOC-BAD-1", "Asha Rao", 1).replace("\"name\": \"Asha Rao\", ", "");
        HttpResponse<String> response = send(
                "POST",
                "/divoc/api/v1/certify",
                "[" + request("DIVOC-BAD-0", "Ravi Kumar", 1) + "," + missingName + "]",
                "Content-Type",
                "application/json",
                "Authorization",
                BEARER);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode outcome = json(response);
        assertThat(outcome.get("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(outcome.at("/issue/0/expression/0").asText()).isEqualTo("$[1].recipient.name");
        assertThat(rows("vaccination_event")).isEqualTo(before);
    }

    @Test
    void aWrongBearerTokenIs401() {
        HttpResponse<String> response = send(
                "POST",
                "/divoc/api/v1/certify",
                "[" + request("DIVOC-AUTH-1", "Asha Rao", 1) + "]",
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer not-the-key");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aCorrectionSupersedesTheOldCertificateWhichThenChecksAsRevoked() throws Exception {
        String eventId = eventIds(send(
                        "POST",
                        "/divoc/api/v1/certify",
                        "[" + request("DIVOC-FIX-1", "Asha Rao", 1) + "]",
                        "Content-Type",
                        "application/json",
                        "Authorization",
                        BEARER))
                .get(0);
        String original = awaitCertified(eventId);
        String originalJson =
                get("/api/v1/certificates/" + original + "/w3c-vc").body();
        assertThat(send("POST", "/divoc/api/v1/certificate/revoked", originalJson, "Content-Type", "application/json")
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> corrected = send(
                "PUT",
                "/divoc/api/v1/certificate",
                "[" + request("DIVOC-FIX-1", "Asha Rao Menon", 1) + "]",
                "Content-Type",
                "application/json",
                "Authorization",
                BEARER);

        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(eventIds(corrected)).containsExactly(eventId);
        String correction = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> json(get("/api/v1/events/" + eventId))
                                .path("certificateId")
                                .asText(""),
                        id -> !id.isEmpty() && !id.equals(original));
        HttpResponse<String> check =
                send("POST", "/divoc/api/v1/certificate/revoked", originalJson, "Content-Type", "application/json");
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(json(check).get("status").asText()).isEqualTo("superseded");
        String correctedJson =
                get("/api/v1/certificates/" + correction + "/w3c-vc").body();
        assertThat(correctedJson).contains("Asha Rao Menon");
        assertThat(send("POST", "/divoc/api/v1/certificate/revoked", correctedJson, "Content-Type", "application/json")
                        .statusCode())
                .isEqualTo(404);
        assertThat(revokedInStatusList(originalJson))
                .as("the superseded credential's bit in its W3C status list")
                .isTrue();
        assertThat(revokedInStatusList(correctedJson)).isFalse();
    }

    /** The credential's bit in the signed Bitstring Status List the hub serves. */
    private boolean revokedInStatusList(String credentialJson) throws Exception {
        JsonNode entry = JSON.readTree(credentialJson).get("credentialStatus");
        JsonNode list =
                json(get(URI.create(entry.get("statusListCredential").asText()).getPath()));
        return BitstringStatusList.isSet(
                list.get("credentialSubject").get("encodedList").asText(),
                entry.get("statusListIndex").asInt());
    }

    @Test
    void aCorrectionOfADoseNeverCertifiedIs404() {
        HttpResponse<String> response = send(
                "PUT",
                "/divoc/api/v1/certificate",
                "[" + request("DIVOC-NEVER-1", "Asha Rao", 1) + "]",
                "Content-Type",
                "application/json",
                "Authorization",
                BEARER);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/issue/0/expression/0").asText()).isEqualTo("$[0].preEnrollmentCode");
    }

    @Test
    void deletingOneDoseRevokesOnlyItsCertificate() {
        List<String> eventIds = eventIds(send(
                "POST",
                "/divoc/api/v1/certify",
                "[" + request("DIVOC-DEL-1", "Asha Rao", 1) + "," + request("DIVOC-DEL-1", "Asha Rao", 2) + "]",
                "Content-Type",
                "application/json",
                "Authorization",
                BEARER));
        String first = awaitCertified(eventIds.get(0));
        String second = awaitCertified(eventIds.get(1));

        String otherSender = json(send(
                        "POST",
                        "/api/v1/admin/senders",
                        "{\"id\":\"divoc-other-"
                                + java.util.UUID.randomUUID().toString().substring(0, 8) + "\"}",
                        "Content-Type",
                        "application/json",
                        "X-API-Key",
                        ADMIN_KEY))
                .get("apiKey")
                .asText();
        HttpResponse<String> byAnother = send(
                "DELETE",
                "/divoc/api/v1/certificates/DIVOC-DEL-1?allDoses=true",
                null,
                "Authorization",
                "Bearer " + otherSender);
        assertThat(byAnother.statusCode()).isEqualTo(403);
        assertThat(revokedCheck(first))
                .as("another sender's revocation changes nothing")
                .isEqualTo(404);

        HttpResponse<String> revoked =
                send("DELETE", "/divoc/api/v1/certificates/DIVOC-DEL-1?doses=1", null, "Authorization", BEARER);

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(json(revoked).get("revoked")).extracting(JsonNode::asText).containsExactly(first);
        assertThat(revokedCheck(first)).isEqualTo(200);
        assertThat(revokedCheck(second)).isEqualTo(404);

        HttpResponse<String> all =
                send("DELETE", "/divoc/api/v1/certificates/DIVOC-DEL-1?allDoses=true", null, "Authorization", BEARER);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(revokedCheck(second)).isEqualTo(200);
        assertThat(send("DELETE", "/divoc/api/v1/certificates/DIVOC-DEL-1?allDoses=true", null, "Authorization", BEARER)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("DELETE", "/divoc/api/v1/certificates/DIVOC-DEL-1", null, "Authorization", BEARER)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theRevokedCheckNeedsACertificateId() {
        assertThat(send(
                                "POST",
                                "/divoc/api/v1/certificate/revoked",
                                "{\"evidence\":[{}]}",
                                "Content-Type",
                                "application/json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/divoc/api/v1/certificate/revoked", "not json", "Content-Type", "application/json")
                        .statusCode())
                .isEqualTo(400);
    }

    private int revokedCheck(String certificateId) {
        String document =
                get("/api/v1/certificates/" + certificateId + "/w3c-vc").body();
        return send("POST", "/divoc/api/v1/certificate/revoked", document, "Content-Type", "application/json")
                .statusCode();
    }

    private static List<String> eventIds(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json(response).get("eventIds").spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    /** A DIVOC certification request, as DIVOC's API documents it. */
    static String request(String preEnrollmentCode, String name, int dose) {
        return """
                {"preEnrollmentCode": "%s", "programId": "covid-19", "comorbidities": [],
                 "recipient": {"name": "%s", "dob": "1990-04-01", "gender": "Female", "nationality": "India",
                   "identity": "did:in.gov.uidai.aadhaar:111122223344", "contact": ["tel:9000000001"],
                   "address": {"addressLine1": "12 MG Road", "district": "Bengaluru Urban", "state": "Karnataka",
                               "country": "IN", "pincode": "560001"}},
                 "vaccination": {"name": "Comirnaty", "batch": "FD5918", "manufacturer": "Pfizer-BioNTech",
                   "date": "2021-0%d-01T10:00:00.000Z", "effectiveStart": "2021-0%d-01", "effectiveUntil": "2022-0%d-01",
                   "dose": %d, "totalDoses": 2},
                 "vaccinator": {"name": "Dr. Sen"},
                 "facility": {"name": "PHC Indiranagar", "address": {"addressLine1": "100 Feet Road", "district": "Bengaluru Urban",
                   "state": "Karnataka", "country": "IN", "pincode": "560038"}},
                 "meta": {}}""".formatted(preEnrollmentCode, name, 4 + dose, 4 + dose, 4 + dose, dose);
    }
}
