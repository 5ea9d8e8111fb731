package org.certhub.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Shapes Devanagari text before openhtmltopdf lays it out: each run of Devanagari letters becomes the glyphs the
 * JDK's OpenType shaper (the HarfBuzz inside OpenJDK's {@link Font#layoutGlyphVector}) chooses with Noto Sans
 * Devanagari, written as {@link GlyphCodePoints}. The shaper forms conjuncts, half forms, the reph and the
 * width variants of ि and moves ि before its consonant, which PDFBox's own Devanagari substitution does only in
 * part; and since openhtmltopdf then measures the glyphs themselves, line breaking and alignment use the shaped
 * widths.
 *
 * <p>The glyphs are those of the regular font and serve the bold one too: the two bundled files have the same glyph
 * order and substitutions ({@code DevanagariGlyphsTest} checks the shipped words). Mark positioning ({@code GPOS}
 * offsets) is not carried: each glyph is drawn at its advance, where the font's default mark positions apply.
 *
 * <p>Thread-safe: {@link Font} is immutable and the glyph table is only read after construction.
 */
final class DevanagariShaper {

    /** Elements whose text is not drawn as text of the page. */
    private static final Set<String> NOT_DRAWN = Set.of("head", "style", "script", "title");

    private static final FontRenderContext CONTEXT = new FontRenderContext(null, false, true);

    private final Font font;

    /** The character of each glyph the font's {@code cmap} maps a character to. */
    private final Map<Integer, String> glyphCharacters = new HashMap<>();

    DevanagariShaper(byte[] fontFile) {
        try {
            font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(fontFile))
                    .deriveFont(12f);
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(fontFile))) {
                CmapLookup cmap = ttf.getUnicodeCmapLookup();
                for (int glyph = 1; glyph < ttf.getNumberOfGlyphs(); glyph++) {
                    List<Integer> codes = cmap.getCharCodes(glyph);
                    if (codes != null && !codes.isEmpty()) {
                        glyphCharacters.put(glyph, Character.toString(Collections.min(codes)));
                    }
                }
            }
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("cannot load the Devanagari font for shaping", e);
        }
    }

    /** The text with each Devanagari run replaced by its glyphs; other characters stay as they are. */
    String shape(String text) {
        return shape(text, new HashMap<>());
    }

    /**
     * As {@link #shape(String)}, adding to {@code glyphTexts} the text of each glyph drawn that stands for no
     * single character (a conjunct, a half form, a vowel sign's variant): its cluster's characters less those of
     * the cluster's other glyphs; the first text seen for a glyph stays.
     */
    String shape(String text, Map<Integer, String> glyphTexts) {
        StringBuilder out = null;
        char[] chars = null;
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && inRun(text.codePointAt(i), i > start)) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, start);
                    chars = text.toCharArray();
                }
                out.append(glyphs(chars, start, i, glyphTexts));
            } else {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (out != null) {
                    out.appendCodePoint(cp);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Shapes the document's text in place, except in {@code head}; attribute values (alt texts) stay unshaped.
     *
     * @return the text of each glyph drawn that stands for no single character ({@link #shape(String, Map)}),
     *     for the PDF's {@code ToUnicode} map
     */
    Map<Integer, String> shape(Document document) {
        Map<Integer, String> glyphTexts = new HashMap<>();
        shape(document.getDocumentElement(), glyphTexts);
        return glyphTexts;
    }

    private void shape(Node node, Map<Integer, String> glyphTexts) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE ->
                    child.setNodeValue(shape(child.getNodeValue(), glyphTexts));
                case Node.ELEMENT_NODE -> {
                    String name = ((Element) child).getLocalName();
                    if (!NOT_DRAWN.contains(name == null ? child.getNodeName() : name)) {
                        shape(child, glyphTexts);
                    }
                }
                default -> {}
            }
        }
    }

    /**
     * Devanagari letters, signs and digits, and within a run the combining marks of any script (the Vedic
     * accents, nukta) and the joiners ZWJ and ZWNJ, which steer half forms.
     */
    private static boolean inRun(int codePoint, boolean continuing) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.DEVANAGARI
                || (continuing && script == Character.UnicodeScript.INHERITED);
    }

    /** The run's glyphs as code points, or the run itself when the font lacks one of its characters. */
    private String glyphs(char[] chars, int start, int end, Map<Integer, String> glyphTexts) {
        GlyphVector vector = font.layoutGlyphVector(CONTEXT, chars, start, end, Font.LAYOUT_LEFT_TO_RIGHT);
        int count = vector.getNumGlyphs();
        StringBuilder glyphs = new StringBuilder(2 * count);
        // the clusters: the first character (relative to start) of each, in the text's order
        TreeMap<Integer, List<Integer>> clusters = new TreeMap<>();
        for (int g = 0; g < count; g++) {
            int glyph = vector.getGlyphCode(g);
            if (glyph <= 0 || glyph > GlyphCodePoints.MAX_GLYPH) {
                return new String(chars, start, end - start);
            }
            glyphs.appendCodePoint(GlyphCodePoints.codePoint(glyph));
            clusters.computeIfAbsent(vector.getGlyphCharIndex(g), c -> new ArrayList<>())
                    .add(glyph);
        }
        for (Map.Entry<Integer, List<Integer>> cluster : clusters.entrySet()) {
            Integer next = clusters.higherKey(cluster.getKey());
            StringBuilder rest = new StringBuilder()
                    .append(chars, start + cluster.getKey(), (next == null ? end - start : next) - cluster.getKey());
            Integer unmapped = null;
            for (int glyph : cluster.getValue()) {
                String character = glyphCharacters.get(glyph);
                int at = character == null ? -1 : rest.indexOf(character);
                if (at >= 0) {
                    rest.delete(at, at + character.length());
                } else if (character == null && unmapped == null) {
                    unmapped = glyph;
                }
            }
            if (unmapped != null && rest.length() > 0) {
                glyphTexts.putIfAbsent(unmapped, rest.toString());
            }
        }
        return glyphs.toString();
    }

    /** For tests: the glyph ids the shaper chooses for the text, all of it taken as one run. */
    int[] glyphIds(String text) {
        return glyphs(text.toCharArray(), 0, text.length(), new HashMap<>())
                .codePoints()
                .map(cp -> cp - GlyphCodePoints.BASE)
                .toArray();
    }
}
