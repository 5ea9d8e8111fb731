package org.certhub.routes.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Header;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.http.HttpProblems;
import org.certhub.routes.signing.IssuerIdentity;
import org.certhub.routes.store.EuDccRevocations;
import org.certhub.routes.store.ShcRevocationLists;
import org.certhub.signer.hcert.DscTrustList;
import org.certhub.signer.hcert.EuDccFormat;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.SigningKeyProvider;
import org.certhub.signer.publish.PublicKeyDocuments;
import org.certhub.signer.shc.ShcFormat;
import org.certhub.signer.shc.ShcRevocationList;
import org.springframework.stereotype.Service;

/** The hub's public keys, active and retired, so that anyone can verify its certificates offline. */
@Service
public class PublicKeysApi {

    /** SMART Health Card verifiers run in browsers: the specification asks for CORS on the keys and lists. */
    private static final Map<String, String> ANY_ORIGIN = Map.of("Access-Control-Allow-Origin", "*");

    /** Beside the SMART Health Card lists, whose names are key thumbprints (43 base64url characters). */
    private static final String EU_DCC_LIST = "eu-dcc.json";

    private final SigningKeyProvider keys;
    private final IssuerIdentity issuer;
    private final ObjectMapper mapper;
    private final ShcRevocationLists revocations;
    private final EuDccRevocations euDccRevocations;
    private final HttpProblems problems;

    public PublicKeysApi(
            SigningKeyProvider keys,
            IssuerIdentity issuer,
            ObjectMapper mapper,
            ShcRevocationLists revocations,
            EuDccRevocations euDccRevocations,
            HttpProblems problems) {
        this.keys = keys;
        this.issuer = issuer;
        this.mapper = mapper;
        this.revocations = revocations;
        this.euDccRevocations = euDccRevocations;
        this.problems = problems;
    }

    /**
     * {@code GET /.well-known/jwks.json}: the SMART Health Card keys only (EC P-256, RFC 7638 kids, each with the
     * {@code crlVersion} of its revocation list), with {@code Access-Control-Allow-Origin: *}.
     */
    public HttpAnswer jwks() {
        return new HttpAnswer(
                200,
                "application/json",
                PublicKeyDocuments.shcJwks(keys.keys(KeyPurpose.SHC), revocations::counter),
                ANY_ORIGIN);
    }

    /**
     * {@code GET /.well-known/crl/{kid}.json}: the card revocation list of one SMART Health Card key;
     * {@code GET /.well-known/crl/eu-dcc.json}: the UCI hashes of the withdrawn EU DCCs.
     */
    public HttpAnswer revocationList(@Header("file") String file) throws JsonProcessingException {
        if (EU_DCC_LIST.equals(file)) {
            Map<String, Object> list = new LinkedHashMap<>();
            list.put("format", EuDccFormat.ID);
            list.put("hashType", "UCI");
            list.put("hashes", euDccRevocations.revokedHashes());
            return new HttpAnswer(200, "application/json", mapper.writeValueAsString(list), ANY_ORIGIN);
        }
        String kid = file != null && file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : "";
        boolean ours = keys.keys(KeyPurpose.SHC).stream()
                .anyMatch(key -> ShcFormat.thumbprintOf(key.publicKey()).equals(kid));
        if (!ours) {
            return problems.answer(404, "not-found", "no SMART Health Card key with this kid");
        }
        ShcRevocationList list = new ShcRevocationList(kid, revocations.counter(kid), revocations.revokedIds(kid));
        return new HttpAnswer(200, "application/json", list.json(), ANY_ORIGIN);
    }

    /**
     * {@code GET /.well-known/dsc.json}: the EU DCC document signer certificates in the trust-list shape of the EU
     * gateway ({@code kid}, {@code country}, {@code certificateType: DSC}, {@code rawData}), for national backends.
     */
    public HttpAnswer documentSigners() throws JsonProcessingException {
        return new HttpAnswer(
                200,
                "application/json",
                mapper.writeValueAsString(DscTrustList.of(keys.keys(KeyPurpose.EU_DCC))),
                Map.of());
    }

    /** {@code GET /.well-known/did.json}: the {@code did:web} document of the W3C VC keys. */
    public HttpAnswer didDocument() {
        return new HttpAnswer(
                200,
                "application/did+json",
                PublicKeyDocuments.didDocument(issuer.did(), keys.keys(KeyPurpose.W3C_VC)),
                Map.of());
    }
}
