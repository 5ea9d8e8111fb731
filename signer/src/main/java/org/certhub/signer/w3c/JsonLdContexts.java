package org.certhub.signer.w3c;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON-LD contexts the signer knows, all bundled as classpath resources and parsed once (their sources are
 * named in {@code contexts/SOURCES.md}): the W3C credentials and Ed25519Signature2020 contexts, the hub's
 * vaccination context, and for DIVOC's credentials the security v1/v2 contexts and DIVOC's vaccination context. It is the only
 * document loader the signer and verifier use: nothing is fetched at run time, and a context URL it does not
 * know fails the processing (fail closed) instead of being looked up on the network.
 */
public final class JsonLdContexts implements DocumentLoader {

    public static final String CREDENTIALS_V1 = "https://www.w3.org/2018/credentials/v1";
    public static final String ED25519_2020_V1 = "https://w3id.org/security/suites/ed25519-2020/v1";
    public static final String SECURITY_V1 = "https://w3id.org/security/v1";
    public static final String SECURITY_V2 = "https://w3id.org/security/v2";
    /** The namespaces DIVOC deployments name DIVOC's published vaccination context v1 under. */
    public static final List<String> DIVOC_VACCINATION_V1 =
            List.of("https://cowin.gov.in/credentials/vaccination/v1", "https://divoc.dev/credentials/vaccination/v1");
    /** The namespaces of DIVOC's vaccination context v2 (which adds {@code dob}, {@code icd11Code}, {@code prophylaxis}). */
    public static final List<String> DIVOC_VACCINATION_V2 =
            List.of("https://cowin.gov.in/credentials/vaccination/v2", "https://divoc.dev/credentials/vaccination/v2");

    private static final String RESOURCES = "/org/certhub/signer/w3c/contexts/";
    private static final String VACCINATION_RESOURCE = "vaccination-v1.jsonld";
    private static final JsonDocument CREDENTIALS = resource("credentials-v1.jsonld");
    private static final JsonDocument ED25519_2020 = resource("ed25519-2020-v1.jsonld");
    private static final JsonDocument VACCINATION = resource(VACCINATION_RESOURCE);
    private static final JsonDocument SECURITY_1 = resource("security-v1.jsonld");
    private static final JsonDocument SECURITY_2 = resource("security-v2.jsonld");
    private static final JsonDocument DIVOC_VACCINATION = resource("divoc-vaccination-v1.jsonld");
    private static final JsonDocument DIVOC_VACCINATION_2 = resource("divoc-vaccination-v2.jsonld");

    private final Map<String, JsonDocument> documents;

    /** @param vaccinationContextUrl the URL under which the bundled vaccination context is known (the namespace) */
    public JsonLdContexts(String vaccinationContextUrl) {
        this(vaccinationContextUrl, List.of());
    }

    /**
     * @param divocContextUrls further namespaces DIVOC's vaccination context is known under (a deployment's own):
     *                         v2 for a URL ending in {@code /v2}, as DIVOC names them, else v1
     */
    public JsonLdContexts(String vaccinationContextUrl, Collection<String> divocContextUrls) {
        Map<String, JsonDocument> known = new HashMap<>();
        known.put(CREDENTIALS_V1, CREDENTIALS);
        known.put(ED25519_2020_V1, ED25519_2020);
        known.put(SECURITY_V1, SECURITY_1);
        known.put(SECURITY_V2, SECURITY_2);
        DIVOC_VACCINATION_V1.forEach(url -> known.put(url, DIVOC_VACCINATION));
        DIVOC_VACCINATION_V2.forEach(url -> known.put(url, DIVOC_VACCINATION_2));
        divocContextUrls.forEach(url -> known.put(url, isDivocV2(url) ? DIVOC_VACCINATION_2 : DIVOC_VACCINATION));
        known.put(vaccinationContextUrl, VACCINATION);
        this.documents = Map.copyOf(known);
    }

    /** Whether a deployment's DIVOC namespace stands for DIVOC's context v2 (DIVOC names them {@code …/v1}, {@code …/v2}). */
    public static boolean isDivocV2(String url) {
        return url.endsWith("/v2");
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

    /**
     * Every key of every object in the bundled contexts, term definitions at any depth among them: more than the
     * names they define, never fewer.
     */
    Set<String> definedNames() {
        Set<String> names = new HashSet<>();
        documents.values().forEach(document -> document.getJsonContent().ifPresent(json -> keys(json, names)));
        return names;
    }

    /** The terms the bundled contexts define as aliases of {@code @type}, at any depth. */
    Set<String> typeAliases() {
        Set<String> aliases = new HashSet<>();
        documents.values().forEach(document -> document.getJsonContent().ifPresent(json -> typeAliases(json, aliases)));
        return aliases;
    }

    private static void keys(JsonValue value, Set<String> names) {
        if (value instanceof JsonObject object) {
            object.forEach((key, item) -> {
                names.add(key);
                keys(item, names);
            });
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> keys(item, names));
        }
    }

    private static void typeAliases(JsonValue value, Set<String> aliases) {
        if (value instanceof JsonObject object) {
            object.forEach((key, item) -> {
                if (isTypeKeyword(item)
                        || (item instanceof JsonObject definition && isTypeKeyword(definition.get("@id")))) {
                    aliases.add(key);
                }
                typeAliases(item, aliases);
            });
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> typeAliases(item, aliases));
        }
    }

    private static boolean isTypeKeyword(JsonValue value) {
        return value instanceof JsonString string && string.getString().equals("@type");
    }

    /** The bytes of the vaccination context exactly as bundled: what the hub serves at the context URL. */
    public static byte[] vaccinationContext() {
        return bytes(VACCINATION_RESOURCE);
    }

    private static JsonDocument resource(String name) {
        try {
            return JsonDocument.of(new java.io.ByteArrayInputStream(bytes(name)));
        } catch (JsonLdError e) {
            throw new IllegalStateException("bundled JSON-LD context unreadable: " + name, e);
        }
    }

    private static byte[] bytes(String name) {
        try (InputStream in = JsonLdContexts.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled JSON-LD context missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
