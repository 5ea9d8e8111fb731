package org.certhub.routes.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.signing.IssuerIdentity;
import org.certhub.signer.hcert.DscTrustList;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.SigningKeyProvider;
import org.certhub.signer.publish.PublicKeyDocuments;
import org.springframework.stereotype.Service;

/** The hub's public keys, active and retired, so that anyone can verify its certificates offline. */
@Service
public class PublicKeysApi {

    private final SigningKeyProvider keys;
    private final IssuerIdentity issuer;
    private final ObjectMapper mapper;

    public PublicKeysApi(SigningKeyProvider keys, IssuerIdentity issuer, ObjectMapper mapper) {
        this.keys = keys;
        this.issuer = issuer;
        this.mapper = mapper;
    }

    /** {@code GET /.well-known/jwks.json}: every signing key of every format (SMART Health Card issuers are found here). */
    public HttpAnswer jwks() {
        return new HttpAnswer(200, "application/json", PublicKeyDocuments.jwks(keys), java.util.Map.of());
    }

    /**
     * {@code GET /.well-known/dsc.json}: the EU DCC document signer certificates in the trust-list shape of the EU
     * gateway ({@code kid}, {@code country}, {@code certificateType: DSC}, {@code rawData}), for national backends.
     */
    public HttpAnswer documentSigners() throws JsonProcessingException {
        return new HttpAnswer(200, "application/json",
                mapper.writeValueAsString(DscTrustList.of(keys.keys(KeyPurpose.EU_DCC))), java.util.Map.of());
    }

    /** {@code GET /.well-known/did.json}: the {@code did:web} document of the W3C VC keys. */
    public HttpAnswer didDocument() {
        return new HttpAnswer(200, "application/did+json",
                PublicKeyDocuments.didDocument(issuer.did(), keys.keys(KeyPurpose.W3C_VC)), java.util.Map.of());
    }
}
