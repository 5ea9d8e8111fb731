package org.certhub.signer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Against a real PKCS#11 module: SoftHSM2 (Debian package {@code softhsm2}). The test makes its own token in
 * {@code target/softhsm} (surefire points {@code SOFTHSM2_CONF} there). Skipped when SoftHSM2 is not installed,
 * except in CI ({@code CI=true}), where it must run.
 */
class Pkcs11SigningKeyProviderTest {

    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String PIN = "4711-user";

    @Test
    void signsWithKeysThatStayOnTheToken() throws Exception {
        requireSoftHsm();
        initToken();
        Pkcs11SigningKeyProvider.Settings settings = new Pkcs11SigningKeyProvider.Settings(
                LIBRARY, null, 0, PIN.toCharArray(), Map.of(KeyPurpose.SHC, List.of("shc-2026", "shc-2025")));
        Provider pkcs11 = Pkcs11SigningKeyProvider.provider(settings);
        KeyStore token = Pkcs11SigningKeyProvider.token(pkcs11, PIN.toCharArray());
        X509Certificate retired = generateOnToken(pkcs11, token, "shc-2025");
        X509Certificate active = generateOnToken(pkcs11, token, "shc-2026");

        Pkcs11SigningKeyProvider keys = new Pkcs11SigningKeyProvider(settings);

        SigningKey key = keys.activeKey(KeyPurpose.SHC);
        assertThat(key.kid()).isEqualTo(KeyIds.shc(active.getPublicKey()));
        assertThat(keys.keys(KeyPurpose.SHC))
                .extracting(SigningKey::kid)
                .containsExactly(KeyIds.shc(active.getPublicKey()), KeyIds.shc(retired.getPublicKey()));
        assertThat(key.privateKey().getEncoded())
                .as("the private key never leaves the token")
                .isNull();
        assertThat(key.provider().getName()).startsWith("SunPKCS11");

        byte[] data = "certhub".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA", key.provider());
        signer.initSign(key.privateKey());
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA", Bc.PROVIDER);
        verifier.initVerify(key.publicKey());
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
        verifier.initVerify(retired.getPublicKey());
        verifier.update(data);
        assertThat(verifier.verify(signature)).isFalse();
    }

    private static X509Certificate generateOnToken(Provider pkcs11, KeyStore token, String alias) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", pkcs11);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keyPair = generator.generateKeyPair();
        X509Certificate certificate = KeyMaterial.selfSigned(
                keyPair, "CN=" + alias + ",O=certhub test", Instant.now(), Duration.ofDays(1), false, pkcs11);
        token.setKeyEntry(alias, keyPair.getPrivate(), null, new Certificate[] {certificate});
        return certificate;
    }

    private static void requireSoftHsm() {
        boolean installed = Files.isRegularFile(LIBRARY) && Files.isExecutable(Path.of("/usr/bin/softhsm2-util"));
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("SoftHSM2 is required in CI: apt-get install -y softhsm2");
        }
        assumeTrue(installed, "SoftHSM2 is not installed (apt-get install -y softhsm2)");
    }

    private static void initToken() throws IOException, InterruptedException {
        String conf = System.getenv("SOFTHSM2_CONF");
        assertThat(conf).as("SOFTHSM2_CONF, set by surefire").isNotBlank();
        Path confFile = Path.of(conf);
        Path tokens = confFile.resolveSibling("tokens");
        if (Files.exists(tokens)) {
            try (Stream<Path> files = Files.walk(tokens)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(
                confFile,
                "directories.tokendir = " + tokens.toAbsolutePath() + "\nobjectstore.backend = file\n"
                        + "log.level = ERROR\n");
        Process process = new ProcessBuilder(
                        "softhsm2-util",
                        "--init-token",
                        "--free",
                        "--label",
                        "certhub-test",
                        "--pin",
                        PIN,
                        "--so-pin",
                        "4711-officer")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
