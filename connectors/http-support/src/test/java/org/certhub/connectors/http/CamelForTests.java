package org.certhub.connectors.http;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A started Camel context for the tests of a class ({@code @RegisterExtension static}), as the hub gives
 * connectors theirs: the {@code http} component is found on the classpath.
 */
public final class CamelForTests implements BeforeAllCallback, AfterAllCallback {

    private final CamelContext camel = new DefaultCamelContext();

    public CamelContext context() {
        return camel;
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        camel.start();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        camel.stop();
    }
}
