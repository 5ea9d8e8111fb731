package org.certhub.routes.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.certhub.routes.HubTestSupport;
import org.junit.jupiter.api.Test;

/**
 * A citizen proves a contact by a one-time code and reaches the certificates issued for it, and only those; the
 * code request tells nobody whether a contact has certificates; codes are hashed, single use and limited.
 */
class CitizenIT extends HubTestSupport {

    @Test
    void aCodeSentToTheContactOpensItsCertificatesAndNoOthers() throws Exception {
        String email = "holder-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String mine = certifyFor(email);
        String someoneElses = certifyFor("other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");

        String stranger = "nobody-" + UUID.randomUUID() + "@example.org";
        assertThat(otp(stranger).statusCode()).isEqualTo(202);
        HttpResponse<String> asked = otp(email.toUpperCase(java.util.Locale.ROOT));
        assertThat(asked.statusCode()).isEqualTo(202);
        String code = await().atMost(Duration.ofSeconds(30))
                .until(() -> codeMailedTo(email), Optional::isPresent)
                .get();
        assertThat(codeMailedTo(stranger)).isEmpty();
        assertThat(jdbc.queryForList("SELECT code_hash FROM citizen_code WHERE code_hash IS NOT NULL", String.class))
                .isNotEmpty()
                .doesNotContain(code);

        String wrong = code.equals("000000") ? "000001" : "000000";
        assertThat(session(email, wrong).statusCode()).isEqualTo(401);
        HttpResponse<String> opened = session(email, code);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        String token = json(opened).get("token").asText();
        assertThat(json(opened).get("expiresAt").asText()).isNotBlank();
        assertThat(session(email, code).statusCode()).as("a code is good once").isEqualTo(401);

        HttpResponse<String> listed =
                send("GET", "/api/v1/citizen/certificates", null, "Authorization", "Bearer " + token);
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode certificates = json(listed).get("certificates");
        assertThat(certificates.findValuesAsText("id")).containsExactly(mine);
        String pdf = certificates.get(0).get("links").get("pdf").asText();
        HttpResponse<String> download = send("GET", pdf, null, "Authorization", "Bearer " + token);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/certificates/" + someoneElses, null, "Authorization", "Bearer " + token)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/citizen/certificates", null).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/api/v1/citizen/certificates", null, "X-API-Key", API_KEY)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void wrongCodesEndACodeAndFloodsFromOneAddressAreThrottled() {
        String email = "tries-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        certifyFor(email);
        otp(email);
        String code = await().atMost(Duration.ofSeconds(30))
                .until(() -> codeMailedTo(email), Optional::isPresent)
                .get();
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(session(email, wrong).statusCode()).isEqualTo(401);
        }
        assertThat(session(email, code).statusCode())
                .as("dead after five wrong tries")
                .isEqualTo(401);

        int status = 202;
        for (int i = 0; i < 40 && status == 202; i++) {
            status = otp("flood-" + i + "@example.org").statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    @Test
    void aHolderAsksForACorrectionThatItsSenderAndTheAdminsRead() throws Exception {
        String email = "fix-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String mine = certifyFor(email);
        String someoneElses = certifyFor("other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        otp(email);
        String code = await().atMost(Duration.ofSeconds(30))
                .until(() -> codeMailedTo(email), Optional::isPresent)
                .get();
        String token = json(session(email, code)).get("token").asText();
        JsonNode listed = json(send("GET", "/api/v1/citizen/certificates", null, "Authorization", "Bearer " + token))
                .get("certificates")
                .get(0);
        HttpResponse<String> shared =
                send("GET", listed.get("links").get("share").asText(), null);
        assertThat(shared.statusCode()).as("the share link opens the PDF alone").isEqualTo(200);
        assertThat(shared.headers().firstValue("Content-Type")).hasValue("application/pdf");

        String text = "My birth date is wrong " + UUID.randomUUID();
        String body = JSON.createObjectNode().put("text", text).toString();
        HttpResponse<String> asked = send(
                "POST",
                "/api/v1/citizen/certificates/" + mine + "/correction-requests",
                body,
                "Authorization",
                "Bearer " + token,
                "Content-Type",
                "application/json");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        assertThat(send(
                                "POST",
                                "/api/v1/citizen/certificates/" + someoneElses + "/correction-requests",
                                body,
                                "Authorization",
                                "Bearer " + token,
                                "Content-Type",
                                "application/json")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(
                                "POST",
                                "/api/v1/citizen/certificates/" + mine + "/correction-requests",
                                "{\"text\":\"  \"}",
                                "Authorization",
                                "Bearer " + token,
                                "Content-Type",
                                "application/json")
                        .statusCode())
                .isEqualTo(400);

        for (String[] reader : List.of(
                new String[] {"/api/v1/admin/correction-requests", ADMIN_KEY},
                new String[] {"/api/v1/admin/correction-requests", REVIEWER_KEY},
                new String[] {"/api/v1/correction-requests", API_KEY})) {
            HttpResponse<String> read = send("GET", reader[0], null, "X-API-Key", reader[1]);
            assertThat(read.statusCode()).as(reader[0]).isEqualTo(200);
            assertThat(json(read).get("requests").findValuesAsText("text")).contains(text);
            assertThat(json(read).get("requests").findValuesAsText("certificateId"))
                    .contains(mine)
                    .doesNotContain(someoneElses);
        }
        String stranger = json(send(
                        "POST",
                        "/api/v1/admin/senders",
                        "{\"id\":\"fix-other-" + UUID.randomUUID().toString().substring(0, 8) + "\"}",
                        "Content-Type",
                        "application/json",
                        "X-API-Key",
                        ADMIN_KEY))
                .get("apiKey")
                .asText();
        assertThat(json(send("GET", "/api/v1/correction-requests", null, "X-API-Key", stranger))
                        .get("requests")
                        .findValuesAsText("text"))
                .doesNotContain(text);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_event WHERE action = 'correction-request'"
                                + " AND outcome = 'success' AND target_id = ?",
                        Integer.class,
                        mine))
                .isEqualTo(1);
    }

    private HttpResponse<String> otp(String contact) {
        return post("/api/v1/citizen/otp", "application/json", "{\"contact\":\"" + contact + "\"}", null);
    }

    private HttpResponse<String> session(String contact, String code) {
        return post(
                "/api/v1/citizen/session",
                "application/json",
                "{\"contact\":\"" + contact + "\",\"code\":\"" + code + "\"}",
                null);
    }
}
