package org.certhub.signer.w3c;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of this package. {@code jakarta.json.Json}'s static factories look the provider up
 * through the ServiceLoader on every call, a scan of the whole classpath that dominated signing time in the
 * packaged application.
 */
final class JsonP {

    static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {
    }
}
