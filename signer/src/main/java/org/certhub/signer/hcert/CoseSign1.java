package org.certhub.signer.hcert;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A COSE_Sign1 message (RFC 9052): protected header (kept as its exact bytes, which the signature covers),
 * unprotected header, payload and signature.
 */
public final class CoseSign1 {

    /** CBOR tag of COSE_Sign1. */
    public static final int TAG_COSE_SIGN1 = 18;
    /** CBOR tag of a CWT (RFC 8392), which some issuers wrap around the tagged COSE_Sign1. */
    public static final int TAG_CWT = 61;

    private static final long HEADER_ALG = 1;
    private static final long HEADER_KID = 4;

    private final byte[] protectedBytes;
    private final Map<Object, Object> protectedHeader;
    private final Map<Object, Object> unprotectedHeader;
    private final byte[] payload;
    private final byte[] signature;

    private CoseSign1(
            byte[] protectedBytes,
            Map<Object, Object> protectedHeader,
            Map<Object, Object> unprotectedHeader,
            byte[] payload,
            byte[] signature) {
        this.protectedBytes = protectedBytes;
        this.protectedHeader = protectedHeader;
        this.unprotectedHeader = unprotectedHeader;
        this.payload = payload;
        this.signature = signature;
    }

    /** The protected header of a new message: {1: alg, 4: kid}. */
    static byte[] protectedHeader(CoseAlgorithm algorithm, byte[] kid) {
        return Cbor.write(g -> {
            g.writeStartObject(null, 2);
            g.writeFieldId(HEADER_ALG);
            g.writeNumber(algorithm.coseId());
            g.writeFieldId(HEADER_KID);
            g.writeBinary(kid);
            g.writeEndObject();
        });
    }

    /** Sig_structure ["Signature1", protected, external_aad h'', payload], the bytes the signature covers. */
    static byte[] toBeSigned(byte[] protectedBytes, byte[] payload) {
        return Cbor.write(g -> {
            g.writeStartArray(null, 4);
            g.writeString("Signature1");
            g.writeBinary(protectedBytes);
            g.writeBinary(new byte[0]);
            g.writeBinary(payload);
            g.writeEndArray();
        });
    }

    /** The tagged (18) COSE_Sign1 with an empty unprotected header. */
    static byte[] encode(byte[] protectedBytes, byte[] payload, byte[] signature) {
        return Cbor.write(g -> {
            g.writeTag(TAG_COSE_SIGN1);
            g.writeStartArray(null, 4);
            g.writeBinary(protectedBytes);
            g.writeStartObject(null, 0);
            g.writeEndObject();
            g.writeBinary(payload);
            g.writeBinary(signature);
            g.writeEndArray();
        });
    }

    /**
     * Decodes a COSE_Sign1 tagged 18, tagged 61 around 18, or untagged.
     *
     * @throws HcertException at stage {@link HcertStage#COSE} for anything else
     */
    public static CoseSign1 decode(byte[] cose) {
        try (CBORParser parser = Cbor.parser(cose)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new HcertException(HcertStage.COSE, "not a CBOR array");
            }
            CBORParser.TagList tags = parser.getCurrentTags();
            boolean tagsAllowed = tags.isEmpty()
                    || tags.size() == 1 && (tags.contains(TAG_COSE_SIGN1) || tags.contains(TAG_CWT))
                    || tags.size() == 2 && tags.contains(TAG_COSE_SIGN1) && tags.contains(TAG_CWT);
            if (!tagsAllowed) {
                throw new HcertException(HcertStage.COSE, "unexpected CBOR tag " + tags.getFirstTag());
            }
            Object decoded = Cbor.read(parser);
            Cbor.requireEnd(parser);
            return fromArray((List<?>) decoded);
        } catch (IOException | RuntimeException e) {
            if (e instanceof HcertException hcert) {
                throw hcert;
            }
            throw new HcertException(HcertStage.COSE, "not a COSE_Sign1 structure", e);
        }
    }

    private static CoseSign1 fromArray(List<?> array) throws IOException {
        if (array.size() != 4
                || !(array.get(0) instanceof byte[] protectedBytes)
                || !(array.get(1) instanceof Map<?, ?> unprotected)
                || !(array.get(2) instanceof byte[] payload)
                || !(array.get(3) instanceof byte[] signature)) {
            throw new HcertException(HcertStage.COSE, "COSE_Sign1 must be [bstr, map, bstr, bstr]");
        }
        Map<Object, Object> protectedHeader = Map.of();
        if (protectedBytes.length > 0) {
            if (!(Cbor.decode(protectedBytes) instanceof Map<?, ?> header)) {
                throw new HcertException(HcertStage.COSE, "protected header is not a map");
            }
            protectedHeader = copy(header);
        }
        return new CoseSign1(protectedBytes, protectedHeader, copy(unprotected), payload, signature);
    }

    private static Map<Object, Object> copy(Map<?, ?> map) {
        Map<Object, Object> copy = new LinkedHashMap<>();
        map.forEach(copy::put);
        return Collections.unmodifiableMap(copy);
    }

    /** The algorithm id from the protected header (the unprotected one only when the protected has none). */
    public Optional<Long> algorithmId() {
        Object alg = protectedHeader.containsKey(HEADER_ALG)
                ? protectedHeader.get(HEADER_ALG)
                : unprotectedHeader.get(HEADER_ALG);
        return alg instanceof Long id ? Optional.of(id) : Optional.empty();
    }

    /** The key id: the protected header's when present there, else the unprotected header's. */
    public Optional<byte[]> kid() {
        Object kid = protectedHeader.containsKey(HEADER_KID)
                ? protectedHeader.get(HEADER_KID)
                : unprotectedHeader.get(HEADER_KID);
        return kid instanceof byte[] bytes ? Optional.of(bytes.clone()) : Optional.empty();
    }

    public byte[] payload() {
        return payload.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** The Sig_structure this message's signature must cover. */
    public byte[] toBeSigned() {
        return toBeSigned(protectedBytes, payload);
    }
}
