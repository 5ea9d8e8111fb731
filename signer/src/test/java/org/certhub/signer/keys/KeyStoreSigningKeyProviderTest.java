package org.certhub.signer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreSigningKeyProviderTest {

    @TempDir
    Path dataDir;

    @Test
    void firstStartCreatesOneActiveKeyPerPurpose() throws Exception {
        KeyStoreSigningKeyProvider keys = KeyStoreSigningKeyProvider.openOrCreate(dataDir.resolve("keys"), null);

        assertThat(keys.activeKey(KeyPurpose.W3C_VC).publicKey().getAlgorithm()).isIn("Ed25519", "EdDSA");
        assertThat(keys.activeKey(KeyPurpose.SHC).publicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(keys.activeKey(KeyPurpose.EU_DCC).publicKey()).isInstanceOf(ECPublicKey.class);
        for (KeyPurpose purpose : KeyPurpose.values()) {
            assertThat(keys.keys(purpose)).hasSize(1);
            assertThat(keys.activeKey(purpose).active()).isTrue();
            assertSigns(keys.activeKey(purpose));
        }
    }

    @Test
    void generatedPasswordAndKeystoreAreOwnerOnly() throws Exception {
        Path keysDir = dataDir.resolve("keys");
        KeyStoreSigningKeyProvider.openOrCreate(keysDir, null);

        Path passwordFile = keysDir.resolve(KeyStoreSigningKeyProvider.DEV_PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keysDir)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(keysDir.resolve(KeyStoreSigningKeyProvider.DEV_KEYSTORE_FILE))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(passwordFile)).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void reopeningFromDiskKeepsTheKeys() {
        Path keysDir = dataDir.resolve("keys");
        KeyStoreSigningKeyProvider first = KeyStoreSigningKeyProvider.openOrCreate(keysDir, null);
        first.rotate(KeyPurpose.SHC);

        KeyStoreSigningKeyProvider reopened = KeyStoreSigningKeyProvider.openOrCreate(keysDir, null);
        KeyStoreSigningKeyProvider opened = KeyStoreSigningKeyProvider.open(new KeyStoreSigningKeyProvider.Settings(
                keysDir.resolve(KeyStoreSigningKeyProvider.DEV_KEYSTORE_FILE), readPassword(keysDir)));

        for (KeyPurpose purpose : KeyPurpose.values()) {
            assertThat(kids(reopened.keys(purpose))).isEqualTo(kids(first.keys(purpose)));
            assertThat(kids(opened.keys(purpose))).isEqualTo(kids(first.keys(purpose)));
        }
        assertThat(reopened.keys(KeyPurpose.SHC)).hasSize(2);
    }

    @Test
    void rotationActivatesANewKeyAndRetainsTheOldOnesNewestFirst() {
        KeyStoreSigningKeyProvider keys = KeyStoreSigningKeyProvider.openOrCreate(dataDir.resolve("keys"), null);
        String first = keys.activeKey(KeyPurpose.EU_DCC).kid();

        String second = keys.rotate(KeyPurpose.EU_DCC).kid();
        String third = keys.rotate(KeyPurpose.EU_DCC).kid();

        assertThat(kids(keys.keys(KeyPurpose.EU_DCC))).containsExactly(third, second, first);
        assertThat(keys.keys(KeyPurpose.EU_DCC)).extracting(SigningKey::active).containsExactly(true, false, false);
        assertThat(keys.activeKey(KeyPurpose.EU_DCC).kid()).isEqualTo(third);
        assertThat(keys.findByKid(KeyPurpose.EU_DCC, first)).isPresent();
        assertThat(kids(keys.keys(KeyPurpose.W3C_VC))).hasSize(1);
    }

    @Test
    void euDccDocumentSignerIsIssuedByTheCscaWithVaccinationKeyUsage() throws Exception {
        KeyStoreSigningKeyProvider keys = KeyStoreSigningKeyProvider.openOrCreate(dataDir.resolve("keys"), null);
        SigningKey dsc = keys.activeKey(KeyPurpose.EU_DCC);

        assertThat(dsc.certificateChain()).hasSize(2);
        X509Certificate signer = dsc.certificateChain().get(0);
        X509Certificate csca = dsc.certificateChain().get(1);
        signer.verify(csca.getPublicKey());
        csca.verify(csca.getPublicKey());
        assertThat(csca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(signer.getBasicConstraints()).isEqualTo(-1);
        assertThat(signer.getExtendedKeyUsage()).containsExactly(KeyMaterial.EU_DCC_EKU_VACCINATION);
        assertThat(signer.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(signer.getPublicKey().getEncoded()).isEqualTo(dsc.publicKey().getEncoded());
    }

    @Test
    void keyIdsFollowEachFormatsRule() throws Exception {
        KeyStoreSigningKeyProvider keys = KeyStoreSigningKeyProvider.openOrCreate(dataDir.resolve("keys"), null);

        SigningKey dsc = keys.activeKey(KeyPurpose.EU_DCC);
        byte[] certHash = MessageDigest.getInstance("SHA-256")
                .digest(dsc.certificateChain().get(0).getEncoded());
        assertThat(dsc.kid()).isEqualTo(Base64.getEncoder().encodeToString(Arrays.copyOf(certHash, 8)));

        SigningKey shc = keys.activeKey(KeyPurpose.SHC);
        assertThat(shc.kid())
                .isEqualTo(new ECKey.Builder(Curve.P_256, (ECPublicKey) shc.publicKey())
                        .build()
                        .computeThumbprint("SHA-256")
                        .toString());

        SigningKey w3c = keys.activeKey(KeyPurpose.W3C_VC);
        byte[] spkiHash =
                MessageDigest.getInstance("SHA-256").digest(w3c.publicKey().getEncoded());
        assertThat(w3c.kid())
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(spkiHash, 16)));
    }

    @Test
    void aWrongPasswordFailsWithoutDisclosingIt() {
        Path keysDir = dataDir.resolve("keys");
        KeyStoreSigningKeyProvider.openOrCreate(keysDir, "correct horse".toCharArray());

        assertThatThrownBy(() -> KeyStoreSigningKeyProvider.openOrCreate(keysDir, "battery staple".toCharArray()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrong password")
                .hasMessageNotContaining("battery staple");
        assertThat(keysDir.resolve(KeyStoreSigningKeyProvider.DEV_PASSWORD_FILE))
                .doesNotExist();
    }

    @Test
    void openingAMissingKeystoreFails() {
        assertThatThrownBy(() -> KeyStoreSigningKeyProvider.open(
                        new KeyStoreSigningKeyProvider.Settings(dataDir.resolve("absent.p12"), "x".toCharArray())))
                .isInstanceOf(IllegalStateException.class);
    }

    static void assertSigns(SigningKey key) throws Exception {
        String algorithm = key.purpose() == KeyPurpose.W3C_VC ? "Ed25519" : "SHA256withECDSA";
        byte[] data = "certificate".getBytes();
        Signature signer = Signature.getInstance(algorithm, key.provider());
        signer.initSign(key.privateKey());
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm, Bc.PROVIDER);
        verifier.initVerify(key.publicKey());
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
    }

    private static List<String> kids(List<SigningKey> keys) {
        return keys.stream().map(SigningKey::kid).toList();
    }

    private static char[] readPassword(Path keysDir) {
        try {
            return Files.readString(keysDir.resolve(KeyStoreSigningKeyProvider.DEV_PASSWORD_FILE))
                    .strip()
                    .toCharArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
