package org.certhub.signer.shc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import java.util.zip.DataFormatException;
import org.certhub.signer.CredentialVerifier;
import org.certhub.signer.VerificationResult;
import org.certhub.signer.VerificationResult.Reasons;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.TrustedKey;
import org.certhub.signer.keys.TrustedKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies SMART Health Cards given as numeric QR text ({@code shc:/...}, single or the legacy chunks together)
 * or as a raw compact JWS: decodes, inflates, checks the ES256 signature with a trusted key of
 * {@link KeyPurpose#SHC} whose id is the header's {@code kid} and whose issuer is the payload's {@code iss},
 * then {@code nbf} and (when present) {@code exp} against the verification time, then the card's revocation id
 * {@code vc.rid} against the issuer's revocation lists ({@link ShcRevocations}). {@code nbf} may be fractional.
 * <p>
 * The subject answered is the patient's name and birth date and each Immunization (vaccine system and code,
 * date, lot, performer). Cards certhub issued before it wrote {@code vc.rid} name their certificate in
 * {@code Immunization.identifier} under {@link Settings#certificateIdSystem()}: that id is answered, for the
 * caller's revocation check.
 * Never throws on bad input. Thread-safe.
 */
public final class ShcVerifier implements CredentialVerifier {

    /** Inputs and inflated payloads above this are refused as malformed. */
    static final int MAX_BYTES = 1 << 20;

    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(ShcVerifier.class);

    /**
     * @param certificateIdSystem the identifier system under which certhub's cards carry the certificate id in
     *                            {@code Immunization.identifier} (as configured for the bundle writer)
     */
    public record Settings(String certificateIdSystem) {
        public Settings {
            if (certificateIdSystem == null || certificateIdSystem.isBlank()) {
                throw new IllegalArgumentException("certificateIdSystem is required");
            }
        }
    }

    private final TrustedKeys trustedKeys;
    private final Settings settings;
    private final ShcRevocations revocations;

    public ShcVerifier(TrustedKeys trustedKeys, Settings settings, ShcRevocations revocations) {
        this.trustedKeys = Objects.requireNonNull(trustedKeys, "trustedKeys");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
    }

    @Override
    public String format() {
        return ShcFormat.ID;
    }

    /** {@code shc:/} text, or a compact JWS whose header says {@code zip: DEF}. */
    @Override
    public boolean accepts(String qrText) {
        if (qrText == null) {
            return false;
        }
        String text = qrText.strip();
        if (ShcNumeric.hasPrefix(text)) {
            return true;
        }
        if (text.length() > MAX_BYTES || !COMPACT_JWS.matcher(text).matches()) {
            return false;
        }
        try {
            return "DEF".equals(JWSObject.parse(text).getHeader().getCustomParam("zip"));
        } catch (ParseException e) {
            return false;
        }
    }

    @Override
    public VerificationResult verify(String qrText, Instant at) {
        Objects.requireNonNull(at, "at");
        if (qrText == null || qrText.length() > MAX_BYTES) {
            return VerificationResult.invalid(ShcFormat.ID, Reasons.MALFORMED);
        }
        String text = qrText.strip();
        try {
            return verifyJws(ShcNumeric.hasPrefix(text) ? ShcNumeric.decode(text) : text, at);
        } catch (MalformedCardException e) {
            return malformed(e);
        }
    }

    /** Verifies a card split over several QR codes ({@code shc:/1/2/...}, {@code shc:/2/2/...}), in any order. */
    public VerificationResult verifyChunks(List<String> qrTexts, Instant at) {
        Objects.requireNonNull(at, "at");
        if (qrTexts == null
                || qrTexts.stream().anyMatch(Objects::isNull)
                || qrTexts.stream().mapToLong(String::length).sum() > MAX_BYTES) {
            return VerificationResult.invalid(ShcFormat.ID, Reasons.MALFORMED);
        }
        try {
            return verifyJws(ShcNumeric.decodeChunks(qrTexts), at);
        } catch (MalformedCardException e) {
            return malformed(e);
        }
    }

    private static VerificationResult malformed(MalformedCardException e) {
        LOG.debug("SMART Health Card malformed: {}", e.getMessage()); // the stage only, never card content
        return VerificationResult.invalid(ShcFormat.ID, Reasons.MALFORMED);
    }

    private VerificationResult verifyJws(String compact, Instant at) throws MalformedCardException {
        Card card = decode(compact);
        String kid = card.jws().getHeader().getKeyID();
        List<TrustedKey> candidates = kid == null
                ? List.of()
                : trustedKeys.find(KeyPurpose.SHC, kid).stream()
                        .filter(k -> issuedBy(k, card.issuer()))
                        .toList();
        if (candidates.isEmpty()) {
            return card.result(false, Reasons.UNKNOWN_KEY, kid);
        }
        if (candidates.stream().noneMatch(key -> signatureVerifies(card.jws(), key))) {
            return card.result(false, Reasons.BAD_SIGNATURE, kid);
        }
        if (card.notBefore() != null && at.isBefore(card.notBefore())) {
            return card.result(false, Reasons.NOT_YET_VALID, kid);
        }
        if (card.expires() != null && !at.isBefore(card.expires())) {
            return card.result(false, Reasons.EXPIRED, kid);
        }
        if (card.revocationId() != null && revocations.isRevoked(kid, card.revocationId())) {
            return card.result(false, Reasons.REVOKED, kid);
        }
        return card.result(true, null, kid);
    }

    /** A decoded card: header, payload and what the answer reports of it. */
    private record Card(
            JWSObject jws,
            String issuer,
            Instant notBefore,
            Instant expires,
            Map<String, Object> subject,
            String certificateId,
            String revocationId) {

        VerificationResult result(boolean valid, String reason, String kid) {
            return new VerificationResult(valid, ShcFormat.ID, reason, issuer, subject, certificateId, kid);
        }
    }

    private Card decode(String compact) throws MalformedCardException {
        if (!COMPACT_JWS.matcher(compact).matches()) {
            throw new MalformedCardException("not a compact JWS");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException e) {
            throw new MalformedCardException("JWS does not parse", e);
        }
        for (Base64URL part : jws.getParsedParts()) {
            if (!Base64URL.encode(part.decode()).equals(part)) {
                throw new MalformedCardException("a JWS part is not canonical base64url");
            }
        }
        if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())
                || !"DEF".equals(jws.getHeader().getCustomParam("zip"))) {
            throw new MalformedCardException("header is not alg ES256 with zip DEF");
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(RawDeflate.inflate(jws.getPayload().toBytes(), MAX_BYTES));
        } catch (DataFormatException | IOException e) {
            throw new MalformedCardException("payload does not inflate to JSON", e);
        }
        if (payload == null || !payload.isObject()) {
            throw new MalformedCardException("payload is not a JSON object");
        }
        JsonNode vc = payload.path("vc");
        JsonNode bundle = vc.at("/credentialSubject/fhirBundle");
        if (!payload.path("iss").isTextual()
                || !bundle.isObject()
                || !typesOf(vc).contains(ShcFormat.TYPE_HEALTH_CARD)) {
            throw new MalformedCardException("payload lacks iss or a health-card vc with a fhirBundle");
        }
        return new Card(
                jws,
                payload.get("iss").asText(),
                numericDate(payload, "nbf"),
                numericDate(payload, "exp"),
                subject(bundle),
                certificateId(bundle),
                vc.path("rid").isTextual() ? vc.get("rid").asText() : null);
    }

    private static List<String> typesOf(JsonNode vc) {
        return StreamSupport.stream(vc.path("type").spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    /** A NumericDate claim (seconds, possibly fractional), or null when absent. */
    private static Instant numericDate(JsonNode payload, String claim) throws MalformedCardException {
        JsonNode value = payload.get(claim);
        if (value == null || value.isNull()) {
            return null;
        }
        // 1e999 parses as an infinite double, which has no decimal value
        if (!value.isNumber() || (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue()))) {
            throw new MalformedCardException(claim + " is not a finite number");
        }
        BigDecimal seconds = value.decimalValue();
        try {
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            long nanos = seconds.subtract(whole)
                    .movePointRight(9)
                    .setScale(0, RoundingMode.FLOOR)
                    .longValueExact();
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        } catch (ArithmeticException | DateTimeException e) {
            throw new MalformedCardException(claim + " is out of range", e);
        }
    }

    private static boolean issuedBy(TrustedKey key, String issuer) {
        return key.issuer() != null
                && issuer != null
                && stripSlash(key.issuer()).equals(stripSlash(issuer));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static boolean signatureVerifies(JWSObject jws, TrustedKey key) {
        if (!(key.publicKey() instanceof ECPublicKey ec)) {
            return false;
        }
        try {
            ECDSAVerifier verifier = new ECDSAVerifier(ec);
            verifier.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance()); // 3x SunEC's speed
            return jws.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    private static Map<String, Object> subject(JsonNode bundle) {
        Map<String, Object> subject = new LinkedHashMap<>();
        List<Map<String, Object>> immunizations = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            switch (resource.path("resourceType").asText()) {
                case "Patient" -> {
                    putText(subject, "name", patientName(resource.path("name").path(0)));
                    putText(subject, "birthDate", resource.path("birthDate").asText(null));
                }
                case "Immunization" -> immunizations.add(immunization(resource));
                default -> {}
            }
        }
        subject.put("immunizations", immunizations);
        return subject;
    }

    private static Map<String, Object> immunization(JsonNode resource) {
        Map<String, Object> immunization = new LinkedHashMap<>();
        JsonNode coding = resource.path("vaccineCode").path("coding").path(0);
        putText(immunization, "vaccineSystem", coding.path("system").asText(null));
        putText(immunization, "vaccineCode", coding.path("code").asText(null));
        putText(immunization, "date", resource.path("occurrenceDateTime").asText(null));
        putText(immunization, "lot", resource.path("lotNumber").asText(null));
        putText(
                immunization,
                "performer",
                resource.path("performer").path(0).path("actor").path("display").asText(null));
        return immunization;
    }

    private static String patientName(JsonNode name) {
        if (name.hasNonNull("text")) {
            return name.get("text").asText();
        }
        List<String> parts = new ArrayList<>();
        name.path("given").forEach(given -> parts.add(given.asText()));
        if (name.hasNonNull("family")) {
            parts.add(name.get("family").asText());
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private static void putText(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private String certificateId(JsonNode bundle) {
        return StreamSupport.stream(bundle.path("entry").spliterator(), false)
                .map(entry -> entry.path("resource"))
                .filter(resource ->
                        "Immunization".equals(resource.path("resourceType").asText()))
                .flatMap(resource ->
                        StreamSupport.stream(resource.path("identifier").spliterator(), false))
                .filter(identifier -> settings.certificateIdSystem()
                        .equals(identifier.path("system").asText()))
                .map(identifier -> identifier.path("value").asText(null))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }
}
