package org.certhub.signer.w3c;

import com.apicatalog.jsonld.JsonLdError;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.certhub.signer.CredentialVerifier;
import org.certhub.signer.VerificationResult;
import org.certhub.signer.VerificationResult.Reasons;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.TrustedKey;
import org.certhub.signer.keys.TrustedKeys;

/**
 * Verifies a signed W3C VC (this hub's DIVOC-style credential, or another issuer's using the same bundled
 * contexts, DIVOC's among them): the structure, the proof over the canonical form (Ed25519Signature2020, or
 * DIVOC's RsaSignature2018 and Ed25519Signature2018, {@link DivocJwsSuites}) with a trusted key found by the kid
 * in {@code verificationMethod} (the part after {@code #}, or the whole id when it has none, as DIVOC's
 * {@code did:india}), that the key belongs to the credential's issuer, and the
 * issuance date against the verification time, and its Bitstring Status List entry when the list can be read
 * ({@link StatusListSource}). Contexts outside the bundled ones, embedded contexts and terms no
 * context defines are refused (malformed), so no term can be silently dropped from what the signature covers.
 * Blank-node identifiers ({@code "_:..."}) are refused before canonicalising, and canonicalisation stops after
 * {@link #CANONICALISATION_LIMIT}: a few hundred bytes of blank nodes that all link to each other would otherwise
 * cost minutes of CPU.
 */
public final class W3cVcVerifier implements CredentialVerifier {

    static final int MAX_LENGTH = 16 * 1024;
    /** Far above the milliseconds a credential takes, far below what a crafted one could cost. */
    static final Duration CANONICALISATION_LIMIT = Duration.ofSeconds(1);

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_DEPTH = 8;
    /** The JSON parser recurses per nesting level: deeper input is refused before it is parsed. */
    private static final int MAX_NESTING = 32;
    /** Trusted keys whose decoded form is kept; beyond it (a huge trust list) keys are decoded per verification. */
    private static final int MAX_KEPT_KEYS = 1024;

    private final TrustedKeys trustedKeys;
    private final JsonLdContexts contexts;
    private final Ed25519Signature2020 suite;
    private final DivocJwsSuites divocSuites;
    private final Map<PublicKey, Ed25519PublicKeyParameters> publicKeys = new ConcurrentHashMap<>();
    private final StatusListSource statusLists;

    /**
     * @param vaccinationContextUrl the vaccination context URL this hub's credentials use (its settings' {@code contextUrl})
     * @param statusLists           where the status lists that credentials' {@code credentialStatus} entries name are read
     */
    public W3cVcVerifier(TrustedKeys trustedKeys, String vaccinationContextUrl, StatusListSource statusLists) {
        this(trustedKeys, vaccinationContextUrl, List.of(), statusLists);
    }

    /** @param divocContextUrls further namespaces DIVOC's vaccination context is known under (a deployment's own) */
    public W3cVcVerifier(
            TrustedKeys trustedKeys,
            String vaccinationContextUrl,
            Collection<String> divocContextUrls,
            StatusListSource statusLists) {
        this.trustedKeys = trustedKeys;
        this.contexts = new JsonLdContexts(vaccinationContextUrl, divocContextUrls);
        RdfCanonicalizer canonicalizer = RdfCanonicalizer.forVerification(contexts, CANONICALISATION_LIMIT);
        this.suite = new Ed25519Signature2020(canonicalizer);
        this.divocSuites = new DivocJwsSuites(canonicalizer);
        this.statusLists = statusLists;
    }

    /** A verifier that reads no status lists. */
    public W3cVcVerifier(TrustedKeys trustedKeys, W3cVcSettings settings) {
        this(trustedKeys, settings.contextUrl(), StatusListSource.NONE);
    }

    @Override
    public String format() {
        return W3cVcFormat.ID;
    }

    @Override
    public boolean accepts(String qrText) {
        return qrText != null && qrText.strip().startsWith("{") && qrText.contains("\"@context\"");
    }

    @Override
    public VerificationResult verify(String qrText, Instant at) {
        if (qrText == null || qrText.length() > MAX_LENGTH) {
            return invalid(Reasons.MALFORMED);
        }
        JsonObject signed = parse(qrText);
        return signed == null ? invalid(Reasons.MALFORMED) : verifyParsed(signed, at, false);
    }

