package org.certhub.routes.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.KeyStoreSigningKeyProvider;
import org.certhub.signer.keys.PemSigningKeyProvider;
import org.certhub.signer.keys.Pkcs11SigningKeyProvider;
import org.certhub.signer.keys.SigningKeyProvider;
import org.certhub.signer.publish.PublicKeyDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing key provider {@code certhub.keys.provider} names, built from its settings. Development keys are made
 * only when {@code certhub.keys.development} allows it (the embedded mode) and announced at start.
 */
public final class SigningKeyProviders {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyProviders.class);

    private SigningKeyProviders() {}

    public static SigningKeyProvider from(CerthubProperties.Keys keys) {
        return switch (keys.provider()) {
            case "pem" ->
                new PemSigningKeyProvider(new PemSigningKeyProvider.Settings(keys.pem().entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey,
                                entry -> entry.getValue().stream()
                                        .map(files -> new PemSigningKeyProvider.PemKey(
                                                files.privateKey(), files.certificateChain()))
                                        .toList()))));
            case "pkcs11" -> {
                CerthubProperties.Pkcs11 hsm = keys.pkcs11();
                if (hsm == null || hsm.library() == null || hsm.pin() == null) {
                    throw new IllegalStateException(
                            "certhub.keys.provider=pkcs11 needs certhub.keys.pkcs11.library and .pin");
                }
                yield new Pkcs11SigningKeyProvider(new Pkcs11SigningKeyProvider.Settings(
                        hsm.library(),
                        hsm.slot(),
                        hsm.slotListIndex(),
                        hsm.pin().toCharArray(),
                        hsm.aliases()));
            }
            default -> keys.development() ? developmentKeystore(keys) : existingKeystore(keys);
        };
    }

    /** The embedded mode: the keystore, made with development keys when absent; announced whenever they sign. */
    private static SigningKeyProvider developmentKeystore(CerthubProperties.Keys keys) {
        KeyStoreSigningKeyProvider provider = KeyStoreSigningKeyProvider.openOrCreate(keys.dir(), password(keys));
        boolean development = false;
        for (KeyPurpose purpose : KeyPurpose.values()) {
            development |= provider.activeKey(purpose).development();
        }
        if (development) {
            LOG.warn(
                    "Signing with DEVELOPMENT keys the hub generated in {}: for trying certhub out, not for certificates"
                            + " citizens rely on; /.well-known/jwks.json and did.json mark them \"{}\": true. Give the"
                            + " hub its own keys (CERTHUB_KEYS_DIR, CERTHUB_KEYS_PROVIDER) before issuing for real.",
                    keys.dir(),
                    PublicKeyDocuments.DEVELOPMENT_MARKER);
        }
        return provider;
    }

    /** The scale-out mode: the keystore must exist; the hub never makes keys of its own there. */
    private static SigningKeyProvider existingKeystore(CerthubProperties.Keys keys) {
        Path file = keys.dir().resolve(KeyStoreSigningKeyProvider.DEV_KEYSTORE_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no signing keystore at " + file + ": this mode never generates signing"
                    + " keys. Set CERTHUB_KEYS_DIR to the folder holding "
                    + KeyStoreSigningKeyProvider.DEV_KEYSTORE_FILE
                    + " (the same for every node) and CERTHUB_KEYSTORE_PASSWORD to its password, or use"
                    + " CERTHUB_KEYS_PROVIDER=pem or pkcs11");
        }
        char[] password = password(keys);
        Path passwordFile = keys.dir().resolve(KeyStoreSigningKeyProvider.DEV_PASSWORD_FILE);
        if (password == null) {
            if (!Files.isRegularFile(passwordFile)) {
                throw new IllegalStateException(
                        "no password for the signing keystore " + file + ": set CERTHUB_KEYSTORE_PASSWORD");
            }
            try {
                password = Files.readString(passwordFile, StandardCharsets.US_ASCII)
                        .strip()
                        .toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + passwordFile, e);
            }
        }
        return KeyStoreSigningKeyProvider.open(new KeyStoreSigningKeyProvider.Settings(file, password));
    }

    private static char[] password(CerthubProperties.Keys keys) {
        return keys.password() == null || keys.password().isEmpty()
                ? null
                : keys.password().toCharArray();
    }
}
