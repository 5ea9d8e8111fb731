package org.certhub.routes.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certhub.routes.HubTestSupport;
import org.certhub.routes.OwnStorage;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code otp} ID verifier in the running hub: the code goes out by email (GreenMail), the event is held
 * until the citizen confirms it; a wrong code is refused, the right one certifies the event.
 */
class OtpConfirmationIT extends HubTestSupport {

    private static final Pattern CODE = Pattern.compile("verification code is ([0-9]{6})");
    private static final Pattern CHALLENGE = Pattern.compile("challenge (\\S+)$");

    @DynamicPropertySource
    static void otpProperties(DynamicPropertyRegistry registry) {
        registry.add("certhub.connectors.id.provider", () -> "otp");
        registry.add("certhub.connectors.id.otp.channel", () -> "EMAIL");
        registry.add("certhub.connectors.id.otp.hmac-secret", () -> "otp-hmac-secret-for-tests-0123456789abcdef");
        OwnStorage.register(registry, "otp");
    }

    @Test
    void theRightOneTimeCodeReleasesAHeldEventForCertification() throws Exception {
        String bundle = example("immunization-bundle.json").replace("IMM-2021-000147", "IMM-OTP-" + UUID.randomUUID());
        HttpResponse<String> accepted = post("/fhir/r4", "application/fhir+json", bundle, API_KEY);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String eventId = json(accepted).get("id").asText();

        JsonNode held = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> json(get("/api/v1/events/" + eventId)),
                        event -> "held".equals(event.get("state").asText()));
        Matcher challenge = CHALLENGE.matcher(held.get("reason").asText());
        assertThat(challenge.find()).as(held.get("reason").asText()).isTrue();
        String code = await().atMost(Duration.ofSeconds(30))
                .until(OtpConfirmationIT::mailedCode, Optional::isPresent)
                .get();
        String wrong = code.equals("000000") ? "111111" : "000000";

        HttpResponse<String> refused = post(
                "/api/v1/events/" + eventId + "/otp",
                "application/json",
                "{\"challengeId\":\"" + challenge.group(1) + "\",\"code\":\"" + wrong + "\"}",
                null);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("failure").asText()).isEqualTo("wrong_code");
        assertThat(json(get("/api/v1/events/" + eventId)).get("state").asText()).isEqualTo("held");

        HttpResponse<String> confirmed = post(
                "/api/v1/events/" + eventId + "/otp",
                "application/json",
                "{\"challengeId\":\"" + challenge.group(1) + "\",\"code\":\"" + code + "\"}",
                null);
        assertThat(confirmed.statusCode()).isEqualTo(202);
        JsonNode certified = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> json(get("/api/v1/events/" + eventId)),
                        event -> List.of("certified", "delivered")
                                .contains(event.get("state").asText()));
        assertThat(certified.get("certificateId").asText()).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT id_check FROM vaccination_event WHERE id = ?", String.class, eventId))
                .isEqualTo("otp");
        assertThat(rows("otp_challenge")).isZero();
    }

    private static Optional<String> mailedCode() {
        return Arrays.stream(MAIL.getReceivedMessages())
                .map(OtpConfirmationIT::text)
                .map(CODE::matcher)
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .findFirst();
    }

    private static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text : "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
