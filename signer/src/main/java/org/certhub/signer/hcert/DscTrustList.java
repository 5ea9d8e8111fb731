package org.certhub.signer.hcert;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.SigningKey;

/**
 * This hub's document signers in the shape of the EU DCC gateway's and national backends' DSC trust list: a
 * JSON array of {@code {kid, timestamp, country, certificateType: "DSC", thumbprint, rawData}} (serialise the
 * list with any JSON mapper). The gateway's trust-anchor {@code signature} is left out: it is made by the
 * national backend operator when uploading, not by the issuer.
 */
public final class DscTrustList {

    private DscTrustList() {}

    /**
     * One DSC.
     *
     * @param kid        base64 of the first 8 bytes of the certificate's SHA-256
     * @param timestamp  when the key was created (ISO 8601), or the certificate's notBefore when unknown
     * @param country    the certificate subject's country (C), else the issuer's
     * @param thumbprint lower-case hex SHA-256 of the DER
     * @param rawData    the DER, base64
     */
    @JsonPropertyOrder({"kid", "timestamp", "country", "certificateType", "thumbprint", "rawData"})
    public record Entry(
            String kid, String timestamp, String country, String certificateType, String thumbprint, String rawData) {}

    /** The entries of the EU DCC keys (active and retired) that carry a certificate, in the given order. */
    public static List<Entry> of(List<SigningKey> keys) {
        return keys.stream()
                .filter(k -> k.purpose() == KeyPurpose.EU_DCC
                        && !k.certificateChain().isEmpty())
                .map(DscTrustList::entry)
                .toList();
    }

    private static Entry entry(SigningKey key) {
        X509Certificate dsc = key.certificateChain().get(0);
        byte[] der;
        byte[] sha256;
        try {
            der = dsc.getEncoded();
            sha256 = MessageDigest.getInstance("SHA-256").digest(der);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate of key " + key.kid() + " cannot be encoded", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
        Instant timestamp =
                key.createdAt() != null ? key.createdAt() : dsc.getNotBefore().toInstant();
        return new Entry(
                DocumentSigners.kidBase64(dsc),
                timestamp.truncatedTo(ChronoUnit.SECONDS).toString(),
                country(dsc),
                "DSC",
                HexFormat.of().formatHex(sha256),
                Base64.getEncoder().encodeToString(der));
    }

    private static String country(X509Certificate dsc) {
        for (X500Name name : List.of(
                X500Name.getInstance(dsc.getSubjectX500Principal().getEncoded()),
                X500Name.getInstance(dsc.getIssuerX500Principal().getEncoded()))) {
            RDN[] countries = name.getRDNs(BCStyle.C);
            if (countries.length > 0) {
                return IETFUtils.valueToString(countries[0].getFirst().getValue());
            }
        }
        return null;
    }
}
