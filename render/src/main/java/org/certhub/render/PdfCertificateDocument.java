package org.certhub.render;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.certhub.model.Certificate;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.qr.QrCodes;

/**
 * The certificate as a one-page A4 PDF: the Handlebars template {@code templates/certificate-<programme>.hbs}
 * (else {@code templates/certificate.hbs}) rendered to XHTML with the reader's texts, then to PDF by
 * openhtmltopdf with the bundled Noto Sans and Noto Sans Devanagari fonts. The template gets the
 * {@link CertificateView} model plus {@code qr}, a PNG data URI of the credential's QR text.
 *
 * <p>Thread-safe: templates, texts and font files are loaded once; each call builds its own PDF document.
 */
public final class PdfCertificateDocument implements CertificateDocument {

    /** CSS font families the templates use: {@code font-family: 'Noto Sans', 'Noto Sans Devanagari'}. */
    public static final String LATIN_FAMILY = "Noto Sans";
    public static final String DEVANAGARI_FAMILY = "Noto Sans Devanagari";

    private static final List<FontFile> FONTS = List.of(
            new FontFile("fonts/NotoSans-Regular.ttf", LATIN_FAMILY, 400),
            new FontFile("fonts/NotoSans-Bold.ttf", LATIN_FAMILY, 700),
            new FontFile("fonts/NotoSansDevanagari-Regular.ttf", DEVANAGARI_FAMILY, 400),
            new FontFile("fonts/NotoSansDevanagari-Bold.ttf", DEVANAGARI_FAMILY, 700));

    private final Templates templates;
    private final int qrSizePx;
    private final List<LoadedFont> fonts;

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
        this.fonts = FONTS.stream().map(LoadedFont::load).toList();
    }

    /** With a 400-pixel QR code. */
    public PdfCertificateDocument(Templates templates) {
        this(templates, 400);
    }

    @Override
    public byte[] pdf(Certificate certificate, SignedCredential credential, Locale locale) {
        return render(html(certificate, credential, locale));
    }

    /** The XHTML the PDF is rendered from (for an HTML view of the certificate). */
    public String html(Certificate certificate, SignedCredential credential, Locale locale) {
        Map<String, Object> model = new java.util.LinkedHashMap<>(CertificateView.of(certificate, templates.messages(), locale));
        byte[] png = QrCodes.png(credential.qrText(), errorCorrection(credential.format()), qrSizePx);
        model.put("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
        String programme = certificate.event().programmeId();
        List<String> names = programme != null && programme.matches("[A-Za-z0-9_-]{1,64}")
                ? List.of("certificate-" + programme, "certificate")
                : List.of("certificate");
        return templates.apply(names, locale, model);
    }

    /**
     * The error correction a format's QR code uses: EU DCC recommends Q, SMART Health Cards L (their
     * payload is large), everything else M.
     */
    public static ErrorCorrectionLevel errorCorrection(String format) {
        return switch (format) {
            case "eu-dcc" -> ErrorCorrectionLevel.Q;
            case "shc" -> ErrorCorrectionLevel.L;
            default -> ErrorCorrectionLevel.M;
        };
    }

    private byte[] render(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        // a tagged, accessible PDF (screen readers); it also leaves out the base-14 fonts that PDFBox would
        // otherwise substitute, with a warning each, since every glyph comes from the bundled fonts
        builder.usePdfUaAccessibility(true);
        builder.withProducer("certhub");
        for (LoadedFont font : fonts) {
            builder.useFont(font::open, font.file().family(), font.file().weight(), FontStyle.NORMAL, true);
        }
        builder.withHtmlContent(xhtml, null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the certificate PDF", e);
        }
        return pdf.toByteArray();
    }

    private record FontFile(String resource, String family, int weight) {
    }

    private record LoadedFont(FontFile file, byte[] bytes) {

        static LoadedFont load(FontFile file) {
            try (InputStream in = PdfCertificateDocument.class.getClassLoader().getResourceAsStream(file.resource())) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the classpath: " + file.resource());
                }
                return new LoadedFont(file, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font " + file.resource(), e);
            }
        }

        InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }
}
