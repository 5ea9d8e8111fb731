package org.certhub.signer.w3c;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * W3C Bitstring Status List v1.0 for revocation: the {@code credentialStatus} entry of a credential and the
 * {@code encodedList} of its list (multibase base64url, no padding, of the GZIP-compressed bitstring; index 0 is the
 * most significant bit of the first byte; a set bit means revoked).
 */
public final class BitstringStatusList {

    /** Bits per list: the specification's minimum (16 KiB), which gives holders herd privacy. */
    public static final int LIST_SIZE = 131_072;

    public static final String ENTRY_TYPE = "BitstringStatusListEntry";
    public static final String CREDENTIAL_TYPE = "BitstringStatusListCredential";
    public static final String LIST_TYPE = "BitstringStatusList";
    public static final String PURPOSE = "revocation";
    private static final int LIST_BYTES = LIST_SIZE / 8;

    private BitstringStatusList() {}

    /** The {@code credentialStatus} entry for the certificate at {@code index}, its lists under {@code listBaseUrl}. */
    static JsonObject entry(String listBaseUrl, long index) {
        String list = listUrl(listBaseUrl, index / LIST_SIZE);
        String position = Long.toString(index % LIST_SIZE);
        return JsonP.PROVIDER
                .createObjectBuilder()
                .add("id", list + "#" + position)
                .add("type", ENTRY_TYPE)
                .add("statusPurpose", PURPOSE)
                .add("statusListIndex", position)
                .add("statusListCredential", list)
                .build();
    }

    public static String listUrl(String listBaseUrl, long list) {
        return listBaseUrl + list;
    }

    /** The {@code encodedList} with the bits at {@code positions} set. */
    public static String encode(Collection<Integer> positions) {
        byte[] bits = new byte[LIST_BYTES];
        for (int position : positions) {
            if (position < 0 || position >= LIST_SIZE) {
                throw new IllegalArgumentException("status list position out of range: " + position);
            }
            bits[position >> 3] |= (byte) (0x80 >>> (position & 7));
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(256);
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
    }

    /**
     * Whether the bit at {@code position} of an {@code encodedList} is set.
     *
     * @throws IllegalArgumentException when the list is not multibase base64url GZIP, is larger than a list may be,
     *                                  or does not reach the position
     */
    public static boolean isSet(String encodedList, int position) {
        if (encodedList == null || !encodedList.startsWith("u") || position < 0) {
            throw new IllegalArgumentException("not a multibase base64url encodedList");
        }
        byte[] bits;
        try (InputStream in = new GZIPInputStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(encodedList.substring(1))))) {
            // read one byte more than the largest list certhub accepts, so a compression bomb stops here
            bits = in.readNBytes(16 * LIST_BYTES + 1);
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP data", e);
        }
        if (bits.length > 16 * LIST_BYTES || position >= bits.length * 8) {
            throw new IllegalArgumentException("status list position outside the list");
        }
        return (bits[position >> 3] & (0x80 >>> (position & 7))) != 0;
    }
}
