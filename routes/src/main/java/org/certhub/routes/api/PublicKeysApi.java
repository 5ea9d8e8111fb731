package org.certhub.routes.api;

import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.signing.IssuerIdentity;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.SigningKeyProvider;
import org.certhub.signer.publish.PublicKeyDocuments;
import org.springframework.stereotype.Service;

/** The hub's public keys, active and retired, so that anyone can verify its certificates offline. */
@Service
public class PublicKeysApi {

    private final SigningKeyProvider keys;
    private final IssuerIdentity issuer;

    public PublicKeysApi(SigningKeyProvider keys, IssuerIdentity issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    /** {@code GET /.well-known/jwks.json}: every signing key of every format (SMART Health Card issuers are found here). */
    public HttpAnswer jwks() {
        return new HttpAnswer(200, "application/json", PublicKeyDocuments.jwks(keys), java.util.Map.of());
    }

    /** {@code GET /.well-known/did.json}: the {@code did:web} document of the W3C VC keys. */
    public HttpAnswer didDocument() {
        return new HttpAnswer(200, "application/did+json",
                PublicKeyDocuments.didDocument(issuer.did(), keys.keys(KeyPurpose.W3C_VC)), java.util.Map.of());
    }
}
