package org.certhub.signer.hcert;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CWT claims of an HCERT: issuer country ({@code 1 iss}), issued at ({@code 6 iat}), expiry
 * ({@code 4 exp}) and the DCC JSON under {@code -260: {1: dcc}}.
 *
 * @param issuer    the {@code iss} claim, or null when absent (it is optional)
 * @param issuedAt  the {@code iat} claim, or null when absent
 * @param expiresAt the {@code exp} claim, or null when absent
 */
public record HcertPayload(String issuer, Instant issuedAt, Instant expiresAt, JsonNode dcc) {

    private static final long CLAIM_ISS = 1;
    private static final long CLAIM_EXP = 4;
    private static final long CLAIM_IAT = 6;
    private static final long CLAIM_HCERT = -260;
    private static final long HCERT_EU_DCC_V1 = 1;

    public HcertPayload {
        Objects.requireNonNull(dcc, "dcc");
    }

    /** The claims as CBOR: a definite-length map with integer keys. */
    public byte[] encode() {
        int size = 1 + (issuer == null ? 0 : 1) + (issuedAt == null ? 0 : 1) + (expiresAt == null ? 0 : 1);
        return Cbor.write(g -> {
            g.writeStartObject(null, size);
            if (issuer != null) {
                g.writeFieldId(CLAIM_ISS);
                g.writeString(issuer);
            }
            if (expiresAt != null) {
                g.writeFieldId(CLAIM_EXP);
                g.writeNumber(expiresAt.getEpochSecond());
            }
            if (issuedAt != null) {
                g.writeFieldId(CLAIM_IAT);
                g.writeNumber(issuedAt.getEpochSecond());
            }
            g.writeFieldId(CLAIM_HCERT);
            g.writeStartObject(null, 1);
            g.writeFieldId(HCERT_EU_DCC_V1);
            Cbor.writeJson(g, dcc);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /**
     * Reads the CWT claims of a COSE payload.
     *
     * @throws HcertException at stage {@link HcertStage#CWT} when the claims are not a CWT carrying a DCC
     */
    public static HcertPayload decode(byte[] cwt) {
        Object decoded;
        try {
            decoded = Cbor.decode(cwt);
        } catch (IOException | RuntimeException e) {
            throw new HcertException(HcertStage.CWT, "payload is not CBOR", e);
        }
        if (!(decoded instanceof Map<?, ?> claims)) {
            throw new HcertException(HcertStage.CWT, "CWT claims are not a map");
        }
        if (!(claims.get(CLAIM_HCERT) instanceof Map<?, ?> hcert)
                || !(hcert.get(HCERT_EU_DCC_V1) instanceof Map<?, ?> dcc)) {
            throw new HcertException(HcertStage.CWT, "no EU DCC under claim -260/1");
        }
        Object issuer = claims.get(CLAIM_ISS);
        if (issuer != null && !(issuer instanceof String)) {
            throw new HcertException(HcertStage.CWT, "iss is not a text string");
        }
        try {
            return new HcertPayload(
                    (String) issuer,
                    time(claims.get(CLAIM_IAT), "iat"),
                    time(claims.get(CLAIM_EXP), "exp"),
                    Cbor.toJson(dcc));
        } catch (IllegalArgumentException e) {
            throw new HcertException(HcertStage.CWT, e.getMessage(), e);
        }
    }

    private static Instant time(Object claim, String name) {
        if (claim == null) {
            return null;
        }
        if (claim instanceof Long seconds) {
            return Instant.ofEpochSecond(seconds);
        }
        if (claim instanceof Double seconds && Double.isFinite(seconds) && Math.abs(seconds) < 1e15) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        if (claim instanceof BigInteger) {
            throw new IllegalArgumentException(name + " is out of range");
        }
        throw new IllegalArgumentException(name + " is not a NumericDate");
    }

    /**
     * Which kind of statement the DCC holds: "v", "t" or "r" (the only one with entries; a group that is null or
     * empty counts as absent), else empty.
     */
    public Optional<String> certificateType() {
        List<String> present = Stream.of("v", "t", "r")
                .filter(group -> statements(group).iterator().hasNext())
                .toList();
        return present.size() == 1 ? Optional.of(present.get(0)) : Optional.empty();
    }

    /** The entries of one statement group ({@code v}, {@code t} or {@code r}); none when it is absent, null or not an array. */
    public Iterable<JsonNode> statements(String group) {
        JsonNode entries = dcc.get(group);
        return entries != null && entries.isArray() ? entries : List.of();
    }

    /** The certificate identifier ({@code ci}) of the first statement that has one, else {@code null}. */
    public String certificateIdentifier() {
        for (String group : List.of("v", "t", "r")) {
            for (JsonNode statement : statements(group)) {
                JsonNode ci = statement.path("ci");
                if (ci.isTextual()) {
                    return ci.textValue();
                }
                break;
            }
        }
        return null;
    }
}
