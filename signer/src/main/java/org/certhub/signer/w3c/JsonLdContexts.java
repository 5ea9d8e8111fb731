package org.certhub.signer.w3c;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * The JSON-LD contexts the signer knows, all bundled as classpath resources and parsed once. It is the only
 * document loader the signer and verifier use: nothing is fetched at run time, and a context URL it does not
 * know fails the processing (fail closed) instead of being looked up on the network.
 */
public final class JsonLdContexts implements DocumentLoader {

    public static final String CREDENTIALS_V1 = "https://www.w3.org/2018/credentials/v1";
    public static final String ED25519_2020_V1 = "https://w3id.org/security/suites/ed25519-2020/v1";

    private static final String RESOURCES = "/org/certhub/signer/w3c/contexts/";
    private static final JsonDocument CREDENTIALS = resource("credentials-v1.jsonld");
    private static final JsonDocument ED25519_2020 = resource("ed25519-2020-v1.jsonld");
    private static final JsonDocument VACCINATION = resource("vaccination-v1.jsonld");

    private final Map<String, JsonDocument> documents;

    /** @param vaccinationContextUrl the URL under which the bundled vaccination context is known (the namespace) */
    public JsonLdContexts(String vaccinationContextUrl) {
        this.documents = Map.of(
                CREDENTIALS_V1, CREDENTIALS,
                ED25519_2020_V1, ED25519_2020,
                vaccinationContextUrl, VACCINATION);
    }

    public boolean knows(String url) {
        return documents.containsKey(url);
    }

    public Set<String> urls() {
        return documents.keySet();
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        JsonDocument document = documents.get(url.toString());
        if (document == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "JSON-LD context not bundled: " + url);
        }
        return document;
    }

    private static JsonDocument resource(String name) {
        try (InputStream in = JsonLdContexts.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled JSON-LD context missing: " + name);
            }
            return JsonDocument.of(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonLdError e) {
            throw new IllegalStateException("bundled JSON-LD context unreadable: " + name, e);
        }
    }
}
