package org.certhub.connectors.distribution.digilocker;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.certhub.connectors.http.HttpAuth;
import org.certhub.model.ContactPoint;
import org.certhub.render.CertificateDocument;
import org.w3c.dom.Element;

/**
 * The issuer side of DigiLocker's pull API, for the hub's endpoints {@code POST /cert/api/pullUriRequest} and
 * {@code POST /cert/api/pullDocRequest}. Each method takes the raw request body and the
 * {@code x-digilocker-hmac} header and returns the XML answer (HTTP 200, {@code application/xml}), or throws
 * {@link DigiLockerRequestException} whose {@code httpStatus()} the endpoint answers with (401 for a missing
 * or wrong HMAC, 400 for anything but a well-formed request). A document that is not found, or whose mobile
 * number does not match, is a 200 answer with {@code Status="0"}.
 */
public final class DigiLockerPullService {

    public static final String HMAC_HEADER = "x-digilocker-hmac";
    public static final String CONTENT_TYPE = "application/xml";

    /** Larger bodies are refused before the HMAC is even computed. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;

    private static final DateTimeFormatter TS = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private final DigiLockerPullSettings settings;
    private final DigiLockerDocumentLookup lookup;
    private final CertificateDocument document;
    private final Clock clock;
    private final HttpAuth.BodyHmac hmac;

    public DigiLockerPullService(
            DigiLockerPullSettings settings,
            DigiLockerDocumentLookup lookup,
            CertificateDocument document,
            Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.document = Objects.requireNonNull(document, "document");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hmac = new HttpAuth.BodyHmac(HMAC_HEADER, settings.hmacKey(), HttpAuth.BodyHmac.Encoding.BASE64_OF_HEX);
    }

    /** Answers a {@code PullURIRequest}: the document's URI and content, if the tracking id and mobile match. */
    public String pullUri(byte[] body, String hmacHeader) {
        PullUriRequest request = parsePullUri(authenticated(body, hmacHeader));
        Optional<DigiLockerDocument> found = Optional.ofNullable(request.trackingId())
                .flatMap(lookup::byTrackingId)
                .filter(doc -> mobileMatches(doc, request.mobile()));
        return write("PullURIResponse", request.txn(), found.map(doc -> (DocDetails) xml -> {
            echo(xml, request.docType(), request.digiLockerId(), request.uid(), request.fullName(), request.dob());
            SecureXml.element(
                    xml, "URI", settings.issuer().uri(doc.certificate().id()));
            content(xml, doc, request.format());
        }));
    }

    /** Answers a {@code PullDocRequest}: the content of the document a URI of this issuer names. */
    public String pullDoc(byte[] body, String hmacHeader) {
        PullDocRequest request = parsePullDoc(authenticated(body, hmacHeader));
        Optional<DigiLockerDocument> found =
                settings.issuer().certificateId(request.uri()).flatMap(lookup::byCertificateId);
        return write("PullDocResponse", request.txn(), found.map(doc ->
                (DocDetails) xml -> content(xml, doc, request.format())));
    }

    /** Parses a {@code PullURIRequest} (the body must already be authenticated). */
    public static PullUriRequest parsePullUri(byte[] body) {
        Element root = root(body, "PullURIRequest");
        Element details = details(root);
        return new PullUriRequest(
                SecureXml.attribute(root, "ver"),
                SecureXml.attribute(root, "ts"),
                SecureXml.attribute(root, "txn"),
                SecureXml.attribute(root, "orgId"),
                DocFormat.parse(SecureXml.attribute(root, "format")),
                SecureXml.childText(details, "DocType"),
                SecureXml.childText(details, "DigiLockerId"),
                SecureXml.childText(details, "UID"),
                SecureXml.childText(details, "FullName"),
                SecureXml.childText(details, "DOB"),
                SecureXml.childText(details, "tracking_id"),
                SecureXml.childText(details, "Mobile"));
    }

    /** Parses a {@code PullDocRequest} (the body must already be authenticated). */
    public static PullDocRequest parsePullDoc(byte[] body) {
        Element root = root(body, "PullDocRequest");
        Element details = details(root);
        return new PullDocRequest(
                SecureXml.attribute(root, "ver"),
                SecureXml.attribute(root, "ts"),
                SecureXml.attribute(root, "txn"),
                SecureXml.attribute(root, "orgId"),
                DocFormat.parse(SecureXml.attribute(root, "format")),
                SecureXml.childText(details, "URI"),
                SecureXml.childText(details, "DigiLockerId"),
                SecureXml.childText(details, "UID"),
                SecureXml.childText(details, "FullName"),
                SecureXml.childText(details, "DOB"));
    }

