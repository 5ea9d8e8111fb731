package org.certhub.connectors.distribution.email;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.model.Address;
import org.certhub.model.Certificate;
import org.certhub.model.Code;
import org.certhub.model.ContactPoint;
import org.certhub.model.Facility;
import org.certhub.model.Gender;
import org.certhub.model.Identifier;
import org.certhub.model.PartialDate;
import org.certhub.model.PersonName;
import org.certhub.model.Recipient;
import org.certhub.model.Vaccination;
import org.certhub.model.VaccinationEvent;
import org.certhub.render.ConfigSource;
import org.certhub.render.PdfCertificateDocument;
import org.certhub.render.Templates;
import org.certhub.signer.SignedCredential;

/** Delivery requests built by hand (signatures are never checked on the way out) and the shipped templates. */
final class EmailFixtures {

    static final String QR_TEXT =
            "HC1:NCFOXN%TSMAHN-HCPCE-TEST-NOT-A-REAL-SIGNATURE-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String SHC_JWS =
            "eyJ6aXAiOiJERUYiLCJhbGciOiJFUzI1NiJ9.3ZJNb9swDIb_SqFdncR20qTxtV2wbocBW7cdihwYmYlVSLKhDydZkf8-Sm2HbWg7DNhpN4p8-JJ8pAemUJGoE4VZxBEZVBO_M_7Qz0QCrQ.c2lnbmF0dXJl";

    private static final Templates TEMPLATES = Templates.from(ConfigSource.directory(Path.of("..", "..", "config")));
    private static final PdfCertificateDocument DOCUMENT = new PdfCertificateDocument(TEMPLATES);

    private EmailFixtures() {}

    static Templates templates() {
        return TEMPLATES;
    }

    static PdfCertificateDocument document() {
        return DOCUMENT;
    }

    static DeliveryRequest request(String deliveryId, String name, String email, Locale locale) {
        List<ContactPoint> contacts = email == null
                ? List.of(new ContactPoint(ContactPoint.Channel.PHONE, "+919800000000"))
                : List.of(new ContactPoint(ContactPoint.Channel.EMAIL, email));
        Recipient recipient = new Recipient(
                new PersonName(List.of(name.split(" ")[0]), name.split(" ")[1], null),
                new PartialDate("1990-02"),
                Gender.MALE,
                List.of(new Identifier(Identifier.IdentifierType.PASSPORT, null, "Z1234567")),
                contacts,
                Address.ofCountry("IN"),
                "IN");
        Vaccination vaccination = new Vaccination(
                new Code("http://snomed.info/sct", "1119305005", "COVID-19 antigen vaccine"),
                new Code(null, "Covishield", "Covishield"),
                null,
                null,
                "4121Z025",
                LocalDate.of(2021, 9, 1),
                1,
                2,
                "IN",
                LocalDate.of(2021, 12, 1));
        VaccinationEvent event = new VaccinationEvent(
                "emr",
                "rec-7",
                null,
                "covid-19",
                recipient,
                vaccination,
                new Facility("PHC-3", "Community Health Centre Pune", null),
                null);
        Certificate certificate =
                new Certificate("CERT-7", 1, null, "evt-7", event, Instant.parse("2021-09-02T10:00:00Z"));
        Map<String, SignedCredential> credentials = Map.of(
                "eu-dcc", new SignedCredential("eu-dcc", "kid-1", QR_TEXT, "text/plain", QR_TEXT),
                "shc",
                        new SignedCredential(
                                "shc", "kid-2", SHC_JWS, "application/jose", "shc:/5676290952432060346029"));
        return new DeliveryRequest(
                deliveryId, certificate, credentials, "eu-dcc", "https://certs.example.org/c/CERT-7", locale);
    }

    static List<BufferedImage> images(byte[] pdf) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    PDXObject object = page.getResources().getXObject(name);
                    if (object instanceof PDImageXObject image) {
                        images.add(image.getImage());
                    }
                }
            }
        }
        return images;
    }
}
