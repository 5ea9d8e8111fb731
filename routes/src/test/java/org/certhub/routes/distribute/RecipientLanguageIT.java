package org.certhub.routes.distribute;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.certhub.routes.HubTestSupport;
import org.certhub.routes.OwnStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Deliveries in the recipient's language: a patient whose FHIR record prefers Hindi gets the mail, its PDF and the
 * PDF behind the download link in Hindi; one who prefers French gets a French SMS (the bundles' text) from the
 * gateway (WireMock); one whose record names no language gets the programme's default language.
 */
@DirtiesContext
class RecipientLanguageIT extends HubTestSupport {

    private static final WireMockServer GATEWAY = startGateway();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void smsGateway(DynamicPropertyRegistry registry) {
        OwnStorage.register(registry, "languages");
        registry.add("certhub.channels.sms.enabled", () -> "true");
        registry.add("certhub.channels.sms.url", () -> GATEWAY.baseUrl() + "/sms");
        registry.add("certhub.channels.sms.body-format", () -> "json");
        registry.add("certhub.channels.sms.body-template", () -> "{\"to\":\"{to}\",\"text\":\"{message}\"}");
        // no message-templates: the SMS texts are the message bundles' (sms.text)
        registry.add("certhub.programmes.covid-19.default-language", () -> "hi");
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop();
    }

    @Test
    void aPatientPreferringHindiGetsAHindiMailWithAHindiPdf() throws Exception {
        String family = "Hindi" + UUID.randomUUID().toString().substring(0, 8);
        String certificateId = awaitCertified(submit(record(family, "hi", false)));

        MimeMessage mail = await().atMost(WAIT)
                .until(
                        () -> Arrays.stream(MAIL.getReceivedMessages())
                                .filter(m -> text(m).contains(family))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("आपका टीकाकरण प्रमाणपत्र");
        assertThat(mail.getHeader("Content-Language")).containsExactly("hi");
        assertThat(text(mail))
                .contains("प्रिय Erika " + family, "आपका टीकाकरण प्रमाणपत्र इस ईमेल के साथ PDF के रूप में");
        // words without ि: text extraction gives that vowel sign in the order it is drawn, before its consonant
        assertThat(pdfText(pdfAttachment(mail))).contains("टीकाकरण", "नाम", "खुराक", "बैच", "29 मई 2021");

        HttpResponse<byte[]> linked = getBytes("/api/v1/certificates/" + certificateId + "/certificate.pdf");
        assertThat(pdfText(linked.body())).as("the download link's PDF").contains("नाम", "खुराक");
        HttpResponse<byte[]> asked = getBytes("/api/v1/certificates/" + certificateId + "/certificate.pdf?lang=fr");
        assertThat(pdfText(asked.body())).as("?lang= still chooses").contains("Certificat de vaccination");
    }

    @Test
    void aPatientPreferringFrenchGetsAFrenchSmsAndOneWithoutALanguageTheProgrammes() {
        awaitCertified(submit(record("Dupont", "fr-FR", true)));
        awaitCertified(submit(record("Sanslangue", null, true)));

        List<String> texts = await().atMost(WAIT)
                .until(
                        () -> GATEWAY.findAll(postRequestedFor(urlPathEqualTo("/sms"))).stream()
                                .map(request -> json(request.getBodyAsString())
                                        .get("text")
                                        .asText())
                                .toList(),
                        sent -> sent.size() >= 2);
        assertThat(texts)
                .anySatisfy(text -> assertThat(text).startsWith("Votre certificat de vaccination : http"))
                .anySatisfy(text -> assertThat(text).startsWith("आपका टीकाकरण प्रमाणपत्र: http"))
                .noneSatisfy(text -> assertThat(text).startsWith("Your vaccination certificate"));
    }

    /** The example record with its own id, the family name, a language (or none), and a mobile number instead of the mail address. */
    private static String record(String family, String language, boolean phoneOnly) {
        String communication = language == null
                ? ""
                : "\"communication\": [{\"language\": {\"coding\": [{\"system\": \"urn:ietf:bcp:47\", \"code\": \""
                        + language + "\"}]}, \"preferred\": true}], ";
        String bundle = example("immunization-bundle.json")
                .replace("IMM-2021-000147", "IMM-LANG-" + UUID.randomUUID())
                .replace("\"family\": \"Mustermann\"", "\"family\": \"" + family + "\"")
                .replace("\"gender\": \"female\"", communication + "\"gender\": \"female\"");
        return phoneOnly
                ? bundle.replace(
                        "{ \"system\": \"email\", \"value\": \"erika.mustermann@example.org\", \"use\": \"home\" }",
                        "{ \"system\": \"phone\", \"value\": \"+33 6 12 34 56 78\", \"use\": \"mobile\" }")
                : bundle;
    }

    private String submit(String bundle) {
        HttpResponse<String> accepted = post("/fhir/r4", "application/fhir+json", bundle, API_KEY);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return json(accepted).get("id").asText();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** Every text part of the mail, concatenated. */
    private static String text(Part part) {
        try {
            if (part.isMimeType("text/*")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(text(multipart.getBodyPart(i)));
                }
                return text.toString();
            }
            return "";
        } catch (Exception e) {
            throw new AssertionError("unreadable mail part", e);
        }
    }

    private static byte[] pdfAttachment(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("application/pdf")) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                part.getDataHandler().writeTo(bytes);
                return bytes.toByteArray();
            }
        }
        throw new AssertionError("no PDF attached to the mail");
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static WireMockServer startGateway() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(WireMock.post(urlPathEqualTo("/sms")).willReturn(okJson("{\"status\":\"ok\"}")));
        return server;
    }
}
