package org.certhub.signer.hcert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.certhub.signer.CredentialVerifier;
import org.certhub.signer.VerificationResult;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.TrustedKey;
import org.certhub.signer.keys.TrustedKeys;

/**
 * Verifies {@code HC1:} texts: decoding stage by stage ({@link HcertCodec}), then the COSE signature with a
 * trusted {@link KeyPurpose#EU_DCC} key found by kid (standard base64 of the 8 kid bytes), the CWT's
 * {@code iat}/{@code exp} against the verification time, the document signer's extended key usage against
 * the certificate type, each statement's own validity window ({@link StatementValidity}) and, when a schema
 * is given, the DCC JSON schema. Each check is public on its own. No payload makes it throw: anything it
 * cannot read is {@code malformed}.
 */
public final class EuDccVerifier implements CredentialVerifier {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TrustedKeys trustedKeys;
    private final DccSchema schema;

    /** Verifies without the schema check. */
    public EuDccVerifier(TrustedKeys trustedKeys) {
        this(trustedKeys, null);
    }

    /** @param schema the DCC JSON schema decoded payloads must follow, or null to skip that check */
    public EuDccVerifier(TrustedKeys trustedKeys, DccSchema schema) {
        this.trustedKeys = Objects.requireNonNull(trustedKeys, "trustedKeys");
        this.schema = schema;
    }

    @Override
    public String format() {
        return EuDccFormat.ID;
    }

    @Override
    public boolean accepts(String qrText) {
        return qrText != null && qrText.startsWith(HcertCodec.PREFIX);
    }

    @Override
    public VerificationResult verify(String qrText, Instant at) {
        HcertCodec.Decoded decoded;
        try {
            decoded = HcertCodec.decode(qrText);
        } catch (HcertException e) {
            return VerificationResult.invalid(EuDccFormat.ID, e.stage().reason());
        }
        String kid =
                decoded.cose().kid().map(Base64.getEncoder()::encodeToString).orElse(null);
        HcertPayload payload = decoded.payload();
        Map<String, Object> subject = subject(payload.dcc());
        String certificateId = payload.certificateIdentifier();
        String issuer = payload.issuer();
        try {
            TrustedKey key = checkSignature(decoded.cose());
            if (key.issuer() != null) {
                issuer = key.issuer();
            }
            checkValidity(payload, at);
            checkKeyUsage(key, payload);
            checkSchema(payload);
            StatementValidity.check(payload, at);
        } catch (HcertException e) {
            return new VerificationResult(
                    false, EuDccFormat.ID, e.stage().reason(), issuer, subject, certificateId, kid);
        }
        return new VerificationResult(true, EuDccFormat.ID, null, issuer, subject, certificateId, kid);
    }

    /**
     * Finds the trusted keys with the message's kid and returns the one whose signature checks out.
     *
     * @throws HcertException at {@link HcertStage#KEY_LOOKUP} when no trusted key has the kid,
     *                        at {@link HcertStage#SIGNATURE} when none of them verifies the signature
     */
    public TrustedKey checkSignature(CoseSign1 cose) {
        byte[] kid =
                cose.kid().orElseThrow(() -> new HcertException(HcertStage.KEY_LOOKUP, "no kid in the COSE headers"));
        List<TrustedKey> candidates =
                trustedKeys.find(KeyPurpose.EU_DCC, Base64.getEncoder().encodeToString(kid));
        if (candidates.isEmpty()) {
            throw new HcertException(HcertStage.KEY_LOOKUP, "no trusted document signer has this kid");
        }
        CoseAlgorithm algorithm = cose.algorithmId()
                .flatMap(CoseAlgorithm::ofCoseId)
                .orElseThrow(() -> new HcertException(HcertStage.SIGNATURE, "missing or unsupported COSE algorithm"));
        byte[] toBeSigned = cose.toBeSigned();
        byte[] signature = cose.signature();
        for (TrustedKey candidate : candidates) {
            if (algorithm.fits(candidate.publicKey()) && verifies(algorithm, candidate, toBeSigned, signature)) {
                return candidate;
            }
        }
        throw new HcertException(HcertStage.SIGNATURE, "signature does not verify with the trusted key");
    }

    private static boolean verifies(CoseAlgorithm algorithm, TrustedKey key, byte[] toBeSigned, byte[] signature) {
        try {
            return algorithm.verify(key.publicKey(), toBeSigned, signature);
        } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
            return false; // providers report some malformed keys and signatures with runtime exceptions
        }
    }

    /** Rejects a certificate used before its {@code iat} or after its {@code exp}. */
    public static void checkValidity(HcertPayload payload, Instant at) {
        if (payload.expiresAt() != null && at.isAfter(payload.expiresAt())) {
            throw new HcertException(HcertStage.EXPIRATION, "expired");
        }
        if (payload.issuedAt() != null && at.isBefore(payload.issuedAt())) {
            throw new HcertException(HcertStage.NOT_YET_VALID, "issued after the verification time");
        }
    }

    /**
     * Rejects a DCC whose type the signer's certificate is not authorised for (its extended key usage), and as
     * malformed one that holds no statement or more than one kind.
     */
    public static void checkKeyUsage(TrustedKey key, HcertPayload payload) {
        String type = payload.certificateType()
                .orElseThrow(() -> new HcertException(HcertStage.SCHEMA, "the DCC must hold exactly one of v, t, r"));
        if (key.certificate() != null && !DocumentSigners.maySign(key.certificate(), type)) {
            throw new HcertException(
                    HcertStage.KEY_USAGE, "document signer is not authorised for this certificate type");
        }
    }

    /** Validates the DCC JSON against the schema, when this verifier has one. */
    public void checkSchema(HcertPayload payload) {
        if (schema == null) {
            return;
        }
        List<String> errors = schema.validate(payload.dcc());
        if (!errors.isEmpty()) {
            throw new HcertException(HcertStage.SCHEMA, "DCC does not follow the schema: " + String.join(", ", errors));
        }
    }

    private static Map<String, Object> subject(JsonNode dcc) {
        Map<String, Object> subject = new LinkedHashMap<>();
        for (String field : List.of("nam", "dob", "v", "t", "r")) {
            // a JSON null ("r": null) is no statement: the subject leaves it out
            if (dcc.hasNonNull(field)) {
                subject.put(field, MAPPER.convertValue(dcc.get(field), Object.class));
            }
        }
        return subject;
    }
}
