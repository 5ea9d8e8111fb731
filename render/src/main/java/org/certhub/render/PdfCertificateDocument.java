package org.certhub.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.certhub.model.Certificate;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.qr.QrBitmap;
import org.certhub.signer.qr.QrCodes;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The certificate as a one-page A4 PDF: the Handlebars template {@code templates/certificate-<programme>.hbs}
 * (else {@code templates/certificate.hbs}) rendered to XHTML with the reader's texts, then to PDF by
 * openhtmltopdf with the bundled Noto Sans and Noto Sans Devanagari fonts, Devanagari text shaped into glyphs
 * beforehand ({@link DevanagariShaper}). The template gets the
 * {@link CertificateView} model plus {@code qr}, a PNG data URI of the credential's QR text (made only if used);
 * an element {@code <object type="application/x-certhub-qr"></object>} draws the QR code in vector modules
 * instead, which the bundled template does.
 *
 * <p>openhtmltopdf logs through SLF4J once this class is loaded (see {@link Slf4jXRLogger}).
 *
 * <p>Thread-safe: templates, texts and fonts are loaded and parsed once (one parsed set per concurrent
 * rendering, reused); each call builds its own PDF document.
 */
public final class PdfCertificateDocument implements CertificateDocument {

    /** CSS font families the templates use: {@code font-family: 'Noto Sans', 'Noto Sans Devanagari'}. */
    public static final String LATIN_FAMILY = "Noto Sans";

    public static final String DEVANAGARI_FAMILY = "Noto Sans Devanagari";

    private static final Pattern DEVANAGARI = Pattern.compile("\\p{IsDevanagari}");

    private static final Pattern PROGRAMME_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The font Devanagari is shaped with; its bold has the same glyphs ({@link DevanagariShaper}). */
    private static final FontFile DEVANAGARI_REGULAR =
            new FontFile("fonts/NotoSansDevanagari-Regular.ttf", DEVANAGARI_FAMILY, 400);

    private static final List<FontFile> FONTS = List.of(
            new FontFile("fonts/NotoSans-Regular.ttf", LATIN_FAMILY, 400),
            new FontFile("fonts/NotoSans-Bold.ttf", LATIN_FAMILY, 700),
            DEVANAGARI_REGULAR,
            new FontFile("fonts/NotoSansDevanagari-Bold.ttf", DEVANAGARI_FAMILY, 700));

    private static final DocumentBuilderFactory XHTML = xhtmlParsers();

    static {
        XRLog.setLoggerImpl(new Slf4jXRLogger());
    }

    private final Templates templates;
    private final int qrSizePx;
    private final List<byte[]> fontFiles;
    private final DevanagariShaper shaper;
    private final Queue<ParsedFonts> idleFonts = new ConcurrentLinkedQueue<>();

    /**
     * @param templates where {@code certificate.hbs} and the message bundles come from
     * @param qrSizePx  the QR image's width and height in pixels (at least 200; 400 scans well from paper)
     */
    public PdfCertificateDocument(Templates templates, int qrSizePx) {
        this.templates = Objects.requireNonNull(templates, "templates");
        if (qrSizePx < 200 || qrSizePx > 2000) {
            throw new IllegalArgumentException("QR size must be between 200 and 2000 pixels: " + qrSizePx);
        }
        this.qrSizePx = qrSizePx;
        this.fontFiles = FONTS.stream()
                .map(file -> file.family().equals(DEVANAGARI_FAMILY)
                        ? GlyphCodePoints.withGlyphCodePoints(read(file))
                        : read(file))
                .toList();
        this.shaper = new DevanagariShaper(read(DEVANAGARI_REGULAR));
        idleFonts.offer(parseFonts());
    }

    /** With a 400-pixel QR code. */
    public PdfCertificateDocument(Templates templates) {
        this(templates, 400);
    }

    @Override
    public byte[] pdf(Certificate certificate, SignedCredential credential, Locale locale) {
        QrBitmap modules = QrCodes.bitmap(credential.qrText(), QrCodes.errorCorrectionFor(credential.format()), 1);
        return render(html(certificate, credential, locale), new VectorQr(modules));
    }

    /** The XHTML the PDF is rendered from (for an HTML view of the certificate). */
    public String html(Certificate certificate, SignedCredential credential, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>(CertificateView.of(certificate, templates.messages(), locale));
        model.put("qr", new PngDataUri(credential, qrSizePx));
        String programme = certificate.event().programmeId();
        List<String> names =
                programme != null && PROGRAMME_ID.matcher(programme).matches()
                        ? List.of("certificate-" + programme, "certificate")
                        : List.of("certificate");
        return templates.apply(names, locale, model);
    }

