package org.certhub.signer.hcert;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Facts about EU DCC document signer certificates (DSCs): their key id and what they may sign. */
public final class DocumentSigners {

    /** Extended key usage OIDs of a DSC, per certificate type; the second of each is the variant some issuers used. */
    private static final Map<String, Set<String>> KEY_USAGE_OIDS = Map.of(
            "t", Set.of("1.3.6.1.4.1.1847.2021.1.1", "1.3.6.1.4.1.0.1847.2021.1.1"),
            "v", Set.of("1.3.6.1.4.1.1847.2021.1.2", "1.3.6.1.4.1.0.1847.2021.1.2"),
            "r", Set.of("1.3.6.1.4.1.1847.2021.1.3", "1.3.6.1.4.1.0.1847.2021.1.3"));
    /** The EKU OID of a DSC for vaccination certificates. */
    public static final String VACCINATION_OID = "1.3.6.1.4.1.1847.2021.1.2";

    private static final int KID_LENGTH = 8;

    private DocumentSigners() {}

    /** The HCERT key id: the first 8 bytes of the SHA-256 of the certificate's DER encoding. */
    public static byte[] kid(X509Certificate certificate) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()), KID_LENGTH);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    /** The key id as the EU trust lists and {@link org.certhub.signer.keys.TrustedKeys} name it: standard base64. */
    public static String kidBase64(X509Certificate certificate) {
        return Base64.getEncoder().encodeToString(kid(certificate));
    }

    /**
     * Whether the DSC may sign a DCC of this type ({@code v}, {@code t} or {@code r}): a DSC whose extended key
     * usage names none of the EU DCC OIDs may sign every type; one that names some may sign only those.
     */
    public static boolean maySign(X509Certificate certificate, String certificateType) {
        List<String> usages;
        try {
            usages = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return false;
        }
        if (usages == null) {
            return true;
        }
        boolean namesAny =
                usages.stream().anyMatch(oid -> KEY_USAGE_OIDS.values().stream().anyMatch(set -> set.contains(oid)));
        return !namesAny || usages.stream().anyMatch(KEY_USAGE_OIDS.getOrDefault(certificateType, Set.of())::contains);
    }
}
