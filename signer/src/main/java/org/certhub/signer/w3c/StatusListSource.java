package org.certhub.signer.w3c;

import java.util.Optional;

/** Finds a signed Bitstring Status List credential by its URL, for the verifier. */
@FunctionalInterface
public interface StatusListSource {

    /** Reads nothing: credentials' status entries are then not checked. */
    StatusListSource NONE = url -> Optional.empty();

    /** The signed status list credential at {@code url}, or empty when this source cannot answer for it. */
    Optional<String> statusListCredential(String url);
}