    /**
     * The QR code as a PNG data URI, made only when a template writes {@code {{qr}}} (an {@code <img>}); the
     * bundled template draws it in vectors instead ({@link VectorQr}).
     */
    private record PngDataUri(SignedCredential credential, int sizePx) {
        @Override
        public String toString() {
            byte[] png = QrCodes.png(credential.qrText(), QrCodes.errorCorrectionFor(credential.format()), sizePx);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        }
    }

    private byte[] render(String xhtml, VectorQr qr) {
        ParsedFonts parsed = Optional.ofNullable(idleFonts.poll()).orElseGet(this::parseFonts);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try (PDDocument target = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            // a tagged, accessible PDF (screen readers); it also leaves out the base-14 fonts that PDFBox would
            // otherwise substitute, with a warning each, since every glyph comes from the bundled fonts
            builder.usePdfUaAccessibility(true);
            builder.withProducer("certhub");
            builder.usePDDocument(target);
            for (int i = 0; i < FONTS.size(); i++) {
                FontFile file = FONTS.get(i);
                builder.useFont(
                        new EmbeddedFont(target, parsed.fonts().get(i)),
                        file.family(),
                        file.weight(),
                        FontStyle.NORMAL,
                        true);
            }
            builder.useObjectDrawerFactory(qr.factory());
            Document dom = parse(xhtml);
            Map<Integer, String> glyphTexts = shaper.shape(dom);
            builder.withW3cDocument(dom, null);
            builder.toStream(pdf);
            builder.run();
            if (DEVANAGARI.matcher(xhtml).find()) {
                return GlyphTexts.apply(pdf.toByteArray(), glyphTexts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the certificate PDF", e);
        } finally {
            idleFonts.offer(parsed);
        }
        return pdf.toByteArray();
    }

    /**
     * The XHTML as a DOM, parsed as openhtmltopdf parses it (namespace-aware; no external entities, DTDs or
     * XIncludes, though the template's text is ours).
     */
    private static Document parse(String xhtml) {
        try {
            DocumentBuilder parser = XHTML.newDocumentBuilder();
            parser.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the template did not make well-formed XHTML", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DocumentBuilderFactory xhtmlParsers() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser refuses a security setting", e);
        }
        return factory;
    }

    private ParsedFonts parseFonts() {
        List<TrueTypeFont> parsed = new ArrayList<>();
        for (int i = 0; i < FONTS.size(); i++) {
            try {
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(fontFiles.get(i)));
                // No glyph substitution by PDFBox. Devanagari arrives shaped (DevanagariShaper), and PDFBox's
                // substitution of the glyph codes would only spoil it. A Latin font's substitutions (only its ff/fi/fl
                // ligatures and compositions of combining ogonek and horn apply) cost a regular expression per word
                // and feature, over a third of a PDF's rendering, while the ligatures draw the same as their letters
                // (21 pixels of an A4 page at 159 dpi differ, by 1/255 grey) and layout measures the letters anyway.
                font.setEnableGsub(false);
                parsed.add(font);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot parse font " + FONTS.get(i).resource(), e);
            }
        }
        return new ParsedFonts(List.copyOf(parsed));
    }

    private static byte[] read(FontFile file) {
        try (InputStream in = PdfCertificateDocument.class.getClassLoader().getResourceAsStream(file.resource())) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + file.resource());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + file.resource(), e);
        }
    }

    private record FontFile(String resource, String family, int weight) {}

    /**
     * The bundled fonts parsed once, used by one rendering at a time: a PDF embeds a subset of each font it
     * uses, and parsing the font files for every PDF would cost more than the rest of the rendering.
     */
    private record ParsedFonts(List<TrueTypeFont> fonts) {}

    /** Embeds the font in the document the first time the layout needs it, and only then. */
    private static final class EmbeddedFont extends PDFontSupplier {

        private final PDDocument document;
        private final TrueTypeFont font;
        private PDFont embedded;

        EmbeddedFont(PDDocument document, TrueTypeFont font) {
            super(null);
            this.document = document;
            this.font = font;
        }

        @Override
        public PDFont supply() {
            if (embedded == null) {
                try {
                    embedded = PDType0Font.load(document, font, true);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot embed a font", e);
                }
            }
            return embedded;
        }
    }
}
