package org.certhub.connectors.distribution.digilocker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import org.certhub.connectors.distribution.spi.TestRequests;
import org.certhub.connectors.http.Secret;
import org.certhub.model.Certificate;
import org.certhub.model.ContactPoint;
import org.certhub.render.CertificateDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DigiLockerPullServiceTest {

    private static final String KEY = "digilocker-api-key-for-tests";
    private static final byte[] PDF = "%PDF-1.7 certificate".getBytes(StandardCharsets.US_ASCII);
    private static final DigiLockerIssuer ISSUER = new DigiLockerIssuer("in.gov.certhub", "VACER");

    private final List<String> lookedUp = new ArrayList<>();
    private DigiLockerPullService service;

    @BeforeEach
    void setUp() {
        Certificate certificate = TestRequests.certificate(
                "CERT-DL1",
                List.of(new ContactPoint(ContactPoint.Channel.PHONE, TestRequests.PHONE)),
                TestRequests.FACILITY_ID,
                TestRequests.PROGRAMME_ID,
                TestRequests.GIVEN_NAME);
        DigiLockerDocument document = new DigiLockerDocument(certificate, TestRequests.credential(), Locale.ENGLISH);
        DigiLockerDocumentLookup lookup = new DigiLockerDocumentLookup() {
            @Override
            public Optional<DigiLockerDocument> byTrackingId(String trackingId) {
                lookedUp.add(trackingId);
                return "PEC-1".equals(trackingId) ? Optional.of(document) : Optional.empty();
            }

            @Override
            public Optional<DigiLockerDocument> byCertificateId(String certificateId) {
                lookedUp.add(certificateId);
                return "CERT-DL1".equals(certificateId) ? Optional.of(document) : Optional.empty();
            }
        };
        CertificateDocument renderer = (c, credential, locale) -> PDF.clone();
        service = new DigiLockerPullService(
                new DigiLockerPullSettings(ISSUER, Secret.of(KEY), 0),
                lookup,
                renderer,
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
    }

    /** DigiLocker's scheme, computed independently of the code under test: Base64(hex(HMAC-SHA256(key, body))). */
    private static String hmac(String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hex = HexFormat.of().formatHex(mac.doFinal(body));
        return Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] pullUri(String format, String trackingId, String mobile) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<PullURIRequest xmlns:ns2=\"http://tempuri.org/\" ver=\"1.0\" ts=\"2026-11-25T10:00:00+05:30\""
                        + " txn=\"txn-42\" orgId=\"in.gov.certhub\" format=\"" + format + "\">"
                        + "<DocDetails><DocType>VACER</DocType><DigiLockerId>dl-123</DigiLockerId><UID>XXXXXXXX3344</UID>"
                        + "<FullName>Asha Verma</FullName><DOB>12-08-1964</DOB><Photo/><tracking_id>" + trackingId
                        + "</tracking_id><Mobile>" + mobile + "</Mobile><UDF1/></DocDetails></PullURIRequest>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pullDoc(String uri, String format) {
        return ("<PullDocRequest ver=\"1.0\" ts=\"2026-11-25T10:00:00\" txn=\"txn-43\" orgId=\"in.gov.certhub\""
                        + " format=\"" + format + "\"><DocDetails><URI>" + uri
                        + "</URI><DigiLockerId>dl-123</DigiLockerId>"
                        + "<UID/><FullName>Asha Verma</FullName><DOB>12-08-1964</DOB></DocDetails></PullDocRequest>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }

    private static Element only(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        assertThat(nodes.getLength()).as(name).isEqualTo(1);
        return (Element) nodes.item(0);
    }

    private static boolean has(Element parent, String name) {
        return parent.getElementsByTagName(name).getLength() > 0;
    }

    @Test
    void aSignedPullUriRequestGetsTheDocumentAndItsSignedData() throws Exception {
        byte[] body = pullUri("both", "PEC-1", "9876543210");

        Element response = parse(service.pullUri(body, hmac(KEY, body)));

        assertThat(response.getTagName()).isEqualTo("PullURIResponse");
        Element status = only(response, "ResponseStatus");
        assertThat(status.getAttribute("Status")).isEqualTo("1");
        assertThat(status.getAttribute("txn")).isEqualTo("txn-42");
        assertThat(status.getAttribute("ts")).isEqualTo("2026-11-25T10:00:00");
        Element details = only(response, "DocDetails");
        assertThat(only(details, "URI").getTextContent()).isEqualTo("in.gov.certhub-VACER-CERT-DL1");
        assertThat(only(details, "DocType").getTextContent()).isEqualTo("VACER");
        assertThat(only(details, "DigiLockerId").getTextContent()).isEqualTo("dl-123");
        assertThat(Base64.getDecoder().decode(only(details, "DocContent").getTextContent()))
                .isEqualTo(PDF);

        String data = new String(
                Base64.getDecoder().decode(only(details, "DataContent").getTextContent()), StandardCharsets.UTF_8);
        assertThat(data)
                .isEqualTo("<certificate id=\"CERT-DL1\"><![CDATA[" + TestRequests.SIGNED_JSON + "]]></certificate>");
        Element certificate = parse(data);
        assertThat(certificate.getAttribute("id")).isEqualTo("CERT-DL1");
        assertThat(certificate.getTextContent()).isEqualTo(TestRequests.SIGNED_JSON);
    }

    @Test
    void theFormatAttributeChoosesPdfOrData() throws Exception {
        byte[] xmlOnly = pullUri("xml", "PEC-1", TestRequests.PHONE);
        byte[] pdfOnly = pullUri("pdf", "PEC-1", TestRequests.PHONE);

        Element xml = parse(service.pullUri(xmlOnly, hmac(KEY, xmlOnly)));
        Element pdf = parse(service.pullUri(pdfOnly, hmac(KEY, pdfOnly)));

        assertThat(has(xml, "DataContent")).isTrue();
        assertThat(has(xml, "DocContent")).isFalse();
        assertThat(has(pdf, "DocContent")).isTrue();
        assertThat(has(pdf, "DataContent")).isFalse();
    }

    @Test
    void aBadOrMissingHmacIsRejectedBeforeAnythingIsLookedUp() throws Exception {
        byte[] body = pullUri("both", "PEC-1", "9876543210");
        String hexOnly = new String(Base64.getDecoder().decode(hmac(KEY, body)), StandardCharsets.US_ASCII);
        List<String> wrong = new ArrayList<>(
                List.of(hmac("another-key", body), hmac(KEY, pullUri("both", "PEC-2", "9876543210")), hexOnly, ""));
        wrong.add(null);

        for (String header : wrong) {
            assertThatThrownBy(() -> service.pullUri(body, header))
                    .isInstanceOfSatisfying(
                            DigiLockerRequestException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(401));
        }
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void aWrongMobileNumberFindsNothing() throws Exception {
        for (String mobile : List.of("9876543211", "", "43210", "+44 7700 900123")) {
            byte[] body = pullUri("both", "PEC-1", mobile);

            Element response = parse(service.pullUri(body, hmac(KEY, body)));

            assertThat(only(response, "ResponseStatus").getAttribute("Status"))
                    .as(mobile)
                    .isEqualTo("0");
            assertThat(has(response, "DocDetails")).isFalse();
        }
    }

    @Test
    void theMobileNumberMatchesWhateverItsPrefix() throws Exception {
        for (String mobile : List.of("+919876543210", "09876543210", "98765-43210")) {
            byte[] body = pullUri("xml", "PEC-1", mobile);

            assertThat(only(parse(service.pullUri(body, hmac(KEY, body))), "ResponseStatus")
                            .getAttribute("Status"))
                    .as(mobile)
                    .isEqualTo("1");
        }
    }

    @Test
    void anUnknownTrackingIdFindsNothing() throws Exception {
        byte[] body = pullUri("both", "PEC-404", "9876543210");

        assertThat(only(parse(service.pullUri(body, hmac(KEY, body))), "ResponseStatus")
                        .getAttribute("Status"))
                .isEqualTo("0");
    }

    @Test
    void anExternalEntityIsRefusedEvenWhenSigned() throws Exception {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE PullURIRequest [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + "<PullURIRequest ver=\"1.0\" txn=\"t\"><DocDetails><tracking_id>&xxe;</tracking_id>"
                        + "<Mobile>9876543210</Mobile></DocDetails></PullURIRequest>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> service.pullUri(xxe, hmac(KEY, xxe)))
                .isInstanceOfSatisfying(
                        DigiLockerRequestException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(400));
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void entityExpansionIsRefused() throws Exception {
        byte[] laughs =
                ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                                + "<PullDocRequest><DocDetails><URI>&b;</URI></DocDetails></PullDocRequest>")
                        .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> service.pullDoc(laughs, hmac(KEY, laughs)))
                .isInstanceOfSatisfying(
                        DigiLockerRequestException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(400));
    }

    @Test
    void malformedOrUnexpectedRequestsAreBadRequests() throws Exception {
        for (String xml : List.of(
                "<PullURIRequest><DocDetails>",
                "<Other/>",
                "<PullURIRequest/>",
                "not xml",
                "<PullURIRequest format=\"docx\"><DocDetails/></PullURIRequest>")) {
            byte[] body = xml.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> service.pullUri(body, hmac(KEY, body)))
                    .as(xml)
                    .isInstanceOfSatisfying(
                            DigiLockerRequestException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(400));
        }
    }

    @Test
    void aPullDocRequestGetsTheContentOfOurUri() throws Exception {
        byte[] body = pullDoc("in.gov.certhub-VACER-CERT-DL1", "both");

        Element response = parse(service.pullDoc(body, hmac(KEY, body)));

        assertThat(response.getTagName()).isEqualTo("PullDocResponse");
        assertThat(only(response, "ResponseStatus").getAttribute("Status")).isEqualTo("1");
        assertThat(only(response, "ResponseStatus").getAttribute("txn")).isEqualTo("txn-43");
        assertThat(Base64.getDecoder().decode(only(response, "DocContent").getTextContent()))
                .isEqualTo(PDF);
        assertThat(new String(
                        Base64.getDecoder().decode(only(response, "DataContent").getTextContent()),
                        StandardCharsets.UTF_8))
                .contains(TestRequests.SIGNED_JSON);
    }

    @Test
    void aPullDocRequestForAnotherIssuersUriFindsNothing() throws Exception {
        for (String uri :
                List.of("in.gov.other-VACER-CERT-DL1", "in.gov.certhub-DRVLC-CERT-DL1", "in.gov.certhub-VACER-")) {
            byte[] body = pullDoc(uri, "both");

            assertThat(only(parse(service.pullDoc(body, hmac(KEY, body))), "ResponseStatus")
                            .getAttribute("Status"))
                    .as(uri)
                    .isEqualTo("0");
        }
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void signedJsonHoldingACdataEndStillRoundTrips() throws Exception {
        String json = "{\"note\":\"a]]>b\"}";

        assertThat(parse(DigiLockerPullService.dataContent("C-1", json)).getTextContent())
                .isEqualTo(json);
    }

    @Test
    void textFromTheRequestIsEscapedInTheAnswer() throws Exception {
        byte[] body =
                ("<PullDocRequest txn=\"a&lt;b&amp;c&quot;\"><DocDetails><URI>x</URI></DocDetails></PullDocRequest>")
                        .getBytes(StandardCharsets.UTF_8);

        Element response = parse(service.pullDoc(body, hmac(KEY, body)));

        assertThat(only(response, "ResponseStatus").getAttribute("txn")).isEqualTo("a<b&c\"");
    }

    @Test
    void settingsHideTheKey() {
        assertThat(new DigiLockerPullSettings(ISSUER, Secret.of(KEY), 10).toString())
                .doesNotContain(KEY);
    }
}
