package org.certhub.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.certhub.model.Certificate;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.qr.QrBitmap;
import org.certhub.signer.qr.QrCodes;
import org.junit.jupiter.api.Test;

class PdfCertificateDocumentTest {

    private static final int QUIET_ZONE = 4;
    private static final String QR_TEXT =
            "HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQGRJPC%OQHIZC4.OI1RM8ZA.A5:S9MKN4NN3F85QNCY0O%0VZ001HOC9JU0D0HT0HB2PL/IB*09B9LW4T*8+DCMH0LDK2%K:XFE70*LP$V25$0Q:J:4MO1P0%0L0HD+9E/HY+4J6TH48S%4K.GJ2PT3QY:GQ3TE2I+-CPHN6D7LLK*2HG%89UV-0LZ 2ZJJ524-LH/CJTK96L6SR9MU9DHGZ%P WUQRENS431T1XCNCF+47AY0-IFO0500TGPN8F5G.41Q2E4T8ALW.INSV$ 07UV5SR+BNQHNML7 /KD3TU 4V*CAT3ZGLQMI/XI%ZJNSBBXK2:UG%UJMI:TU+MMPZ5$/PMX19UE:-PSR3/$NU44CBE6DQ3D7B0FBOFX0DV2DGMB$YPF62I$60/F$Z2I6IFX21XNI-LM%3/DF/U6Z9FEOJVRLVW6K$UG+BKK57:1+D10%4K83F+1VWD1NE";

    private final PdfCertificateDocument document = new PdfCertificateDocument(CertificateFixtures.templates());
    /** The bundled template with the QR code placed as vector modules instead of a PNG. */
    private final PdfCertificateDocument vector = new PdfCertificateDocument(vectorTemplates());

