package org.certhub.signer.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signing keys held in an HSM, reached through the JDK's SunPKCS11 provider. The private keys never leave
 * the token: each {@link SigningKey} carries a handle and the PKCS#11 provider that signs with it. Every
 * key needs a certificate on the token under the same alias (the public key and, for EU DCC, the document
 * signer certificate come from it). Per purpose, the configured aliases list the active key first, then
 * the retired ones.
 */
public final class Pkcs11SigningKeyProvider extends ListedSigningKeys {

    /**
     * @param library       the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slot          the slot id, or null to pick by {@code slotListIndex}
     * @param slotListIndex the index in the module's slot list, used when {@code slot} is null
     * @param pin           the user PIN (a secret: from the environment or a secret store)
     * @param aliases       per purpose, the key aliases on the token: active first, then retired
     */
    public record Settings(
            Path library, Long slot, Integer slotListIndex, char[] pin, Map<KeyPurpose, List<String>> aliases) {
        public Settings {
            Objects.requireNonNull(library, "library");
            Objects.requireNonNull(pin, "pin");
            if (slot == null && slotListIndex == null) {
                throw new IllegalArgumentException("give the PKCS#11 slot or slotListIndex");
            }
            pin = pin.clone();
            aliases = Map.copyOf(aliases);
        }

        @Override
        public String toString() {
            return "Settings[library=" + library + ", slot=" + slot + ", slotListIndex=" + slotListIndex + ", aliases="
                    + aliases + "]";
        }

        /** The SunPKCS11 configuration for this module and slot. */
        String providerConfiguration() {
            String selector = slot != null ? "slot = " + slot : "slotListIndex = " + slotListIndex;
            return "--name = certhub\nlibrary = \"" + library.toAbsolutePath() + "\"\n" + selector + "\n";
        }
    }

    private final Provider provider;

    public Pkcs11SigningKeyProvider(Settings settings) {
        super("PKCS#11 key alias");
        if (!Files.isRegularFile(settings.library())) {
            throw new IllegalStateException("no PKCS#11 module at " + settings.library());
        }
        this.provider = provider(settings);
        KeyStore token = token(provider, settings.pin());
        for (KeyPurpose purpose : KeyPurpose.values()) {
            List<String> aliases = settings.aliases().getOrDefault(purpose, List.of());
            List<SigningKey> loaded = new ArrayList<>(aliases.size());
            for (int i = 0; i < aliases.size(); i++) {
                loaded.add(read(token, purpose, aliases.get(i), i == 0));
            }
            list(purpose, loaded);
        }
    }

    /** A SunPKCS11 provider for the module and slot (not registered globally). */
    public static Provider provider(Settings settings) {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IllegalStateException("the JDK has no SunPKCS11 provider");
        }
        return base.configure(settings.providerConfiguration());
    }

    /** The token as a JCA keystore, logged in with the PIN. */
    public static KeyStore token(Provider pkcs11, char[] pin) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", pkcs11);
            keyStore.load(null, pin);
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot log in to the PKCS#11 token", e);
        }
    }

    /** The provider that signs with these keys. */
    public Provider provider() {
        return provider;
    }

    private SigningKey read(KeyStore token, KeyPurpose purpose, String alias, boolean active) {
        try {
            Key key = token.getKey(alias, null);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new IllegalStateException("the token has no private key under the alias " + alias);
            }
            Certificate[] certificates = token.getCertificateChain(alias);
            if (certificates == null || certificates.length == 0) {
                throw new IllegalStateException("the token has no certificate under the alias " + alias);
            }
            List<X509Certificate> chain =
                    Arrays.stream(certificates).map(X509Certificate.class::cast).toList();
            PublicKey publicKey = chain.get(0).getPublicKey();
            return new SigningKey(
                    KeyIds.of(purpose, publicKey, chain),
                    purpose,
                    privateKey,
                    publicKey,
                    chain,
                    provider,
                    chain.get(0).getNotBefore().toInstant(),
                    active);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key " + alias + " from the PKCS#11 token", e);
        }
    }
}
