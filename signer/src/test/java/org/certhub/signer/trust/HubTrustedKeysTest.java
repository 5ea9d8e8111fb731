package org.certhub.signer.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.certhub.signer.keys.KeyIds;
import org.certhub.signer.keys.KeyMaterial;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.KeyStoreSigningKeyProvider;
import org.certhub.signer.keys.TrustedKey;
import org.certhub.signer.w3c.Ed25519Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubTrustedKeysTest {

    @TempDir
    Path dir;

    @Test
    void combinesOwnKeysIncludingRetiredWithTheTrustFolder() throws Exception {
        KeyStoreSigningKeyProvider own = KeyStoreSigningKeyProvider.openOrCreate(dir.resolve("keys"), null);
        String retiredKid = own.activeKey(KeyPurpose.W3C_VC).kid();
        own.rotate(KeyPurpose.W3C_VC);

        Path trust = Files.createDirectory(dir.resolve("trust"));
        KeyPair csca = KeyMaterial.p256();
        X509Certificate cscaCert =
                KeyMaterial.selfSigned(csca, "CN=CSCA,O=Other Country,C=FR", Instant.now(), Duration.ofDays(90), true);
        X509Certificate pemDsc = KeyMaterial.documentSigner(
                KeyMaterial.p256().getPublic(),
                "CN=DSC one,C=FR",
                cscaCert,
                csca.getPrivate(),
                Instant.now(),
                Duration.ofDays(30));
        X509Certificate derDsc = KeyMaterial.documentSigner(
                KeyMaterial.p256().getPublic(),
                "CN=DSC two,C=FR",
                cscaCert,
                csca.getPrivate(),
                Instant.now(),
                Duration.ofDays(30));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(pemDsc);
        }
        Files.writeString(trust.resolve("fr-dsc.pem"), pem.toString());
        Files.write(trust.resolve("fr-dsc.der"), derDsc.getEncoded());
        ECPublicKey shcKey = (ECPublicKey) KeyMaterial.p256().getPublic();
        String shcJwk = new ECKey.Builder(Curve.P_256, shcKey)
                .keyIDFromThumbprint()
                .build()
                .toJSONString();
        KeyPair divoc = KeyMaterial.ed25519();
        String okpJwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(Ed25519Keys.raw(divoc.getPublic())))
                .keyID("divoc-2021")
                .build()
                .toJSONString();
        Files.writeString(
                trust.resolve("issuers.json"),
                "{\"issuer\":\"https://spec.smarthealth.cards/examples/issuer\",\"keys\":[" + shcJwk + ","
                        + okpJwk.replaceFirst("\\{", "{\"issuer\":\"did:web:divoc.example\",") + "]}");
        Files.writeString(trust.resolve("README.txt"), "ignored");

        HubTrustedKeys trusted =
                new HubTrustedKeys(own, new HubTrustedKeys.Settings("did:web:certs.example.org", null, trust));

        assertThat(trusted.find(KeyPurpose.W3C_VC, retiredKid))
                .singleElement()
                .extracting(TrustedKey::issuer)
                .isEqualTo("did:web:certs.example.org");
        assertThat(trusted.find(
                        KeyPurpose.W3C_VC, own.activeKey(KeyPurpose.W3C_VC).kid()))
                .hasSize(1);
        assertThat(trusted.find(
                        KeyPurpose.EU_DCC, own.activeKey(KeyPurpose.EU_DCC).kid()))
                .singleElement()
                .satisfies(k -> assertThat(k.certificate()).isNotNull());
        assertThat(trusted.find(KeyPurpose.EU_DCC, KeyIds.euDcc(pemDsc)))
                .singleElement()
                .satisfies(k -> {
                    assertThat(k.issuer()).contains("CN=DSC one");
                    assertThat(k.publicKey()).isEqualTo(pemDsc.getPublicKey());
                });
        assertThat(trusted.find(KeyPurpose.EU_DCC, KeyIds.euDcc(derDsc))).hasSize(1);
        assertThat(trusted.find(KeyPurpose.SHC, KeyIds.shc(shcKey)))
                .singleElement()
                .extracting(TrustedKey::issuer)
                .isEqualTo("https://spec.smarthealth.cards/examples/issuer");
        assertThat(trusted.find(KeyPurpose.W3C_VC, "divoc-2021"))
                .singleElement()
                .satisfies(k -> {
                    assertThat(k.issuer()).isEqualTo("did:web:divoc.example");
                    assertThat(Ed25519Keys.raw(k.publicKey())).isEqualTo(Ed25519Keys.raw(divoc.getPublic()));
                });
        assertThat(trusted.find(KeyPurpose.SHC, "divoc-2021")).isEmpty();
        assertThat(trusted.find(KeyPurpose.W3C_VC, "nobody")).isEmpty();
        assertThat(trusted.trustedIssuerKeyCounts())
                .containsEntry(KeyPurpose.EU_DCC, 2)
                .containsEntry(KeyPurpose.SHC, 1)
                .containsEntry(KeyPurpose.W3C_VC, 1);
    }

    @Test
    void aPrivateKeyOrBrokenFileInTheTrustFolderFailsTheLoad() throws Exception {
        Path trust = Files.createDirectory(dir.resolve("trust"));
        Files.writeString(
                trust.resolve("leaked.json"),
                "{\"keys\":["
                        + new ECKey.Builder(Curve.P_256, (ECPublicKey)
                                        KeyMaterial.p256().getPublic())
                                .privateKey(KeyMaterial.p256().getPrivate())
                                .build()
                                .toJSONString()
                        + "]}");

        assertThatThrownBy(() -> TrustDirectory.load(trust)).hasMessageContaining("leaked.json");

        Files.delete(trust.resolve("leaked.json"));
        Files.writeString(
                trust.resolve("broken.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> TrustDirectory.load(trust)).hasMessageContaining("broken.pem");
    }

    @Test
    void aJwkSetThatNamesNoIssuerFailsTheLoadSayingWhatToAdd() throws Exception {
        Path trust = Files.createDirectory(dir.resolve("trust"));
        String jwk = new ECKey.Builder(
                        Curve.P_256, (ECPublicKey) KeyMaterial.p256().getPublic())
                .keyIDFromThumbprint()
                .build()
                .toJSONString();
        Files.writeString(trust.resolve("partner.json"), "{\"keys\":[" + jwk + "]}");

        assertThatThrownBy(() -> TrustDirectory.load(trust))
                .hasMessageContaining("partner.json")
                .hasMessageContaining("names no issuer")
                .hasMessageContaining("\"issuer\"");
    }

    @Test
    void noTrustFolderTrustsOnlyOwnKeys() {
        assertThat(TrustDirectory.load(null).values())
                .allSatisfy(list -> assertThat(list).isEmpty());
        assertThat(TrustDirectory.load(dir.resolve("absent")).values())
                .allSatisfy(list -> assertThat(list).isEmpty());
    }
}