    @Test
    void rendersOneA4PageWithTheHoldersDetailsAndAMaskedIdentifier() throws IOException {
        byte[] pdf = document.pdf(CertificateFixtures.certificate("Asha Kumari", null), euDcc(), Locale.ENGLISH);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains(
                            "Vaccination Certificate",
                            "Asha Kumari",
                            "Comirnaty",
                            "2 of 2",
                            "FK8891",
                            "Primary Health Centre Wardha",
                            "India",
                            "CERT-0000042",
                            "Female",
                            "XXXXXXXX1234");
            assertThat(text).doesNotContain("234567891234");
        }
    }

    @Test
    void embedsAQrImageThatDecodesToTheCredentialsQrText() throws IOException {
        byte[] pdf = document.pdf(CertificateFixtures.certificate("Asha Kumari", null), euDcc(), Locale.ENGLISH);

        List<BufferedImage> images = images(pdf);
        assertThat(images).hasSize(1);
        assertThat(images.get(0).getWidth()).isGreaterThanOrEqualTo(300);
        assertThat(QrCodes.read(images.get(0))).contains(QR_TEXT);
    }

    @Test
    void embedsTheQrPngAsItIsAsAOneBitImage() throws IOException {
        byte[] pdf = document.pdf(CertificateFixtures.certificate("Asha Kumari", null), euDcc(), Locale.ENGLISH);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDResources resources = doc.getPage(0).getResources();
            List<PDImageXObject> images = new ArrayList<>();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
            assertThat(images).singleElement().satisfies(image -> {
                // the PNG's own compressed rows (PNG predictors), not pixels decoded and compressed again
                assertThat(image.getBitsPerComponent()).isEqualTo(1);
                assertThat(image.getCOSObject()
                                .getCOSDictionary(COSName.DECODE_PARMS)
                                .getInt(COSName.PREDICTOR))
                        .isEqualTo(15);
                assertThat(image.getWidth()).isEqualTo(400);
            });
        }
    }

    @Test
    void drawsTheQrCodeInVectorsThatScanToTheCredentialsQrText() throws IOException {
        byte[] pdf = vector.pdf(CertificateFixtures.certificate("Asha Kumari", null), euDcc(), Locale.ENGLISH);

        assertThat(images(pdf)).as("no image: the modules are drawn").isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200, ImageType.GRAY);
            assertThat(QrCodes.read(codeArea(page, 30))).contains(QR_TEXT);
        }
    }

    @Test
    void drawsEveryModuleOfALargeCodeWhereTheEncoderPutsIt() throws IOException {
        // a DIVOC-style W3C credential's QR text is the largest the hub draws (version 30 and more); ZXing does not
        // read such codes back from a rendering, so the modules are compared one by one
        String w3cText = "{\"@context\":[\"https://www.w3.org/2018/credentials/v1\"],\"name\":\""
                + "Asha Kumari ".repeat(110) + "\"}";
        SignedCredential credential = CertificateFixtures.credential("w3c-vc", w3cText);
        byte[] pdf = vector.pdf(CertificateFixtures.certificate("Asha Kumari", null), credential, Locale.ENGLISH);
        QrBitmap modules = QrCodes.bitmap(w3cText, QrCodes.errorCorrectionFor("w3c-vc"), 1);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage code = codeArea(new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.GRAY), 0);
            int count = modules.size() - 2 * QUIET_ZONE;
            assertThat(count).isGreaterThan(130);
            double size = code.getWidth() / (double) count;
            int wrong = 0;
            for (int row = 0; row < count; row++) {
                for (int column = 0; column < count; column++) {
                    boolean dark =
                            (code.getRGB((int) ((column + 0.5) * size), (int) ((row + 0.5) * size)) & 0xff) < 128;
                    wrong += dark == modules.isBlack(column + QUIET_ZONE, row + QUIET_ZONE) ? 0 : 1;
                }
            }
            assertThat(wrong).isZero();
        }
    }

    @Test
    void rendersConcurrentlyWithEachPdfCarryingItsOwnData() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<byte[]>> pdfs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = "Holder Number" + i;
                Locale locale = i % 2 == 0 ? Locale.ENGLISH : new Locale("hi");
                pdfs.add(pool.submit(() -> document.pdf(CertificateFixtures.certificate(name, null), euDcc(), locale)));
            }
            for (int i = 0; i < pdfs.size(); i++) {
                try (PDDocument doc = Loader.loadPDF(pdfs.get(i).get())) {
                    assertThat(new PDFTextStripper().getText(doc)).contains("Holder Number" + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rendersHindiInDevanagari() throws IOException {
        byte[] pdf = document.pdf(CertificateFixtures.certificate("आशा कुमारी", null), euDcc(), new Locale("hi", "IN"));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            // the glyphs are shaped (DevanagariShapingTest) and map back to their text, conjuncts included; words
            // with ि or a reph extract in the glyphs' visual order
            assertThat(text).contains("टीकाकरण प्रमाणपत्र", "आशा कुमारी", "नाम", "खुराक", "भारत", "CERT-0000042");
        }
    }

    @Test
    void rendersFrench() throws IOException {
        byte[] pdf = document.pdf(CertificateFixtures.certificate("Élodie Lefèvre", null), euDcc(), Locale.FRENCH);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc))
                    .contains("Certificat de vaccination", "Élodie Lefèvre", "2 sur 2", "Délivré le");
        }
    }

    @Test
    void escapesMarkupInData() throws IOException {
        Certificate hostile = CertificateFixtures.certificate("<b>Bo</b> & \"O'Neil\"", null);

        String html = document.html(hostile, euDcc(), Locale.ENGLISH);
        assertThat(html).doesNotContain("<b>Bo</b>").contains("&lt;b&gt;Bo&lt;/b&gt; &amp; &quot;O&#x27;Neil&quot;");
        try (PDDocument doc = Loader.loadPDF(document.pdf(hostile, euDcc(), Locale.ENGLISH))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("<b>Bo</b> & \"O'Neil\"");
        }
    }

    @Test
    void usesTheProgrammesTemplateWhenThereIsOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path override)
            throws IOException {
        java.nio.file.Files.createDirectories(override.resolve("templates"));
        java.nio.file.Files.writeString(
                override.resolve("templates/certificate-polio.hbs"),
                "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Polio {{holder.name}}</p>"
                        + "<img src=\"{{qr}}\" style=\"width: 60mm\"/></body></html>");
        Templates layered = Templates.from(ConfigSource.firstOf(
                ConfigSource.directory(override), ConfigSource.directory(CertificateFixtures.CONFIG)));
        PdfCertificateDocument withOverride = new PdfCertificateDocument(layered);

        assertThat(withOverride.html(CertificateFixtures.certificate("Ravi", "polio"), euDcc(), Locale.ENGLISH))
                .contains("<p>Polio Ravi</p>");
        assertThat(withOverride.html(CertificateFixtures.certificate("Ravi", "measles"), euDcc(), Locale.ENGLISH))
                .contains("Vaccination Certificate");
    }

    @Test
    void registersFontsForEveryCharacterSoNothingFallsBack() {
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> capture =
                new ch.qos.logback.core.read.ListAppender<>();
        capture.start();
        root.addAppender(capture);
        try {
            document.pdf(CertificateFixtures.certificate("आशा Kumari", null), euDcc(), new Locale("hi"));
            document.pdf(CertificateFixtures.certificate("Élodie", null), euDcc(), Locale.FRENCH);
        } finally {
            root.detachAppender(capture);
        }
        assertThat(capture.list)
                .filteredOn(event -> event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                .extracting(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
                .isEmpty();
        assertThat(capture.list)
                .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getLoggerName)
                .as("openhtmltopdf logs through SLF4J")
                .anyMatch(name -> name.startsWith("com.openhtmltopdf"));
    }

    @Test
    void rejectsAQrTooSmallToScan() {
        assertThatThrownBy(() -> new PdfCertificateDocument(CertificateFixtures.templates(), 100))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Templates vectorTemplates() {
        try {
            java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("certhub-vector-qr");
            java.nio.file.Files.createDirectories(folder.resolve("templates"));
            String bundled =
                    java.nio.file.Files.readString(CertificateFixtures.CONFIG.resolve("templates/certificate.hbs"));
            String withObject = bundled.replace(
                    "<img src=\"{{qr}}\" alt=\"{{t \"qr.alt\"}}\"/>",
                    "<object type=\"application/x-certhub-qr\" alt=\"{{t \"qr.alt\"}}\" "
                            + "style=\"display: block; width: 64mm; height: 64mm\"></object>");
            assertThat(withObject).isNotEqualTo(bundled);
            java.nio.file.Files.writeString(folder.resolve("templates/certificate.hbs"), withObject);
            folder.toFile().deleteOnExit();
            return Templates.from(ConfigSource.firstOf(
                    ConfigSource.directory(folder), ConfigSource.directory(CertificateFixtures.CONFIG)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SignedCredential euDcc() {
        return CertificateFixtures.credential("eu-dcc", QR_TEXT);
    }

    /**
     * The code as a scanner aims at it: the dark pixels of the page's upper right quarter (where the template
     * places it, alone), with a margin of white. ZXing does not find a code among a page's text.
     */
    private static BufferedImage codeArea(BufferedImage page, int margin) {
        int minX = page.getWidth();
        int minY = page.getHeight();
        int maxX = 0;
        int maxY = 0;
        for (int y = 0; y < page.getHeight() / 2; y++) {
            for (int x = page.getWidth() / 2; x < page.getWidth(); x++) {
                if ((page.getRGB(x, y) & 0xff) < 64) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return page.getSubimage(
                minX - margin, minY - margin, maxX - minX + 1 + 2 * margin, maxY - minY + 1 + 2 * margin);
    }

    private static List<BufferedImage> images(byte[] pdf) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getXObjectNames()) {
                    PDXObject object = resources.getXObject(name);
                    if (object instanceof PDImageXObject image) {
                        images.add(image.getImage());
                    }
                }
            }
        }
        return images;
    }
}
