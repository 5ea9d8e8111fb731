package org.certhub.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.junit.jupiter.api.Test;

/**
 * The Hindi PDF draws conjuncts as the font's conjunct glyphs, checked against a shaper written by others: the
 * JDK's text layout (HarfBuzz inside OpenJDK) shaping the same words with the same font file. The glyph ids the PDF
 * shows in Noto Sans Devanagari must contain each word's shaped glyph sequence, e.g. क्ष as the one glyph "kssa",
 * not क + ् + ष.
 *
 * <p>Only words PDFBox's own Devanagari substitution shapes as HarfBuzz does are listed: it applies the font's
 * ligature substitutions but not its contextual ones nor its mark positioning, so the width variants of the vowel
 * sign ि (लक्षित, विद्या), a reph before ि (कीर्ति) and some conjuncts (श्रद्धा) still differ. See docs/languages.md.
 */
class DevanagariGlyphsTest {

    private static final String FONT = "fonts/NotoSansDevanagari-Regular.ttf";

    private final PdfCertificateDocument document = new PdfCertificateDocument(CertificateFixtures.templates());

    @Test
    void conjunctsAreTheFontsConjunctGlyphsAsAReferenceShaperChoosesThem() throws Exception {
        byte[] pdf = document.pdf(
                CertificateFixtures.certificate("क्षमा स्वास्थ्य लक्ष्मी", null),
                CertificateFixtures.credential("w3c-vc", "test"),
                new Locale("hi"));

        List<Integer> drawn = devanagariGlyphs(pdf);
        // the name's three words (क्ष, स्व + स्थ्य, क्ष्म) and the title's प्रमाणपत्र (प्र, त्र)
        for (String word : List.of("क्षमा", "स्वास्थ्य", "लक्ष्मी", "प्रमाणपत्र")) {
            List<Integer> shaped = shaped(word);
            assertThat(shaped).as("the reference joins %s's conjuncts", word).hasSizeLessThan(word.length());
            assertThat(Collections.indexOfSubList(drawn, shaped))
                    .as("%s shaped %s in the PDF's glyphs %s", word, shaped, drawn)
                    .isNotNegative();
        }
        assertThat(shaped("क्ष")).as("क्ष is one glyph").hasSize(1);
    }

    /** The glyph ids of the reference shaping of {@code text} with the bundled font. */
    private static List<Integer> shaped(String text) throws IOException, FontFormatException {
        Font font;
        try (InputStream in = DevanagariGlyphsTest.class.getClassLoader().getResourceAsStream(FONT)) {
            font = Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(12f);
        }
        char[] chars = text.toCharArray();
        GlyphVector glyphs = font.layoutGlyphVector(
                new FontRenderContext(null, false, false), chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < glyphs.getNumGlyphs(); i++) {
            ids.add(glyphs.getGlyphCode(i));
        }
        return ids;
    }

    /** The glyph ids (of the original font) the PDF shows in its Devanagari font, in content-stream order. */
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
