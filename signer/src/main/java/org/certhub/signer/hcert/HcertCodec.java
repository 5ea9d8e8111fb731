package org.certhub.signer.hcert;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The transport layers of HCERT, one public method per stage so that tests and diagnostics can run each on
 * its own: {@code HC1:} prefix, Base45, zlib, COSE_Sign1 and CWT claims. Each decoding step fails with an
 * {@link HcertException} naming its stage.
 */
public final class HcertCodec {

    /** The context identifier of HCERT 1.x. */
    public static final String PREFIX = "HC1:";
    /** Decompression stops beyond this size: a DCC is a few kilobytes, anything larger is hostile. */
    static final int MAX_DECOMPRESSED_BYTES = 128 * 1024;

    private HcertCodec() {}

    /** zlib-compresses the COSE message, Base45-encodes it and prefixes {@code HC1:}: the QR code text. */
    public static String encode(byte[] cose) {
        return PREFIX + Base45.encode(compress(cose));
    }

    /** zlib (deflate with the zlib header and checksum), best compression. */
    public static byte[] compress(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The Base45 text after the {@code HC1:} prefix. */
    public static String unprefix(String qrText) {
        if (qrText == null || !qrText.startsWith(PREFIX)) {
            throw new HcertException(HcertStage.UNPREFIX, "text does not start with " + PREFIX);
        }
        return qrText.substring(PREFIX.length());
    }

    public static byte[] base45Decode(String base45) {
        try {
            return Base45.decode(base45);
        } catch (IllegalArgumentException e) {
            throw new HcertException(HcertStage.BASE45, e.getMessage(), e);
        }
    }

    /** Inflates zlib data; raw deflate, uncompressed or truncated data is rejected. */
    public static byte[] decompress(byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 3);
            byte[] buffer = new byte[2048];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new HcertException(HcertStage.DECOMPRESS, "zlib stream is truncated");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_DECOMPRESSED_BYTES) {
                    throw new HcertException(
                            HcertStage.DECOMPRESS, "decompressed data exceeds " + MAX_DECOMPRESSED_BYTES + " bytes");
                }
            }
            if (inflater.getRemaining() > 0) {
                throw new HcertException(HcertStage.DECOMPRESS, "data after the end of the zlib stream");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new HcertException(HcertStage.DECOMPRESS, "not zlib data", e);
        } finally {
            inflater.end();
        }
    }

    public static CoseSign1 decodeCose(byte[] cose) {
        return CoseSign1.decode(cose);
    }

    public static HcertPayload decodeCwt(byte[] cwt) {
        return HcertPayload.decode(cwt);
    }

    /** A QR text decoded through every layer (nothing verified yet). */
    public record Decoded(CoseSign1 cose, HcertPayload payload) {}

    /** Runs every decoding stage in order. */
    public static Decoded decode(String qrText) {
        CoseSign1 cose = decodeCose(decompress(base45Decode(unprefix(qrText))));
        return new Decoded(cose, decodeCwt(cose.payload()));
    }
}
