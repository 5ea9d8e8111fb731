package org.certhub.signer.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemSigningKeyProviderTest {

    @TempDir
    Path dir;

    @Test
    void readsPkcs8KeysWithAndWithoutCertificatesActiveFirst() throws Exception {
        KeyPair ed = KeyMaterial.ed25519();
        KeyPair edRetired = KeyMaterial.ed25519();
        KeyPair csca = KeyMaterial.p256();
        KeyPair dsc = KeyMaterial.p256();
        var cscaCert = KeyMaterial.selfSigned(csca, "CN=Test CSCA,C=XX", Instant.now(), Duration.ofDays(30), true);
        var dscCert = KeyMaterial.documentSigner(
                dsc.getPublic(), "CN=Test DSC,C=XX", cscaCert, csca.getPrivate(), Instant.now(), Duration.ofDays(10));

        PemSigningKeyProvider keys = new PemSigningKeyProvider(new PemSigningKeyProvider.Settings(Map.of(
                KeyPurpose.W3C_VC,
                        List.of(
                                new PemSigningKeyProvider.PemKey(pkcs8(ed, "w3c.pem"), null),
                                new PemSigningKeyProvider.PemKey(pkcs8(edRetired, "w3c-old.pem"), null)),
                KeyPurpose.EU_DCC,
                        List.of(new PemSigningKeyProvider.PemKey(
                                pkcs8(dsc, "dsc.pem"), pem("chain.pem", dscCert, cscaCert))))));

        assertThat(keys.activeKey(KeyPurpose.W3C_VC).kid()).isEqualTo(KeyIds.w3cVc(ed.getPublic()));
        assertThat(keys.keys(KeyPurpose.W3C_VC))
                .extracting(SigningKey::kid)
                .containsExactly(KeyIds.w3cVc(ed.getPublic()), KeyIds.w3cVc(edRetired.getPublic()));
        assertThat(keys.keys(KeyPurpose.W3C_VC)).extracting(SigningKey::active).containsExactly(true, false);
        SigningKey signer = keys.activeKey(KeyPurpose.EU_DCC);
        assertThat(signer.kid()).isEqualTo(KeyIds.euDcc(dscCert));
        assertThat(signer.certificateChain()).containsExactly(dscCert, cscaCert);
        assertThat(keys.keys(KeyPurpose.SHC)).isEmpty();
        KeyStoreSigningKeyProviderTest.assertSigns(keys.activeKey(KeyPurpose.W3C_VC));
        KeyStoreSigningKeyProviderTest.assertSigns(signer);
    }

    private Path pkcs8(KeyPair keyPair, String name) throws IOException {
        return pem(name, new JcaPKCS8Generator(keyPair.getPrivate(), null).generate());
    }

    private Path pem(String name, Object... objects) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        }
        return Files.writeString(dir.resolve(name), text.toString());
    }
}