    /** The JSON object of the text, or null when it is none or nests deeper than the parser is let recurse. */
    private static JsonObject parse(String text) {
        if (nestingDepth(text) > MAX_NESTING) {
            return null;
        }
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(text.strip()))) {
            JsonStructure structure = reader.read();
            return structure instanceof JsonObject object ? object : null;
        } catch (JsonException e) {
            return null;
        }
    }

    /** @param statusList true for a status list credential, which must carry no status of its own */
    private VerificationResult verifyParsed(JsonObject signed, Instant at, boolean statusList) {
        if ((statusList && signed.containsKey("credentialStatus"))
                || !contextsKnown(signed.get("@context"))
                || hasEmbeddedContext(signed, 0)
                || namesBlankNode(signed)
                || !hasType(signed, "VerifiableCredential")
                || !(signed.get("proof") instanceof JsonObject proof)
                || !(signed.get("issuer") instanceof JsonString issuerJson)) {
            return invalid(Reasons.MALFORMED);
        }
        String issuer = issuerJson.getString();
        if (!idsAbsolute(signed)) {
            return invalid(Reasons.MALFORMED);
        }
        String method = string(proof, "verificationMethod");
        String proofType = string(proof, "type");
        boolean divoc = DivocJwsSuites.handles(proofType);
        String signatureText = string(proof, divoc ? "jws" : "proofValue");
        if (!(divoc || Ed25519Signature2020.TYPE.equals(proofType))
                || !Ed25519Signature2020.PROOF_PURPOSE.equals(string(proof, "proofPurpose"))
                || method == null
                || signatureText == null
                || method.endsWith("#")
                || (!divoc && method.indexOf('#') < 1)) {
            return invalid(Reasons.MALFORMED);
        }
        // DIVOC names its key by an id without a fragment ("did:india"): the key is then trusted for its issuer alone
        int hash = method.indexOf('#');
        String controller = hash < 0 ? null : method.substring(0, hash);
        String kid = method.substring(hash + 1);
        byte[] signature;
        try {
            signature = divoc ? null : Multibase.decodeBase58Btc(signatureText);
        } catch (IllegalArgumentException e) {
            return invalid(Reasons.MALFORMED);
        }
        List<TrustedKey> candidates = trustedKeys.find(KeyPurpose.W3C_VC, kid);
        if (candidates.isEmpty()) {
            return new VerificationResult(false, format(), Reasons.UNKNOWN_KEY, issuer, Map.of(), null, kid);
        }
        JsonObject credential = JsonP.without(signed, "proof");
        byte[] input;
        try {
            input = divoc
                    ? divocSuites.verifyData(credential, JsonP.without(proof, "jws"))
                    : suite.signingInput(credential, JsonP.without(proof, "proofValue"));
        } catch (JsonLdError | IllegalArgumentException e) {
            return invalid(Reasons.MALFORMED);
        }
        TrustedKey verifiedWith = candidates.stream()
                .filter(k -> divoc
                        ? DivocJwsSuites.verifies(proofType, signatureText, input, k.publicKey())
                        : verifies(k.publicKey(), input, signature))
                .findFirst()
                .orElse(null);
        Map<String, Object> subject = subject(signed);
        String certificateId = string(firstEvidence(signed), "certificateId");
        if (verifiedWith == null) {
            return new VerificationResult(false, format(), Reasons.BAD_SIGNATURE, issuer, subject, certificateId, kid);
        }
        boolean keyOfIssuer = issuer != null && issuer.equals(verifiedWith.issuer());
        if ((controller != null && !controller.equals(issuer)) || !keyOfIssuer) {
            return new VerificationResult(false, format(), Reasons.UNKNOWN_KEY, issuer, subject, certificateId, kid);
        }
        VerificationResult valid = new VerificationResult(true, format(), null, issuer, subject, certificateId, kid);
        String issuanceDate = string(signed, "issuanceDate");
        try {
            if (issuanceDate == null) {
                return valid.rejectedFor(Reasons.MALFORMED);
            }
            if (Instant.parse(issuanceDate).isAfter(at.plus(CLOCK_SKEW))) {
                return valid.rejectedFor(Reasons.NOT_YET_VALID);
            }
            String expiration = string(signed, "expirationDate");
            if (expiration != null && Instant.parse(expiration).isBefore(at)) {
                return valid.rejectedFor(Reasons.EXPIRED);
            }
        } catch (DateTimeParseException e) {
            return valid.rejectedFor(Reasons.MALFORMED);
        }
        return statusList ? valid : withStatus(signed, valid, at);
    }

    /**
     * Reads the credential's Bitstring Status List entry from its list when the source answers for the list's URL:
     * the list credential must verify, come from the same issuer and be the revocation list at that URL; a set bit
     * is {@code revoked}. A list the source does not know leaves the result as it was.
     */
    private VerificationResult withStatus(JsonObject signed, VerificationResult valid, Instant at) {
        JsonValue status = signed.get("credentialStatus");
        if (status == null) {
            return valid;
        }
        if (!(status instanceof JsonObject entry)
                || !BitstringStatusList.ENTRY_TYPE.equals(string(entry, "type"))
                || !BitstringStatusList.PURPOSE.equals(string(entry, "statusPurpose"))) {
            return valid.rejectedFor(Reasons.MALFORMED);
        }
        String index = string(entry, "statusListIndex");
        String url = string(entry, "statusListCredential");
        if (index == null || !index.matches("[0-9]{1,9}") || !Iris.isAbsolute(url)) {
            return valid.rejectedFor(Reasons.MALFORMED);
        }
        Optional<Boolean> ownBit = statusLists.ownListBit(url, valid.issuer(), Integer.parseInt(index));
        if (ownBit.isPresent()) {
            return ownBit.get() ? valid.rejectedFor(Reasons.REVOKED) : valid;
        }
        Optional<String> listText = statusLists.statusListCredential(url);
        if (listText.isEmpty()) {
            return valid;
        }
        JsonObject list = parse(listText.get());
        if (list == null
                || !url.equals(string(list, "id"))
                || !hasType(list, BitstringStatusList.CREDENTIAL_TYPE)
                || !(list.get("credentialSubject") instanceof JsonObject subject)
                || !BitstringStatusList.PURPOSE.equals(string(subject, "statusPurpose"))) {
            return valid.rejectedFor(Reasons.STATUS_UNAVAILABLE);
        }
        VerificationResult listResult = verifyParsed(list, at, true);
        if (!listResult.valid() || !valid.issuer().equals(listResult.issuer())) {
            return valid.rejectedFor(Reasons.STATUS_UNAVAILABLE);
        }
        try {
            return BitstringStatusList.isSet(string(subject, "encodedList"), Integer.parseInt(index))
                    ? valid.rejectedFor(Reasons.REVOKED)
                    : valid;
        } catch (IllegalArgumentException e) {
            return valid.rejectedFor(Reasons.STATUS_UNAVAILABLE);
        }
    }

    /** The deepest nesting of objects and arrays in the JSON text, not counting brackets inside strings. */
    static int nestingDepth(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }

    private boolean contextsKnown(JsonValue context) {
        if (!(context instanceof JsonArray array)
                || array.isEmpty()
                || !JsonLdContexts.CREDENTIALS_V1.equals(stringAt(array, 0))) {
            return false;
        }
        for (JsonValue value : array) {
            if (!(value instanceof JsonString url) || !contexts.knows(url.getString())) {
                return false;
            }
        }
        return true;
    }

    /** An {@code @context} below the top level could redefine or drop terms: refused. */
    private static boolean hasEmbeddedContext(JsonValue value, int depth) {
        if (depth > MAX_DEPTH) {
            return true;
        }
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                if ((depth > 0 && entry.getKey().equals("@context"))
                        || hasEmbeddedContext(entry.getValue(), depth + 1)) {
                    return true;
                }
            }
        } else if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (hasEmbeddedContext(item, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether any key or string value is a blank-node identifier ({@code "_:b0"}): a credential has no use for
     * them, and blank nodes that name each other are what makes canonicalisation expensive. Called after
     * {@link #hasEmbeddedContext} has bounded the depth.
     */
    private static boolean namesBlankNode(JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString().startsWith("_:");
        }
        if (value instanceof JsonObject object) {
            return object.entrySet().stream()
                    .anyMatch(e -> e.getKey().startsWith("_:") || namesBlankNode(e.getValue()));
        }
        return value instanceof JsonArray array && array.stream().anyMatch(W3cVcVerifier::namesBlankNode);
    }

    private boolean verifies(PublicKey key, byte[] input, byte[] signature) {
        return Ed25519Keys.isEd25519(key) && Ed25519Keys.verify(publicParameters(key), input, signature);
    }

    /** Decoding a key's point costs about a tenth of a verification: the trusted keys' are kept, up to a bound. */
    private Ed25519PublicKeyParameters publicParameters(PublicKey key) {
        Ed25519PublicKeyParameters kept = publicKeys.get(key);
        if (kept != null) {
            return kept;
        }
        Ed25519PublicKeyParameters decoded = Ed25519Keys.publicParameters(key);
        if (publicKeys.size() < MAX_KEPT_KEYS) {
            publicKeys.putIfAbsent(key, decoded);
        }
        return decoded;
    }

    /**
     * JSON-LD leaves out every statement about a node whose id is not an absolute IRI, so such an id would
     * leave the node's fields outside what the signature covers: the issuer, subject and evidence ids must be absolute.
     */
    private static boolean idsAbsolute(JsonObject signed) {
        if (!Iris.isAbsolute(string(signed, "issuer"))) {
            return false;
        }
        if (signed.get("credentialSubject") instanceof JsonObject person
                && person.containsKey("id")
                && !Iris.isAbsolute(string(person, "id"))) {
            return false;
        }
        if (signed.get("evidence") instanceof JsonArray evidence) {
            for (JsonValue item : evidence) {
                if (item instanceof JsonObject object
                        && object.containsKey("id")
                        && !Iris.isAbsolute(string(object, "id"))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** What the verify answer shows of the holder and the dose. */
    private static Map<String, Object> subject(JsonObject signed) {
        Map<String, Object> subject = new LinkedHashMap<>();
        if (signed.get("credentialSubject") instanceof JsonObject person) {
            copy(person, "name", subject, "name");
            copy(person, "dob", subject, "dob");
            copy(person, "gender", subject, "gender");
            copy(person, "age", subject, "age");
            copy(person, "nationality", subject, "nationality");
        }
        JsonObject evidence = firstEvidence(signed);
        if (evidence != null) {
            copy(evidence, "vaccine", subject, "vaccine");
            copy(evidence, "prophylaxis", subject, "prophylaxis");
            copy(evidence, "manufacturer", subject, "manufacturer");
            copy(evidence, "batch", subject, "batch");
            copy(evidence, "date", subject, "date");
            copy(evidence, "effectiveUntil", subject, "effectiveUntil");
            copy(evidence, "certificateId", subject, "certificateId");
            if (evidence.get("dose") instanceof JsonNumber dose) {
                subject.put("dose", dose.intValue());
            }
            if (evidence.get("totalDoses") instanceof JsonNumber total) {
                subject.put("totalDoses", total.intValue());
            }
            if (evidence.get("facility") instanceof JsonObject facility) {
                copy(facility, "name", subject, "facility");
            }
        }
        return subject;
    }

    private static JsonObject firstEvidence(JsonObject signed) {
        JsonValue evidence = signed.get("evidence");
        if (evidence instanceof JsonArray array && !array.isEmpty() && array.get(0) instanceof JsonObject first) {
            return first;
        }
        return evidence instanceof JsonObject single ? single : null;
    }

    private static void copy(JsonObject from, String name, Map<String, Object> to, String as) {
        String value = string(from, name);
        if (value != null) {
            to.put(as, value);
        }
    }

    private static String string(JsonObject object, String name) {
        return object != null && object.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static String stringAt(JsonArray array, int index) {
        return array.get(index) instanceof JsonString s ? s.getString() : null;
    }

    private static boolean hasType(JsonObject object, String type) {
        JsonValue types = object.get("type");
        if (types instanceof JsonString single) {
            return single.getString().equals(type);
        }
        return types instanceof JsonArray array
                && array.stream()
                        .anyMatch(
                                v -> v instanceof JsonString s && s.getString().equals(type));
    }

    private VerificationResult invalid(String reason) {
        return VerificationResult.invalid(format(), reason);
    }
}
