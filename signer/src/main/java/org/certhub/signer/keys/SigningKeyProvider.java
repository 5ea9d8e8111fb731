package org.certhub.signer.keys;

import java.util.List;
import java.util.Optional;

/**
 * Where signing keys come from: a PKCS#12 keystore, PEM files, an HSM over PKCS#11. One key per purpose is
 * active; retired keys stay listed so that certificates they signed keep verifying.
 */
public interface SigningKeyProvider {

    /** The key that signs new credentials for this purpose. */
    SigningKey activeKey(KeyPurpose purpose);

    /** Every key of this purpose, active and retired, newest first: what is published. */
    List<SigningKey> keys(KeyPurpose purpose);

    /** A provider holding one key, active for every purpose asked: for keys made in memory (tests, benchmarks). */
    static SigningKeyProvider single(SigningKey key) {
        return new SigningKeyProvider() {
            @Override
            public SigningKey activeKey(KeyPurpose purpose) {
                return key;
            }

            @Override
            public List<SigningKey> keys(KeyPurpose purpose) {
                return List.of(key);
            }
        };
    }

    default Optional<SigningKey> findByKid(KeyPurpose purpose, String kid) {
        return keys(purpose).stream().filter(k -> k.kid().equals(kid)).findFirst();
    }
}
