package org.certhub.signer.keys;

import java.util.List;

/**
 * The public keys a verifier may accept: this hub's own (active and retired, from its
 * {@link SigningKeyProvider}) and other issuers' from the configured trust list.
 */
public interface TrustedKeys {

    /** Keys of this purpose with this key id; several issuers may reuse a kid, so all are returned. */
    List<TrustedKey> find(KeyPurpose purpose, String kid);
}
