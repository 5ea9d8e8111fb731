package org.certhub.signer.qr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * DIVOC's binary QR payload: the signed credential JSON zipped as the single DEFLATE entry
 * {@code certificate.json}, carried as raw bytes in the QR code. Unzipping is bounded (one entry, at most
 * 64 KiB uncompressed), so a hostile payload cannot exhaust memory.
 */
public final class DivocQr {

    public static final String ENTRY_NAME = "certificate.json";
    static final int MAX_UNCOMPRESSED_BYTES = 64 * 1024;

    private DivocQr() {}

    /** Whether the bytes start like a zip file ({@code PK\3\4}). */
    public static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    public static byte[] zip(String json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length());
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.setLevel(9);
            ZipEntry entry = new ZipEntry(ENTRY_NAME);
            entry.setMethod(ZipEntry.DEFLATED);
            zip.putNextEntry(entry);
            zip.write(json.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The JSON inside; IllegalArgumentException when it is not exactly one bounded {@code certificate.json} of UTF-8. */
    public static String unzip(byte[] zipBytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes), StandardCharsets.UTF_8)) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null || !ENTRY_NAME.equals(entry.getName())) {
                throw new IllegalArgumentException("the zip holds no " + ENTRY_NAME);
            }
            byte[] json = readBounded(zip);
            if (zip.getNextEntry() != null) {
                throw new IllegalArgumentException("the zip holds more than " + ENTRY_NAME);
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the certificate is not UTF-8", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable zip: " + e.getMessage(), e);
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            total += read;
            if (total > MAX_UNCOMPRESSED_BYTES) {
                throw new IllegalArgumentException(
                        "the certificate is larger than " + MAX_UNCOMPRESSED_BYTES + " bytes");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}
