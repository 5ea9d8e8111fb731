package org.certhub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.certhub.signer.qr.QrCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 2's walking skeleton, end to end: a FHIR record in, a signed certificate out by email, verifiable. */
class CertificateFlowIT extends HubTestSupport {

    @Autowired
    private CamelContext camel;

    @Autowired
    private ProducerTemplate producer;

    @Test
    void aCertifyMessageReadAgainAfterDeliveryLeavesTheEventDeliveredAndMailsNothingMore() {
        String eventId = json(post("/fhir/r4", "application/fhir+json", example("immunization-bundle.json"), API_KEY))
                .get("id")
                .asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> json(get("/api/v1/events/" + eventId)).get("state").asText(), "delivered"::equals);
        int mails = MAIL.getReceivedMessages().length;

        // as after a crash between the certify commit and the message's acknowledgement, or a re-queue
        NotifyBuilder announcedAgain = new NotifyBuilder(camel)
                .fromRoute("certify-event")
                .whenDone(1)
                .and()
                .fromRoute("distribute-certificate")
                .whenDone(1)
                .create();
        producer.sendBody(camel.resolvePropertyPlaceholders("{{certhub.queues.certify}}"), eventId);
        assertThat(announcedAgain.matches(30, TimeUnit.SECONDS)).isTrue();

        assertThat(json(get("/api/v1/events/" + eventId)).get("state").asText()).isEqualTo("delivered");
        assertThat(MAIL.getReceivedMessages()).hasSize(mails);
    }

    @Test
    void aPostedBundleBecomesAMailedCertificateWhoseQrCodeVerifies() throws Exception {
        HttpResponse<String> accepted =
                post("/fhir/r4", "application/fhir+json", example("immunization-bundle.json"), API_KEY);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String eventId = json(accepted).get("id").asText();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/events/" + eventId);

        JsonNode event = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> json(get("/api/v1/events/" + eventId)),
                        status -> List.of("certified", "delivered")
                                .contains(status.get("state").asText()));
        String certificateId = event.get("certificateId").asText();

        JsonNode certificate = json(get("/api/v1/certificates/" + certificateId));
        JsonNode credential = certificate.get("credential");
        assertThat(credential.get("type").toString()).contains("VerifiableCredential");
        assertThat(credential.get("proof").isObject()).isTrue();
        String qrText = certificate.get("credentials").get("w3c-vc").get("qr").asText();

        HttpResponse<byte[]> png = getBytes("/api/v1/certificates/" + certificateId + "/qr.png");
        assertThat(png.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("image/png"));
        assertThat(QrCodes.read(png.body())).hasValue(qrText);

        HttpResponse<byte[]> pdf = getBytes("/api/v1/certificates/" + certificateId + "/certificate.pdf");
        assertThat(PdfQrCodes.read(pdf.body())).containsExactly(qrText);

        MimeMessage mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> List.of(MAIL.getReceivedMessages()), messages -> !messages.isEmpty())
                .get(0);
        byte[] attachedPdf = pdfAttachment(mail);
        String mailedQr = PdfQrCodes.read(attachedPdf).get(0);

        JsonNode verdict = json(post("/api/v1/verify", "text/plain", mailedQr, null));
        assertThat(verdict.get("valid").asBoolean()).isTrue();
        assertThat(verdict.get("format").asText()).isEqualTo("w3c-vc");
        assertThat(verdict.get("subject").toString()).contains("Erika");

        String tampered = mailedQr.replaceFirst("Erika", "Erikb");
        assertThat(tampered).isNotEqualTo(mailedQr);
        JsonNode rejected = json(post("/api/v1/verify", "text/plain", tampered, null));
        assertThat(rejected.get("valid").asBoolean()).isFalse();
        assertThat(rejected.get("reason").asText()).isNotBlank();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> json(get("/api/v1/events/" + eventId)).get("state").asText(), "delivered"::equals);
        JsonNode deliveries = json(get("/api/v1/certificates/" + certificateId + "/deliveries"))
                .get("deliveries");
        assertThat(deliveries.get(0).get("channel").asText()).isEqualTo("email");
        assertThat(deliveries.get(0).get("state").asText()).isEqualTo("sent");

        String kid = certificate.get("credentials").get("w3c-vc").get("keyId").asText();
        assertThat(get("/.well-known/jwks.json").body()).doesNotContain(kid);
        assertThat(get("/.well-known/did.json").body()).contains(kid);
        String shcKid = certificate.get("credentials").get("shc").get("keyId").asText();
        assertThat(json(get("/.well-known/jwks.json")).findValuesAsText("kid")).containsExactly(shcKid);
        String dccKid =
                certificate.get("credentials").get("eu-dcc").get("keyId").asText();
        assertThat(json(get("/.well-known/dsc.json")).findValuesAsText("kid")).contains(dccKid);

        for (String format : List.of("eu-dcc", "shc")) {
            String otherQr =
                    certificate.get("credentials").get(format).get("qr").asText();
            JsonNode otherVerdict = json(post("/api/v1/verify", "text/plain", otherQr, null));
            assertThat(otherVerdict.get("valid").asBoolean()).as(format).isTrue();
            assertThat(otherVerdict.get("format").asText()).isEqualTo(format);
            assertThat(get("/api/v1/certificates/" + certificateId + "/" + format)
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    private static byte[] pdfAttachment(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContentType().toLowerCase().startsWith("application/pdf")) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                part.getDataHandler().writeTo(bytes);
                return bytes.toByteArray();
            }
        }
        throw new AssertionError("no PDF attached to the mail");
    }
}
