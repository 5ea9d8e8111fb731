package org.certhub.signer.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.certhub.signer.keys.KeyIds;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.TrustedKey;
import org.certhub.signer.w3c.Ed25519Keys;

/**
 * Other issuers' public keys, read from a folder ({@code CERTHUB_TRUST_DIR}):
 * <ul>
 *   <li>X.509 certificates ({@code *.pem}, {@code *.crt}: PEM, one or more; {@code *.der}): EU DCC document
 *       signers, found by the EU DCC kid (first 8 bytes of the certificate's SHA-256), issuer = subject DN;</li>
 *   <li>JWK sets ({@code *.json}, {@code {"keys":[...]}}): EC keys for SMART Health Cards, Ed25519 (OKP) and
 *       RSA keys for W3C VCs, found by their {@code kid} (computed by this hub's rule when absent); the issuer
 *       is the key's own {@code "issuer"} member, else the file's top-level {@code "issuer"}. A key with neither
 *       fails the load: a key trusted for no issuer in particular would vouch for every issuer.</li>
 * </ul>
 * A file that cannot be read fails the load, naming the file: a trust list is never silently partial.
 */
public final class TrustDirectory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_FILE_BYTES = 1 << 20;

    private TrustDirectory() {}

    /** The keys in the folder by purpose; an absent or null folder trusts no one else. */
    public static Map<KeyPurpose, List<TrustedKey>> load(Path dir) {
        Map<KeyPurpose, List<TrustedKey>> keys = empty();
        if (dir == null || !Files.isDirectory(dir)) {
            return freeze(keys);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.size(file) > MAX_FILE_BYTES) {
                    throw new IllegalArgumentException("trust file too large: " + file);
                }
                if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".der")) {
                    for (X509Certificate certificate : certificates(file)) {
                        keys.get(KeyPurpose.EU_DCC)
                                .add(new TrustedKey(
                                        KeyIds.euDcc(certificate),
                                        certificate.getPublicKey(),
                                        certificate.getSubjectX500Principal().getName(),
                                        certificate));
                    }
                } else if (name.endsWith(".json")) {
                    readJwkSet(file, keys);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trust folder " + dir, e);
        }
        return freeze(keys);
    }

    /**
     * The X.509 certificates of a file ({@code *.pem}, {@code *.crt}, {@code *.der}) or of every such file in a
     * folder (e.g. the CSCAs an EU DCC trust list is checked against); none for a null path.
     */
    public static List<X509Certificate> certificatesAt(Path fileOrDir) {
        if (fileOrDir == null) {
            return List.of();
        }
        try {
            if (!Files.isDirectory(fileOrDir)) {
                return certificates(fileOrDir);
            }
            List<X509Certificate> all = new ArrayList<>();
            try (Stream<Path> files = Files.list(fileOrDir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".der")) {
                        all.addAll(certificates(file));
                    }
                }
            }
            return List.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the certificates at " + fileOrDir, e);
        }
    }

    private static List<X509Certificate> certificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509 certificate file: " + file, e);
        }
    }

    private static void readJwkSet(Path file, Map<KeyPurpose, List<TrustedKey>> keys) throws IOException {
        readJwkSet(Files.readAllBytes(file), file.toString(), null, keys);
    }

    /**
     * The keys of a JWK set ({@code {"keys":[...]}}), e.g. a SMART Health Card issuer's {@code jwks.json}, all
     * bound to {@code issuer}: a key or set naming another issuer fails the parse.
     */
    public static Map<KeyPurpose, List<TrustedKey>> parseJwkSet(byte[] json, String source, String issuer) {
        Objects.requireNonNull(issuer, "issuer");
        Map<KeyPurpose, List<TrustedKey>> keys = empty();
        try {
            readJwkSet(json, source, issuer, keys);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + source, e);
        }
        return freeze(keys);
    }

    private static void readJwkSet(byte[] json, String file, String boundIssuer, Map<KeyPurpose, List<TrustedKey>> keys)
            throws IOException {
        JsonNode root = JSON.readTree(json);
        JsonNode list = root == null ? null : root.get("keys");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("not a JWK set ({\"keys\":[...]}): " + file);
        }
        String fileIssuer = root.path("issuer").isTextual() ? root.get("issuer").asText() : boundIssuer;
        for (JsonNode node : list) {
            String issuer = node.path("issuer").isTextual() ? node.get("issuer").asText() : fileIssuer;
            if (issuer == null) {
                throw new IllegalArgumentException("the JWK set " + file + " names no issuer: add a top-level"
                        + " \"issuer\" (the iss of the SMART Health Cards or the issuer of the W3C credentials"
                        + " its keys sign), so that its keys vouch for that issuer only");
            }
            if (boundIssuer != null && !sameIssuer(issuer, boundIssuer)) {
                throw new IllegalArgumentException(
                        "the JWK set " + file + " names issuer " + issuer + ", not " + boundIssuer);
            }
            try {
                JWK jwk = JWK.parse(JSON.writeValueAsString(node));
                if (jwk.isPrivate()) {
                    throw new IllegalArgumentException("a trust file must hold public keys only: " + file);
                }
                add(jwk, issuer, keys);
            } catch (ParseException | JOSEException e) {
                throw new IllegalArgumentException("not a valid JWK in " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean sameIssuer(String a, String b) {
        return stripSlash(a).equals(stripSlash(b));
    }

    private static String stripSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    private static void add(JWK jwk, String issuer, Map<KeyPurpose, List<TrustedKey>> keys) throws JOSEException {
        if (jwk instanceof ECKey ec) {
            PublicKey key = ec.toECPublicKey();
            String kid = jwk.getKeyID() != null ? jwk.getKeyID() : KeyIds.shc(key);
            keys.get(KeyPurpose.SHC).add(new TrustedKey(kid, key, issuer, null));
        } else if (jwk instanceof OctetKeyPair okp) {
            if (!"Ed25519".equals(okp.getCurve().getName())) {
                throw new IllegalArgumentException("only Ed25519 OKP keys are supported, not " + okp.getCurve());
            }
            PublicKey key = Ed25519Keys.publicKey(okp.getDecodedX());
            String kid = jwk.getKeyID() != null ? jwk.getKeyID() : KeyIds.w3cVc(key);
            keys.get(KeyPurpose.W3C_VC).add(new TrustedKey(kid, key, issuer, null));
        } else if (jwk instanceof RSAKey rsa) {
            PublicKey key = rsa.toRSAPublicKey();
            String kid = jwk.getKeyID() != null ? jwk.getKeyID() : KeyIds.w3cVc(key);
            keys.get(KeyPurpose.W3C_VC).add(new TrustedKey(kid, key, issuer, null));
        } else {
            throw new IllegalArgumentException("unsupported key type " + jwk.getKeyType());
        }
    }

    static Map<KeyPurpose, List<TrustedKey>> empty() {
        Map<KeyPurpose, List<TrustedKey>> keys = new EnumMap<>(KeyPurpose.class);
        for (KeyPurpose purpose : KeyPurpose.values()) {
            keys.put(purpose, new ArrayList<>());
        }
        return keys;
    }

    static Map<KeyPurpose, List<TrustedKey>> freeze(Map<KeyPurpose, List<TrustedKey>> keys) {
        Map<KeyPurpose, List<TrustedKey>> frozen = new EnumMap<>(KeyPurpose.class);
        keys.forEach((purpose, list) -> frozen.put(purpose, List.copyOf(list)));
        return frozen;
    }
}