    private byte[] authenticated(byte[] body, String hmacHeader) {
        if (body == null || body.length > MAX_REQUEST_BYTES) {
            throw DigiLockerRequestException.badRequest("the request body is missing or too large", null);
        }
        if (!hmac.verify(body, hmacHeader)) {
            throw DigiLockerRequestException.unauthorized();
        }
        return body;
    }

    private static Element root(byte[] body, String expected) {
        Element root;
        try {
            root = SecureXml.parse(body).getDocumentElement();
        } catch (IllegalArgumentException e) {
            throw DigiLockerRequestException.badRequest("the request is not well-formed XML without a DOCTYPE", e);
        }
        if (!expected.equals(SecureXml.localName(root))) {
            throw DigiLockerRequestException.badRequest("expected a " + expected, null);
        }
        return root;
    }

    private static Element details(Element root) {
        return SecureXml.child(root, "DocDetails")
                .orElseThrow(() -> DigiLockerRequestException.badRequest("the request has no DocDetails", null));
    }

    /** Whether a recipient's phone number ends in the same {@code mobileMatchDigits} digits as {@code mobile}. */
    private boolean mobileMatches(DigiLockerDocument doc, String mobile) {
        Optional<String> wanted = trailingDigits(mobile);
        return wanted.isPresent()
                && doc.certificate().recipient().contacts().stream()
                        .filter(c -> c.channel() == ContactPoint.Channel.PHONE)
                        .map(c -> trailingDigits(c.value()))
                        .flatMap(Optional::stream)
                        .anyMatch(wanted.get()::equals);
    }

    private Optional<String> trailingDigits(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String digits = phone.replaceAll("[^0-9]", "");
        int n = settings.mobileMatchDigits();
        return digits.length() < n ? Optional.empty() : Optional.of(digits.substring(digits.length() - n));
    }

    private void content(XMLStreamWriter xml, DigiLockerDocument doc, DocFormat format) throws XMLStreamException {
        if (format.includesPdf()) {
            byte[] pdf = document.pdf(doc.certificate(), doc.credential(), doc.locale());
            SecureXml.element(xml, "DocContent", Base64.getEncoder().encodeToString(pdf));
        }
        if (format.includesData()) {
            SecureXml.element(
                    xml,
                    "DataContent",
                    Base64.getEncoder()
                            .encodeToString(dataContent(
                                            doc.certificate().id(),
                                            doc.credential().document())
                                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** {@code <certificate id="..."><![CDATA[signed JSON]]></certificate>}, as DIVOC's lockers read it. */
    static String dataContent(String certificateId, String signedJson) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartElement("certificate");
            xml.writeAttribute("id", certificateId);
            // a "]]>" inside the JSON ends one CDATA section and starts the next
            String[] parts = signedJson.split("]]>", -1);
            for (int i = 0; i < parts.length; i++) {
                String part = (i > 0 ? ">" : "") + parts[i] + (i < parts.length - 1 ? "]]" : "");
                xml.writeCData(part);
            }
            xml.writeEndElement();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the DataContent XML", e);
        }
        return out.toString();
    }

    @FunctionalInterface
    private interface DocDetails {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    /** {@code <Root><ResponseStatus Status="1|0" ts txn/><DocDetails>...</DocDetails></Root>}. */
    private String write(String rootName, String txn, Optional<DocDetails> details) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(rootName);
            xml.writeNamespace("ns2", "http://tempuri.org/");
            xml.writeEmptyElement("ResponseStatus");
            xml.writeAttribute("Status", details.isPresent() ? "1" : "0");
            xml.writeAttribute(
                    "ts",
                    LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(TS));
            xml.writeAttribute("txn", txn == null ? "" : txn);
            if (details.isPresent()) {
                xml.writeStartElement("DocDetails");
                details.get().write(xml);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the " + rootName, e);
        }
        return out.toString();
    }

    private static void echo(
            XMLStreamWriter xml, String docType, String digiLockerId, String uid, String fullName, String dob)
            throws XMLStreamException {
        SecureXml.element(xml, "DocType", docType);
        SecureXml.element(xml, "DigiLockerId", digiLockerId);
        SecureXml.element(xml, "UID", uid);
        SecureXml.element(xml, "FullName", fullName);
        SecureXml.element(xml, "DOB", dob);
    }
}
