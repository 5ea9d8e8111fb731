package org.certhub.signer.shc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.certhub.model.Certificate;
import org.certhub.signer.CredentialFormat;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.keys.SigningKeyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMART Health Cards 1.4: the person's doses as a minimal FHIR Bundle in a {@code vc} payload ({@code iss},
 * {@code nbf}, {@code vc.type} {@code #health-card} only, as 1.4 deprecated the others, and the revocation id
 * {@code vc.rid}), minified, raw-DEFLATEd, signed as a compact JWS (ES256, {@code zip: DEF}, {@code kid} = the
 * RFC 7638 thumbprint of the P-256 key) and carried in one numeric {@code shc:/} QR code. When the doses do not fit
 * one QR code, the oldest are left out until they do.
 * <p>
 * Keys come from the {@link SigningKeyProvider} under {@link KeyPurpose#SHC}; a key held in an HSM is used
 * through its own JCA provider. Verifiers find the public key at {@link Settings#jwksUrl()} and the revoked
 * cards at {@link Settings#crlUrl(String)}. Thread-safe.
 */
public final class ShcFormat implements CredentialFormat {

    public static final String ID = "shc";
    /** The media type of {@link SignedCredential#document()}: a compact JWS. */
    public static final String JWS_MEDIA_TYPE = "application/jose";
    /** The media type of the {@code .smart-health-card} file ({@link #healthCardFile(List)}). */
    public static final String FILE_MEDIA_TYPE = "application/smart-health-card";
    /** SMART Health Cards ask for error correction L so that a card fits in one QR code of version 22. */
    public static final ErrorCorrectionLevel QR_ERROR_CORRECTION = ErrorCorrectionLevel.L;
    /** The longest JWS the specification allows in a single QR code (version 22 at level L). */
    public static final int MAX_SINGLE_QR_JWS_LENGTH = 1195;

    static final String TYPE_HEALTH_CARD = "https://smarthealth.cards#health-card";
    static final String FHIR_VERSION = "4.0.1";
    /** The bytes of SHA-256 a revocation id keeps: 64 bits, 11 base64url characters, as the spec recommends. */
    private static final int RID_BYTES = 8;

    /**
     * @param issuer the card issuer's {@code iss}: an absolute https URL without a trailing slash (http only for
     *               localhost), under which {@code /.well-known/jwks.json} publishes the keys
     */
    public record Settings(String issuer) {
        public Settings {
            Objects.requireNonNull(issuer, "issuer");
            validateIssuer(issuer);
        }

        public String jwksUrl() {
            return issuer + "/.well-known/jwks.json";
        }

        /** Where the card revocation list of the key {@code kid} is published. */
        public String crlUrl(String kid) {
            return issuer + "/.well-known/crl/" + kid + ".json";
        }

        private static void validateIssuer(String issuer) {
            URI uri;
            try {
                uri = new URI(issuer);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("SHC issuer is not a URL: " + issuer, e);
            }
            boolean https = "https".equals(uri.getScheme());
            boolean localHttp = "http".equals(uri.getScheme()) && "localhost".equals(uri.getHost());
            if (!(https || localHttp)
                    || uri.getHost() == null
                    || uri.getQuery() != null
                    || uri.getFragment() != null
                    || issuer.endsWith("/")) {
                throw new IllegalArgumentException(
                        "SHC issuer must be an https URL without query, fragment or trailing slash: " + issuer);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(ShcFormat.class);

    private final Settings settings;
    private final SigningKeyProvider keys;
    private final ShcBundleSource bundles;
    private final Map<PublicKey, String> thumbprints = new ConcurrentHashMap<>();
    private volatile KnownThumbprint last;

    public ShcFormat(Settings settings, SigningKeyProvider keys, ShcBundleSource bundles) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.bundles = Objects.requireNonNull(bundles, "bundles");
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Signs the certificate with the active SHC key.
     *
     * @throws IllegalStateException when the active key is not P-256, signing fails, or the card is longer than
     *                               one QR code may carry
     */
    @Override
    public SignedCredential sign(Certificate certificate) {
        SigningKey key = keys.activeKey(KeyPurpose.SHC);
        String kid = thumbprint(key);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(kid)
                .customParam("zip", "DEF")
                .build();
        int maxDoses = Integer.MAX_VALUE;
        while (true) {
            JsonNode bundle = bundle(certificate, maxDoses);
            JWSObject jws = new JWSObject(header, base64Url(RawDeflate.deflate(payload(certificate, kid, bundle))));
            sign(jws, key, kid);
            String compact = jws.serialize();
            int doses = immunizations(bundle);
            if (compact.length() <= MAX_SINGLE_QR_JWS_LENGTH) {
                return new SignedCredential(ID, kid, compact, JWS_MEDIA_TYPE, ShcNumeric.encode(compact));
            }
            if (doses <= 1) {
                throw new IllegalStateException("SMART Health Card of " + compact.length()
                        + " JWS characters exceeds the single-QR limit of " + MAX_SINGLE_QR_JWS_LENGTH);
            }
            maxDoses = doses - 1;
        }
    }

    /**
     * The payload already in base64url, by the JDK's encoder: Nimbus's own encoder is constant-time (meant for
     * secrets), several times slower, and the deflated card is public.
     */
    private static Payload base64Url(byte[] payload) {
        return new Payload(new Base64URL(Base64.getUrlEncoder().withoutPadding().encodeToString(payload)));
    }

    private static void sign(JWSObject jws, SigningKey key, String kid) {
        try {
            ECDSASigner signer = new ECDSASigner(key.privateKey(), Curve.P_256);
            // an HSM key signs only through its own provider; software keys sign with BouncyCastle, about
            // twice as fast as the JDK's SunEC for P-256
            signer.getJCAContext()
                    .setProvider(key.provider() != null ? key.provider() : BouncyCastleProviderSingleton.getInstance());
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("SHC signing failed with key " + kid, e);
        }
    }

    /**
     * The card's revocation id {@code vc.rid}: base64url of the first 64 bits of SHA-256 over the key id and the
     * certificate id. Certificate ids are random, so the published id reveals nothing about the person.
     */
    public static String revocationId(String kid, String certificateId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((kid + "|" + certificateId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, RID_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The {@code .smart-health-card} file for download: {@code {"verifiableCredential":[jws, ...]}}. */
    public static String healthCardFile(List<String> compactJwss) {
        ObjectNode file = JSON.createObjectNode();
        ArrayNode credentials = file.putArray("verifiableCredential");
        compactJwss.forEach(credentials::add);
        return file.toString();
    }

    /** The {@code .smart-health-card} file of one issued card. */
    public static String healthCardFile(SignedCredential credential) {
        if (!ID.equals(credential.format())) {
            throw new IllegalArgumentException("not a SMART Health Card: " + credential.format());
        }
        return healthCardFile(List.of(credential.document()));
    }

    private JsonNode bundle(Certificate certificate, int maxDoses) {
        JsonNode bundle;
        try {
            bundle = JSON.readTree(bundles.bundleJson(certificate, maxDoses));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the SHC bundle source gave invalid JSON", e);
        }
        if (bundle == null || !"Bundle".equals(bundle.path("resourceType").asText())) {
            throw new IllegalStateException("the SHC bundle source gave no FHIR Bundle");
        }
        return bundle;
    }

    private static int immunizations(JsonNode bundle) {
        int count = 0;
        for (JsonNode entry : bundle.path("entry")) {
            if ("Immunization"
                    .equals(entry.path("resource").path("resourceType").asText())) {
                count++;
            }
        }
        return count;
    }

    /** The minified JWS payload before compression. */
    byte[] payload(Certificate certificate, String kid, JsonNode bundle) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("iss", settings.issuer());
        payload.put("nbf", certificate.issuedAt().getEpochSecond());
        ObjectNode vc = payload.putObject("vc");
        vc.putArray("type").add(TYPE_HEALTH_CARD);
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("fhirVersion", FHIR_VERSION);
        subject.set("fhirBundle", bundle);
        vc.put("rid", revocationId(kid, certificate.id()));
        return payload.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The RFC 7638 JWK thumbprint of a P-256 public key: the {@code kid} SMART Health Cards require. */
    public static String thumbprintOf(PublicKey publicKey) {
        if (!(publicKey instanceof ECPublicKey ec)) {
            throw new IllegalStateException("SHC keys must be EC P-256, not " + publicKey.getAlgorithm());
        }
        try {
            if (!Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
                throw new IllegalStateException("SHC keys must be on curve P-256");
            }
            return new ECKey.Builder(Curve.P_256, ec)
                    .build()
                    .computeThumbprint()
                    .toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the JWK thumbprint", e);
        }
    }

    private String thumbprint(SigningKey key) {
        // the active key is the same object card after card: compared by identity first, since hashing a
        // BouncyCastle EC key (the map's lookup) normalises its point, a field inversion per card
        KnownThumbprint known = last;
        if (known != null && known.key() == key.publicKey()) {
            return known.thumbprint();
        }
        String thumbprint = thumbprints.computeIfAbsent(key.publicKey(), publicKey -> {
            String computed = thumbprintOf(publicKey);
            if (!computed.equals(key.kid())) {
                LOG.warn(
                        "SHC key {} is not named by its RFC 7638 thumbprint; its cards carry kid {}, which the "
                                + "published JWKS must list",
                        key.kid(),
                        computed);
            }
            return computed;
        });
        last = new KnownThumbprint(key.publicKey(), thumbprint);
        return thumbprint;
    }

    private record KnownThumbprint(PublicKey key, String thumbprint) {}
}
