package org.certhub.routes.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.KeyStoreSigningKeyProvider;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.keys.SigningKeyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyProvidersTest {

    @TempDir
    Path dir;

    @Test
    void theKeystoreIsTheDefaultAndIsCreatedWithDevelopmentKeys() {
        SigningKeyProvider keys =
                SigningKeyProviders.from(new CerthubProperties.Keys(dir.resolve("keys"), null, null, null, null, null));
        assertThat(keys).isInstanceOf(KeyStoreSigningKeyProvider.class);
        assertThat(keys.activeKey(KeyPurpose.W3C_VC).publicKey().getAlgorithm()).isIn("Ed25519", "EdDSA");
    }

    @Test
    void withoutDevelopmentKeysAMissingKeystoreStopsTheStartNamingTheVariablesAndAGivenOneOpens() {
        CerthubProperties.Keys scaleOut =
                new CerthubProperties.Keys(dir.resolve("keys"), null, null, null, null, false);
        assertThatThrownBy(() -> SigningKeyProviders.from(scaleOut))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CERTHUB_KEYS_DIR")
                .hasMessageContaining("CERTHUB_KEYSTORE_PASSWORD");
        assertThat(dir.resolve("keys")).doesNotExist();

        KeyStoreSigningKeyProvider made =
                KeyStoreSigningKeyProvider.openOrCreate(dir.resolve("keys"), "operator-secret".toCharArray());
        SigningKeyProvider opened = SigningKeyProviders.from(
                new CerthubProperties.Keys(dir.resolve("keys"), "operator-secret", null, null, null, false));
        assertThat(opened.activeKey(KeyPurpose.SHC).kid())
                .isEqualTo(made.activeKey(KeyPurpose.SHC).kid());
    }

    @Test
    void pemFilesConfiguredPerPurposeSign() throws IOException {
        KeyStoreSigningKeyProvider source = KeyStoreSigningKeyProvider.openOrCreate(dir.resolve("source"), null);
        SigningKey w3c = source.activeKey(KeyPurpose.W3C_VC);
        Path pem = dir.resolve("w3c.key.pem");
        Files.writeString(pem, pkcs8Pem(w3c));

        SigningKeyProvider keys = SigningKeyProviders.from(new CerthubProperties.Keys(
                dir,
                null,
                "pem",
                Map.of(KeyPurpose.W3C_VC, List.of(new CerthubProperties.PemKeyFiles(pem, null))),
                null,
                null));

        assertThat(keys.activeKey(KeyPurpose.W3C_VC).publicKey()).isEqualTo(w3c.publicKey());
    }

    @Test
    void anHsmWithoutItsLibraryOrPinIsAConfigurationErrorThatSaysWhatIsMissing() {
        assertThatThrownBy(() ->
                        SigningKeyProviders.from(new CerthubProperties.Keys(dir, null, "pkcs11", null, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("certhub.keys.pkcs11.library");
    }

    private static String pkcs8Pem(SigningKey key) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new JcaPKCS8Generator(key.privateKey(), null));
        }
        return out.toString();
    }
}
