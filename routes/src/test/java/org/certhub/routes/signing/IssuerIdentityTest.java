package org.certhub.routes.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class IssuerIdentityTest {

    @Test
    void didWebEncodesThePortAndJoinsPathSegmentsWithColons() {
        assertThat(IssuerIdentity.didWeb(URI.create("https://certs.health.example")))
                .isEqualTo("did:web:certs.health.example");
        assertThat(IssuerIdentity.didWeb(URI.create("http://localhost:8080"))).isEqualTo("did:web:localhost%3A8080");
        assertThat(IssuerIdentity.didWeb(URI.create("https://example.org/issuers/moh/")))
                .isEqualTo("did:web:example.org:issuers:moh");
    }
}
