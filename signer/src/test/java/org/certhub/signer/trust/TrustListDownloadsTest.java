package org.certhub.signer.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.certhub.signer.hcert.DscTrustList;
import org.certhub.signer.keys.KeyMaterial;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.KeyStoreSigningKeyProvider;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.keys.TrustedKey;
import org.certhub.signer.keys.TrustedKeys;
import org.certhub.signer.publish.PublicKeyDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustListDownloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path otherIssuer;

    @Test
    void anotherIssuersPublishedListsBecomeTrustedKeysAndABrokenRefreshKeepsTheLastGoodOnes() throws Exception {
        KeyStoreSigningKeyProvider other = KeyStoreSigningKeyProvider.openOrCreate(otherIssuer, null);
        SigningKey dsc = other.activeKey(KeyPurpose.EU_DCC);
        SigningKey shc = other.activeKey(KeyPurpose.SHC);
        byte[] dscList = JSON.writeValueAsBytes(DscTrustList.of(other.keys(KeyPurpose.EU_DCC)));
        byte[] jwks =
                PublicKeyDocuments.shcJwks(other.keys(KeyPurpose.SHC), kid -> 1).getBytes(StandardCharsets.UTF_8);

        TrustListDownloads downloads = new TrustListDownloads(new EuDscList.Anchors(List.of(csca(dsc)), List.of()));
        assertThat(downloads.find(KeyPurpose.EU_DCC, dsc.kid())).isEmpty();

        assertThat(downloads.accept("https://trust.example/dsc", TrustListDownloads.Format.EU_DSC, null, dscList))
                .isEqualTo(1);
        assertThat(downloads.accept(
                        "https://issuer.example/.well-known/jwks.json",
                        TrustListDownloads.Format.JWKS,
                        "https://issuer.example",
                        jwks))
                .isPositive();

        assertThat(downloads.find(KeyPurpose.EU_DCC, dsc.kid()))
                .singleElement()
                .satisfies(key -> assertThat(key.publicKey()).isEqualTo(dsc.publicKey()));
        assertThat(downloads.find(KeyPurpose.SHC, shc.kid())).singleElement().satisfies(key -> {
            assertThat(key.publicKey()).isEqualTo(shc.publicKey());
            assertThat(key.issuer()).isEqualTo("https://issuer.example");
        });

        assertThatThrownBy(() -> downloads.accept(
                        "https://trust.example/dsc",
                        TrustListDownloads.Format.EU_DSC,
                        null,
                        "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(downloads.find(KeyPurpose.EU_DCC, dsc.kid())).hasSize(1);

        TrustedKeys combined = TrustListDownloads.combined((purpose, kid) -> List.of(), downloads);
        assertThat(combined.find(KeyPurpose.EU_DCC, dsc.kid())).hasSize(1);
    }

    @Test
    void aJwkSetNamingAnotherIssuerThanItsListIsBoundToIsRefused() throws Exception {
        KeyStoreSigningKeyProvider other = KeyStoreSigningKeyProvider.openOrCreate(otherIssuer, null);
        ObjectNode jwks = (ObjectNode) JSON.readTree(PublicKeyDocuments.shcJwks(other.keys(KeyPurpose.SHC), kid -> 1));
        jwks.put("issuer", "https://certhub.example");
        TrustListDownloads downloads = new TrustListDownloads(new EuDscList.Anchors(List.of(), List.of()));

        assertThatThrownBy(() -> downloads.accept(
                        "https://partner.example/.well-known/jwks.json",
                        TrustListDownloads.Format.JWKS,
                        "https://partner.example",
                        JSON.writeValueAsBytes(jwks)))
                .hasMessageContaining("names issuer https://certhub.example");
    }

    @Test
    void aDocumentSignerNotIssuedByAConfiguredCscaOfItsCountryIsIgnored() throws Exception {
        KeyStoreSigningKeyProvider other = KeyStoreSigningKeyProvider.openOrCreate(otherIssuer, null);
        SigningKey dsc = other.activeKey(KeyPurpose.EU_DCC);
        byte[] dscList = JSON.writeValueAsBytes(DscTrustList.of(other.keys(KeyPurpose.EU_DCC)));
        KeyPair stranger = KeyMaterial.p256();
        X509Certificate strangerCsca = KeyMaterial.selfSigned(
                stranger,
                "CN=certhub development CSCA,O=certhub development,C=XX",
                Instant.now(),
                Duration.ofDays(9),
                true);

        TrustListDownloads sameNameOtherKey =
                new TrustListDownloads(new EuDscList.Anchors(List.of(strangerCsca), List.of()));
        assertThat(sameNameOtherKey.accept(
                        "https://trust.example/dsc", TrustListDownloads.Format.EU_DSC, null, dscList))
                .isZero();

        ArrayNode otherCountry = (ArrayNode) JSON.readTree(dscList);
        ((ObjectNode) otherCountry.get(0)).put("country", "FR");
        TrustListDownloads cscaOfXx = new TrustListDownloads(new EuDscList.Anchors(List.of(csca(dsc)), List.of()));
        assertThat(cscaOfXx.accept(
                        "https://trust.example/dsc",
                        TrustListDownloads.Format.EU_DSC,
                        null,
                        JSON.writeValueAsBytes(otherCountry)))
                .as("a DSC listed for FR needs a CSCA of FR")
                .isZero();
    }

    @Test
    void whereAnEntryCarriesTheGatewaysSignatureItMustVerifyWithAConfiguredGatewayCertificate() throws Exception {
        KeyStoreSigningKeyProvider other = KeyStoreSigningKeyProvider.openOrCreate(otherIssuer, null);
        SigningKey dsc = other.activeKey(KeyPurpose.EU_DCC);
        KeyPair gateway = KeyMaterial.p256();
        X509Certificate gatewayCertificate = KeyMaterial.selfSigned(
                gateway, "CN=gateway trust anchor,C=EU", Instant.now(), Duration.ofDays(9), false);
        KeyPair impostor = KeyMaterial.p256();
        X509Certificate impostorCertificate = KeyMaterial.selfSigned(
                impostor, "CN=gateway trust anchor,C=EU", Instant.now(), Duration.ofDays(9), false);
        TrustListDownloads downloads =
                new TrustListDownloads(new EuDscList.Anchors(List.of(csca(dsc)), List.of(gatewayCertificate)));

        assertThat(downloads.accept(
                        "https://trust.example/dsc",
                        TrustListDownloads.Format.EU_DSC,
                        null,
                        signedList(other, gateway, gatewayCertificate)))
                .isEqualTo(1);
        assertThat(downloads.accept(
                        "https://trust.example/dsc",
                        TrustListDownloads.Format.EU_DSC,
                        null,
                        signedList(other, impostor, impostorCertificate)))
                .isZero();
        assertThat(downloads.find(KeyPurpose.EU_DCC, dsc.kid())).isEmpty();
    }

    @Test
    void aTrustListEntryWhoseKidDoesNotMatchItsCertificateIsRefused() throws Exception {
        KeyStoreSigningKeyProvider other = KeyStoreSigningKeyProvider.openOrCreate(otherIssuer, null);
        String list = JSON.writeValueAsString(DscTrustList.of(other.keys(KeyPurpose.EU_DCC)))
                .replaceFirst("\"kid\":\"[^\"]+\"", "\"kid\":\"AAAAAAAAAAA=\"");
        TrustListDownloads downloads = new TrustListDownloads(
                new EuDscList.Anchors(List.of(csca(other.activeKey(KeyPurpose.EU_DCC))), List.of()));
        assertThatThrownBy(() -> downloads.accept(
                        "x", TrustListDownloads.Format.EU_DSC, null, list.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(downloads.find(
                        KeyPurpose.EU_DCC, other.activeKey(KeyPurpose.EU_DCC).kid()))
                .extracting(TrustedKey::kid)
                .isEmpty();
    }

    private static X509Certificate csca(SigningKey dsc) {
        return dsc.certificateChain().get(1);
    }

    /** The list with each entry's {@code signature}: a detached CMS SignedData over the DER, as the gateway adds. */
    private static byte[] signedList(KeyStoreSigningKeyProvider issuer, KeyPair signer, X509Certificate certificate)
            throws Exception {
        ArrayNode list =
                (ArrayNode) JSON.readTree(JSON.writeValueAsBytes(DscTrustList.of(issuer.keys(KeyPurpose.EU_DCC))));
        for (var entry : list) {
            byte[] der = Base64.getDecoder().decode(entry.get("rawData").asText());
            CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
            cms.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                            new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()), certificate));
            cms.addCertificates(new JcaCertStore(List.of(certificate)));
            ((ObjectNode) entry)
                    .put(
                            "signature",
                            Base64.getEncoder()
                                    .encodeToString(cms.generate(new CMSProcessableByteArray(der), false)
                                            .getEncoded()));
        }
        return JSON.writeValueAsBytes(list);
    }
}
