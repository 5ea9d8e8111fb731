package org.certhub.signer.shc;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** DEFLATE without the zlib header and checksum (RFC 1951), as the JWS {@code zip: DEF} header means. */
final class RawDeflate {

    private static final int BUFFER = 4096;

    private RawDeflate() {}

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buffer = new byte[BUFFER];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Inflates, refusing output above {@code maxBytes} (a zip bomb) and input that is not one complete raw
     * DEFLATE stream.
     */
    static byte[] inflate(byte[] data, int maxBytes) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, data.length * 4 + 64));
            byte[] buffer = new byte[BUFFER];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated DEFLATE stream");
                }
                if (out.size() + n > maxBytes) {
                    throw new DataFormatException("inflates to more than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            if (inflater.getRemaining() > 0) {
                throw new DataFormatException("data after the end of the DEFLATE stream");
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
