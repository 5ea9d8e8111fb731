package org.certhub.signer.w3c;

import java.util.Optional;

/** Finds a signed Bitstring Status List credential by its URL, for the verifier. */
@FunctionalInterface
public interface StatusListSource {

    /** Reads nothing: credentials' status entries are then not checked. */
    StatusListSource NONE = url -> Optional.empty();

    /** The signed status list credential at {@code url}, or empty when this source cannot answer for it. */
    Optional<String> statusListCredential(String url);

    /**
     * Whether bit {@code index} of the list at {@code url} is set, when this source keeps that list itself, as
     * {@code issuer}, and reads its bits where they are made: a hub checking its own credential then signs no list
     * credential only to verify that signature again (about two thirds of such a check's cost). Empty when it does
     * not: the verifier then reads the signed list.
     */
    default Optional<Boolean> ownListBit(String url, String issuer, int index) {
        return Optional.empty();
    }
}
