package org.certhub.signer.keys;

/** What a signing key is for; each purpose has its own algorithm and its own active key. */
public enum KeyPurpose {
    /** W3C Verifiable Credentials (DIVOC style): Ed25519. */
    W3C_VC,
    /** EU Digital COVID Certificates: P-256 (ES256) document signer with an X.509 certificate. */
    EU_DCC,
    /** SMART Health Cards: P-256 (ES256), published in the issuer's JWKS. */
    SHC
}
