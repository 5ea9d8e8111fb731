package org.certhub.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The text behind shaped glyphs, for copying, searching and screen readers. PDFBox writes each embedded glyph's
 * {@code ToUnicode} entry from the font's {@code cmap}, which for a glyph that stands for no single character (a
 * conjunct) is its private-use code point ({@link GlyphCodePoints}). This rewrites those entries with the
 * characters the glyph was shaped from ({@link DevanagariShaper#shape(org.w3c.dom.Document)}), and drops those
 * it has no text for.
 */
final class GlyphTexts {

    private static final int ENTRIES_PER_BLOCK = 100;

    private GlyphTexts() {}

    /** The PDF with the {@code ToUnicode} maps of its Type 0 fonts rewritten; {@code pdf} when none needs it. */
    static byte[] apply(byte[] pdf, Map<Integer, String> glyphTexts) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            boolean changed = false;
            Set<COSBase> seen = new HashSet<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    if (font instanceof PDType0Font type0 && seen.add(type0.getCOSObject())) {
                        changed |= rewrite(document, type0, glyphTexts);
                    }
                }
            }
            if (!changed) {
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 1024);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static boolean rewrite(PDDocument document, PDType0Font font, Map<Integer, String> glyphTexts)
            throws IOException {
        List<String> entries = new ArrayList<>();
        boolean changed = false;
        for (int cid : embeddedCids(font)) {
            String text = font.toUnicode(cid);
            if (text == null) {
                continue;
            }
            int first = text.codePointAt(0);
            if (text.length() == 2
                    && first > GlyphCodePoints.BASE
                    && first <= GlyphCodePoints.BASE + GlyphCodePoints.MAX_GLYPH) {
                text = glyphTexts.get(first - GlyphCodePoints.BASE);
                changed = true;
            }
            if (text != null) {
                entries.add("<%04X> <%s>"
                        .formatted(
                                cid,
                                HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_16BE))));
            }
        }
        if (changed) {
            PDStream stream = new PDStream(
                    document,
                    new ByteArrayInputStream(cmap(entries).getBytes(StandardCharsets.US_ASCII)),
                    COSName.FLATE_DECODE);
            font.getCOSObject().setItem(COSName.TO_UNICODE, stream);
        }
        return changed;
    }

    /**
     * The CIDs of the glyphs embedded: PDFBox embeds a TrueType subset with CIDs the original glyph ids and a
     * {@code CIDToGIDMap} stream mapping them to the subset's (0 for a glyph left out).
     */
    private static List<Integer> embeddedCids(PDType0Font font) throws IOException {
        List<Integer> cids = new ArrayList<>();
        if (font.getDescendantFont().getCOSObject().getDictionaryObject(COSName.CID_TO_GID_MAP)
                instanceof COSStream map) {
            byte[] gids;
            try (InputStream in = map.createInputStream()) {
                gids = in.readAllBytes();
            }
            for (int cid = 1; 2 * cid + 1 < gids.length; cid++) {
                if (gids[2 * cid] != 0 || gids[2 * cid + 1] != 0) {
                    cids.add(cid);
                }
            }
        }
        return cids;
    }

    /** A ToUnicode CMap (Adobe technical note 5411) of two-byte codes with the given bfchar entries. */
    private static String cmap(List<String> entries) {
        StringBuilder cmap = new StringBuilder(64 * entries.size() + 512);
        cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (int i = 0; i < entries.size(); i += ENTRIES_PER_BLOCK) {
            List<String> block = entries.subList(i, Math.min(entries.size(), i + ENTRIES_PER_BLOCK));
            cmap.append(block.size()).append(" beginbfchar\n");
            block.forEach(entry -> cmap.append(entry).append('\n'));
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return cmap.toString();
    }
}
