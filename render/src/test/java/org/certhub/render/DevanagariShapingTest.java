package org.certhub.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.contentstream.operator.text.BeginText;
import org.apache.pdfbox.contentstream.operator.text.EndText;
import org.apache.pdfbox.contentstream.operator.text.MoveText;
import org.apache.pdfbox.contentstream.operator.text.SetFontAndSize;
import org.apache.pdfbox.contentstream.operator.text.ShowText;
import org.apache.pdfbox.contentstream.operator.text.ShowTextAdjusted;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Hindi PDF draws the glyphs HarfBuzz's {@code hb-shape} (Debian package {@code libharfbuzz-bin}, installed by
 * {@code .ci/run}) chooses for the same words with the same font files: conjuncts (प्र, त्र, क्ष, ष्ट्र), the reph
 * (र्म, र्ति), ि before its consonant in the width that fits it, ी's variant after ट. Skipped without
 * {@code hb-shape}, except in CI ({@code CI=true}), where it fails.
 */
class DevanagariShapingTest {

    private static final Path REGULAR = Path.of("src/main/resources/fonts/NotoSansDevanagari-Regular.ttf");
    private static final Path BOLD = Path.of("src/main/resources/fonts/NotoSansDevanagari-Bold.ttf");

    /** The holder's name (bold in the template) and words of the Hindi labels and title (regular and bold). */
    private static final String NAME = "श्री किरण कीर्ति शर्मा";

    private static final List<String> WORDS =
            List.of("श्री", "किरण", "कीर्ति", "शर्मा", "प्रमाणपत्र", "टीकाकरण", "लक्षित", "तिथि", "राष्ट्रीय");

    private static final PdfCertificateDocument DOCUMENT = new PdfCertificateDocument(CertificateFixtures.templates());

    @BeforeAll
    static void requireHbShape() {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/hb-shape"));
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("hb-shape is required in CI: apt-get install -y libharfbuzz-bin");
        }
        assumeTrue(installed, "hb-shape is not installed (apt-get install -y libharfbuzz-bin)");
    }

    @Test
    void drawsTheGlyphsHarfBuzzChooses() throws Exception {
        byte[] pdf = DOCUMENT.pdf(
                CertificateFixtures.certificate(NAME, null),
                CertificateFixtures.credential("w3c-vc", "test"),
                new Locale("hi"));

        List<Integer> drawn = devanagariGlyphs(pdf);
        for (String word : WORDS) {
            List<Integer> reference = hbShape(REGULAR, word);
            assertThat(Collections.indexOfSubList(drawn, reference))
                    .as("%s shaped by hb-shape as %s, in the PDF's glyphs %s", word, reference, drawn)
                    .isNotNegative();
        }
    }

    @Test
    void joinsConjunctsPlacesTheRephAndPutsIBeforeItsConsonant() throws Exception {
        // what the reference shows, so that the comparison above cannot pass on an unshaped reference
        assertThat(hbShape(REGULAR, "क्ष")).as("क्ष is one glyph").hasSize(1);
        assertThat(hbShape(REGULAR, "प्रमाणपत्र")).as("प्र and त्र joined").hasSize(6);
        List<Integer> ki = hbShape(REGULAR, "कि");
        assertThat(ki.get(1))
                .as("ि after क in the text, drawn before it")
                .isEqualTo(hbShape(REGULAR, "क").get(0));
        List<Integer> rma = hbShape(REGULAR, "र्म");
        assertThat(rma)
                .as("र्म is म with the reph mark")
                .hasSize(2)
                .doesNotContain(hbShape(REGULAR, "र").get(0));
    }

    @Test
    void theBoldFontHasTheRegularFontsGlyphs() throws Exception {
        // the shaper shapes with the regular font for both weights
        for (String word : WORDS) {
            assertThat(hbShape(BOLD, word)).as(word).isEqualTo(hbShape(REGULAR, word));
        }
    }

    @Test
    void shapesOnlyDevanagariAndLeavesOtherTextAlone() throws Exception {
        DevanagariShaper shaper = new DevanagariShaper(Files.readAllBytes(REGULAR));
        assertThat(shaper.shape("QR 42, Élodie")).isEqualTo("QR 42, Élodie");
        for (String word : concat(WORDS, "चिकित्सा", "श्रद्धा", "क्षमा", "स्वास्थ्य", "पूर्णिमा")) {
            assertThat(Arrays.stream(shaper.glyphIds(word)).boxed().toList())
                    .as(word)
                    .isEqualTo(hbShape(REGULAR, word));
        }
        String shaped = shaper.shape("नाम: Asha");
        assertThat(shaped).endsWith(": Asha");
        assertThat(shaped.codePoints().limit(2)).allMatch(cp -> cp > GlyphCodePoints.BASE);
    }

    @Test
    void theTextOfShapedGlyphsCanBeCopied() throws IOException {
        byte[] pdf = DOCUMENT.pdf(
                CertificateFixtures.certificate(NAME, null),
                CertificateFixtures.credential("w3c-vc", "test"),
                new Locale("hi"));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text.codePoints()).noneMatch(cp -> cp >= GlyphCodePoints.BASE);
            // words whose glyphs are in the text's order (no ि, no reph) extract as they are written
            assertThat(text).contains("प्रमाणपत्र", "टीकाकरण", "श्री", "राष्ट्रीय", "नाम");
        }
    }

    private static List<String> concat(List<String> words, String... more) {
        List<String> all = new ArrayList<>(words);
        all.addAll(List.of(more));
        return all;
    }

    /** The glyph ids hb-shape chooses for the text with the font file. */
    private static List<Integer> hbShape(Path font, String text) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "hb-shape", "--no-glyph-names", "--no-positions", "--no-clusters", font.toString(), text)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).as("hb-shape's output").startsWith("[").endsWith("]");
        List<Integer> glyphs = new ArrayList<>();
        for (String glyph : output.substring(1, output.length() - 1).split("\\|")) {
            glyphs.add(Integer.parseInt(glyph));
        }
        return glyphs;
    }

    /** The glyph ids (of the original font) the PDF shows in its Devanagari fonts, in content-stream order. */
    private static List<Integer> devanagariGlyphs(byte[] pdf) throws IOException {
        List<Integer> glyphs = new ArrayList<>();
        PDFStreamEngine engine = new PDFStreamEngine() {
            {
                addOperator(new BeginText(this));
                addOperator(new EndText(this));
                addOperator(new SetFontAndSize(this));
                addOperator(new ShowText(this));
                addOperator(new ShowTextAdjusted(this));
                addOperator(new MoveText(this));
                addOperator(new SetMatrix(this));
                addOperator(new Concatenate(this));
                addOperator(new Save(this));
                addOperator(new Restore(this));
                addOperator(new SetGraphicsStateParameters(this));
                addOperator(new DrawObject(this));
            }

            @Override
            protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                    throws IOException {
                if (font instanceof PDType0Font type0 && type0.getName().contains("Devanagari")) {
                    glyphs.add(type0.codeToCID(code));
                }
                super.showGlyph(textRenderingMatrix, font, code, displacement);
            }
        };
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            engine.processPage(doc.getPage(0));
        }
        assertThat(glyphs).as("Devanagari glyphs drawn").isNotEmpty();
        return glyphs;
    }
}
