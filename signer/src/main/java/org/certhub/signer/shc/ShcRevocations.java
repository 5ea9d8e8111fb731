package org.certhub.signer.shc;

/**
 * Whether the issuer revoked a card: its revocation id {@code vc.rid} is on the card revocation list of the key
 * that signed it ({@code /.well-known/crl/{kid}.json}).
 */
@FunctionalInterface
public interface ShcRevocations {

    /** Knows no revoked card: for a verifier without this hub's store. */
    ShcRevocations NONE = (kid, rid) -> false;

    boolean isRevoked(String kid, String rid);
}
