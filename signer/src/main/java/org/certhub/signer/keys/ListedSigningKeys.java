package org.certhub.signer.keys;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A provider whose keys are listed in its configuration, per purpose: the first active, the rest retired. */
abstract class ListedSigningKeys implements SigningKeyProvider {

    private final Map<KeyPurpose, List<SigningKey>> keys = new EnumMap<>(KeyPurpose.class);
    private final String source;

    /** @param source how the configuration names this kind of key, for the error when a purpose has none */
    ListedSigningKeys(String source) {
        this.source = source;
    }

    /** Sets the keys of a purpose, in the configured order. */
    final void list(KeyPurpose purpose, List<SigningKey> ofPurpose) {
        keys.put(purpose, List.copyOf(ofPurpose));
    }

    @Override
    public final SigningKey activeKey(KeyPurpose purpose) {
        List<SigningKey> ofPurpose = keys(purpose);
        if (ofPurpose.isEmpty()) {
            throw new IllegalStateException("no " + source + " is configured for " + purpose);
        }
        return ofPurpose.get(0);
    }

    @Override
    public final List<SigningKey> keys(KeyPurpose purpose) {
        return keys.getOrDefault(purpose, List.of());
    }
}
