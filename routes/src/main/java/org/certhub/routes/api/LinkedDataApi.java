package org.certhub.routes.api;

import java.util.Map;
import org.apache.camel.Header;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.http.HttpProblems;
import org.certhub.routes.signing.StatusLists;
import org.certhub.signer.publish.ContextDocument;
import org.certhub.signer.w3c.W3cVcFormat;
import org.springframework.stereotype.Service;

/**
 * The documents JSON-LD verifiers load while checking the hub's W3C credentials: the vaccination context the
 * credentials name (never changed under the same URL: a new version of the context gets a new URL) and the
 * Bitstring Status Lists. Public and readable from any origin (browser wallets and verifiers); their
 * {@code Cache-Control} is set by {@link org.certhub.routes.http.PublicDocumentCaching}.
 */
@Service
public class LinkedDataApi {

    private static final ContextDocument VACCINATION = ContextDocument.vaccination();
    private static final Map<String, String> CONTEXT_HEADERS = Map.of(
            "Access-Control-Allow-Origin",
            "*",
            "Content-Digest",
            VACCINATION.contentDigest(),
            "ETag",
            "\"sha256-" + VACCINATION.sha256Hex() + "\"");
    private static final Map<String, String> STATUS_LIST_HEADERS = Map.of("Access-Control-Allow-Origin", "*");

    private final StatusLists statusLists;
    private final HttpProblems problems;

    public LinkedDataApi(StatusLists statusLists, HttpProblems problems) {
        this.statusLists = statusLists;
        this.problems = problems;
    }

    /** {@code GET /credentials/vaccination/v1}: the vaccination context, with its SHA-256 in {@code Content-Digest}. */
    public HttpAnswer vaccinationContext() {
        return new HttpAnswer(200, ContextDocument.MEDIA_TYPE, VACCINATION.body(), CONTEXT_HEADERS);
    }

    /** {@code GET /credentials/status/{list}}: the signed Bitstring Status List credential, or 404. */
    public HttpAnswer statusList(@Header("list") String list) {
        return statusLists
                .signedList(list)
                .map(signed -> new HttpAnswer(200, W3cVcFormat.MEDIA_TYPE, signed, STATUS_LIST_HEADERS))
                .orElseGet(() -> problems.answer(404, "not-found", "no such status list"));
    }
}
