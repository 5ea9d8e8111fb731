package org.certhub.signer.w3c;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of this package. {@code jakarta.json.Json}'s static factories look the provider up
 * through the ServiceLoader on every call, a scan of the whole classpath that dominated signing time in the
 * packaged application.
 */
final class JsonP {

    static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {}

    /** A copy of the object without the named entry. */
    static JsonObject without(JsonObject object, String name) {
        JsonObjectBuilder builder = PROVIDER.createObjectBuilder();
        object.forEach((key, value) -> {
            if (!key.equals(name)) {
                builder.add(key, value);
            }
        });
        return builder.build();
    }
}
