package org.certhub.routes.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certhub.routes.HubTestSupport;
import org.junit.jupiter.api.Test;

/**
 * A citizen proves a contact by a one-time code and reaches the certificates issued for it, and only those; the
 * code request tells nobody whether a contact has certificates; codes are hashed, single use and limited.
 */
class CitizenIT extends HubTestSupport {

    private static final Pattern CODE = Pattern.compile("verification code is (\\d{6})");

    @Test
    void aCodeSentToTheContactOpensItsCertificatesAndNoOthers() throws Exception {
        String email = "holder-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String mine = certify(email);
        String someoneElses = certify("other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");

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
        certify(email);
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

    private String certify(String email) {
        String bundle = example("immunization-bundle.json")
                .replace("IMM-2021-000147", "IMM-" + UUID.randomUUID())
                .replace("erika.mustermann@example.org", email);
        return awaitCertified(json(post("/fhir/r4", "application/fhir+json", bundle, API_KEY))
                .get("id")
                .asText());
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

    private static Optional<String> codeMailedTo(String address) throws Exception {
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            boolean toAddress = List.of(message.getRecipients(Message.RecipientType.TO)).stream()
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            if (toAddress && message.getContent() instanceof String text) {
                Matcher code = CODE.matcher(text);
                if (code.find()) {
                    return Optional.of(code.group(1));
                }
            }
        }
        return Optional.empty();
    }
}
