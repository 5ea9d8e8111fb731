package org.certhub.signer.shc;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.keys.SigningKeyProvider;
import org.certhub.signer.keys.TrustedKey;
import org.certhub.signer.keys.TrustedKeys;

/** Keys generated for a test: one active SHC key, published as trusted under an issuer. */
final class ShcTestKeys implements SigningKeyProvider, TrustedKeys {

    private final SigningKey active;
    private final List<TrustedKey> trusted = new ArrayList<>();

    private ShcTestKeys(SigningKey active) {
        this.active = active;
    }

    /** A fresh P-256 key, signing through {@code provider} (null for the default), trusted for {@code issuer}. */
    static ShcTestKeys generate(String issuer, Provider provider) {
        KeyPair pair = keyPair("secp256r1");
        String kid = ShcFormat.thumbprintOf(pair.getPublic());
        return of(
                new SigningKey(
                        kid,
                        KeyPurpose.SHC,
                        pair.getPrivate(),
                        pair.getPublic(),
                        List.of(),
                        provider,
                        Instant.now(),
                        true),
                issuer);
    }

    /** The given key, active and trusted for {@code issuer}. */
    static ShcTestKeys of(SigningKey key, String issuer) {
        ShcTestKeys keys = new ShcTestKeys(key);
        keys.trusted.add(new TrustedKey(key.kid(), key.publicKey(), issuer, null));
        return keys;
    }

    static KeyPair keyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    SigningKey active() {
        return active;
    }

    @Override
    public SigningKey activeKey(KeyPurpose purpose) {
        return active;
    }

    @Override
    public List<SigningKey> keys(KeyPurpose purpose) {
        return purpose == KeyPurpose.SHC ? List.of(active) : List.of();
    }

    @Override
    public List<TrustedKey> find(KeyPurpose purpose, String kid) {
        return purpose == KeyPurpose.SHC
                ? trusted.stream().filter(k -> k.kid().equals(kid)).toList()
                : List.of();
    }
}
