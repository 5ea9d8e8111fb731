package org.certhub.signer.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.certhub.signer.keys.KeyIds;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.TrustedKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an EU DCC trust list as the gateway and national backends publish it, a JSON array of
 * {@code {"kid", "country", "certificateType", "signature", "rawData"}} ({@code rawData}: the base64 DER
 * certificate), keeping only the document signers that the configured anchors vouch for:
 * <ul>
 *   <li>a DSC must be issued and signed by a configured CSCA of its country (the entry's {@code country}, else the
 *       certificate's C); any other is ignored and logged (its kid and country only);</li>
 *   <li>where an entry carries a {@code signature} (the gateway's CMS SignedData over the DER, detached) and
 *       gateway certificates are configured, that signature must verify with one of them; else the entry is
 *       ignored and logged.</li>
 * </ul>
 * Entries of other certificate types are skipped; an entry whose kid is not its certificate's fails the list.
 */
public final class EuDscList {

    /** The trust anchors: the CSCAs of the countries whose DSCs are accepted, and the gateway's signers. */
    public record Anchors(List<X509Certificate> cscas, List<X509Certificate> gatewaySigners) {
        public Anchors {
            cscas = List.copyOf(cscas);
            gatewaySigners = List.copyOf(gatewaySigners);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(EuDscList.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Anchors anchors;

    public EuDscList(Anchors anchors) {
        this.anchors = Objects.requireNonNull(anchors, "anchors");
    }

    /** The document signers of the list that the anchors vouch for; throws if the list is unreadable. */
    public Map<KeyPurpose, List<TrustedKey>> parse(byte[] json, String source) {
        Map<KeyPurpose, List<TrustedKey>> keys = TrustDirectory.empty();
        try {
            JsonNode list = JSON.readTree(json);
            if (list == null || !list.isArray()) {
                throw new IllegalArgumentException("not an EU DCC trust list (a JSON array): " + source);
            }
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (JsonNode entry : list) {
                if (entry.hasNonNull("certificateType")
                        && !"DSC".equals(entry.get("certificateType").asText())) {
                    continue;
                }
                byte[] der = Base64.getDecoder().decode(entry.path("rawData").asText());
                X509Certificate dsc = (X509Certificate) x509.generateCertificate(new ByteArrayInputStream(der));
                String kid = KeyIds.euDcc(dsc);
                if (entry.hasNonNull("kid") && !kid.equals(entry.get("kid").asText())) {
                    throw new IllegalArgumentException(
                            "trust list entry's kid does not match its certificate: " + source);
                }
                String country =
                        entry.hasNonNull("country") ? entry.get("country").asText() : country(dsc);
                if (!issuedByCscaOf(dsc, country)) {
                    LOG.warn(
                            "trust list {}: DSC {} of {} is not signed by a configured CSCA of its country; ignored",
                            source,
                            kid,
                            country);
                } else if (entry.hasNonNull("signature")
                        && !gatewaySigned(der, entry.get("signature").asText())) {
                    LOG.warn(
                            "trust list {}: DSC {} of {} has no valid gateway signature; ignored",
                            source,
                            kid,
                            country);
                } else {
                    keys.get(KeyPurpose.EU_DCC)
                            .add(new TrustedKey(
                                    kid,
                                    dsc.getPublicKey(),
                                    dsc.getSubjectX500Principal().getName(),
                                    dsc));
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not a readable EU DCC trust list: " + source, e);
        }
        return TrustDirectory.freeze(keys);
    }

    private boolean issuedByCscaOf(X509Certificate dsc, String country) {
        for (X509Certificate csca : anchors.cscas()) {
            if (Objects.equals(country(csca), country)
                    && csca.getSubjectX500Principal().equals(dsc.getIssuerX500Principal())
                    && signedBy(dsc, csca)) {
                return true;
            }
        }
        return false;
    }

    private static boolean signedBy(X509Certificate dsc, X509Certificate csca) {
        try {
            dsc.verify(csca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Without configured gateway signers there is nothing to check a signature against: the CSCA check stands. */
    private boolean gatewaySigned(byte[] der, String signature) {
        if (anchors.gatewaySigners().isEmpty()) {
            return true;
        }
        try {
            CMSSignedData cms = new CMSSignedData(
                    new CMSProcessableByteArray(der), Base64.getDecoder().decode(signature));
            for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
                for (X509Certificate gateway : anchors.gatewaySigners()) {
                    if (signer.getSID().match(new JcaX509CertificateHolder(gateway))
                            && signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(gateway))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The certificate subject's country (C), or null. */
    static String country(X509Certificate certificate) {
        RDN[] countries = X500Name.getInstance(
                        certificate.getSubjectX500Principal().getEncoded())
                .getRDNs(BCStyle.C);
        return countries.length == 0
                ? null
                : IETFUtils.valueToString(countries[0].getFirst().getValue());
    }
}
