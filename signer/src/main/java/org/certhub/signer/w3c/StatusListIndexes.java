package org.certhub.signer.w3c;

/** Gives each certificate its position in the hub's Bitstring Status Lists; the same certificate id, the same index. */
@FunctionalInterface
public interface StatusListIndexes {

    /** The certificate's index across all lists (list {@code index / LIST_SIZE}, bit {@code index % LIST_SIZE}). */
    long indexFor(String certificateId);
}
