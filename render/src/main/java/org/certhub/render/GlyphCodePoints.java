package org.certhub.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Glyphs written as code points: glyph {@code g} of a font is the private-use code point {@code U+F0000 + g}
 * (Supplementary Private Use Area-A). Text already shaped into glyphs ({@link DevanagariShaper}) passes as
 * ordinary text through openhtmltopdf, which measures and draws a string code point by code point, to a font whose
 * {@code cmap} maps these code points to their glyphs ({@link #withGlyphCodePoints}). The font's own mappings stay,
 * so unshaped text still draws, and the PDF's {@code ToUnicode} map keeps the real character of every glyph that
 * has one (PDFBox takes a glyph's lowest code point).
 */
final class GlyphCodePoints {

    /** Glyph 0 ({@code .notdef}) is never written; 65,534 glyphs fit in the plane's private-use area. */
    static final int BASE = 0xF0000;

    static final int MAX_GLYPH = 0xFFFD;

    private GlyphCodePoints() {}

    static int codePoint(int glyphId) {
        if (glyphId <= 0 || glyphId > MAX_GLYPH) {
            throw new IllegalArgumentException("no code point for glyph " + glyphId);
        }
        return BASE + glyphId;
    }

    /**
     * The TrueType font file with its {@code cmap} replaced by one format 12 subtable (Unicode full repertoire,
     * platforms 0/4 and 3/10): the font's Unicode mappings plus {@code U+F0000 + g} for every glyph {@code g}. The
     * other tables are copied unchanged.
     */
    static byte[] withGlyphCodePoints(byte[] ttf) {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
            int glyphs;
            TreeMap<Integer, Integer> mappings = new TreeMap<>();
            try (font) {
                glyphs = font.getNumberOfGlyphs();
                if (glyphs - 1 > MAX_GLYPH) {
                    throw new IllegalArgumentException("too many glyphs for private-use code points: " + glyphs);
                }
                CmapLookup unicode = font.getUnicodeCmapLookup();
                for (int glyph = 1; glyph < glyphs; glyph++) {
                    List<Integer> codes = unicode.getCharCodes(glyph);
                    if (codes != null) {
                        for (int code : codes) {
                            mappings.putIfAbsent(code, glyph);
                        }
                    }
                    mappings.put(codePoint(glyph), glyph);
                }
            }
            return replaceTable(ttf, "cmap", cmap(mappings));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a bundled font", e);
        }
    }

    /** A {@code cmap} table with one format 12 subtable for both Unicode encodings. */
    private static byte[] cmap(TreeMap<Integer, Integer> mappings) {
        // groups of consecutive code points mapped to consecutive glyphs: {start, end, first glyph}
        List<int[]> groups = new ArrayList<>();
        for (Map.Entry<Integer, Integer> mapping : mappings.entrySet()) {
            int code = mapping.getKey();
            int glyph = mapping.getValue();
            int[] last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && last[1] + 1 == code && last[2] + (code - last[0]) == glyph) {
                last[1] = code;
            } else {
                groups.add(new int[] {code, code, glyph});
            }
        }
        int subtableLength = 16 + 12 * groups.size();
        int headerLength = 4 + 2 * 8;
        ByteBuffer table = ByteBuffer.allocate(headerLength + subtableLength);
        table.putShort((short) 0).putShort((short) 2);
        table.putShort((short) 0).putShort((short) 4).putInt(headerLength); // Unicode, full repertoire
        table.putShort((short) 3).putShort((short) 10).putInt(headerLength); // Windows, UCS-4
        table.putShort((short) 12)
                .putShort((short) 0)
                .putInt(subtableLength)
                .putInt(0)
                .putInt(groups.size());
        for (int[] group : groups) {
            table.putInt(group[0]).putInt(group[1]).putInt(group[2]);
        }
        return table.array();
    }

    /** The font file with table {@code tag}'s data replaced, the table directory and its checksum updated. */
    static byte[] replaceTable(byte[] ttf, String tag, byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(ttf);
        int tables = Short.toUnsignedInt(in.getShort(4));
        int directoryEnd = 12 + 16 * tables;
        ByteArrayOutputStream body = new ByteArrayOutputStream(ttf.length + data.length);
        ByteBuffer directory = ByteBuffer.wrap(ttf.clone(), 0, directoryEnd);
        boolean found = false;
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            byte[] tableTag = new byte[4];
            in.get(record, tableTag);
            byte[] tableData;
            if (new String(tableTag, StandardCharsets.US_ASCII).equals(tag)) {
                tableData = data;
                found = true;
            } else {
                int offset = in.getInt(record + 8);
                int length = in.getInt(record + 4 + 8);
                tableData = Arrays.copyOfRange(ttf, offset, offset + length);
            }
            directory.putInt(record + 4, checksum(tableData));
            directory.putInt(record + 8, directoryEnd + body.size());
            directory.putInt(record + 12, tableData.length);
            body.writeBytes(tableData);
            body.writeBytes(new byte[(4 - tableData.length % 4) % 4]);
        }
        if (!found) {
            throw new IllegalArgumentException("the font has no table " + tag);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(directoryEnd + body.size());
        out.write(directory.array(), 0, directoryEnd);
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static int checksum(byte[] data) {
        int sum = 0;
        for (int i = 0; i < data.length; i += 4) {
            int word = 0;
            for (int j = 0; j < 4; j++) {
                word = (word << 8) | (i + j < data.length ? data[i + j] & 0xFF : 0);
            }
            sum += word;
        }
        return sum;
    }
}
