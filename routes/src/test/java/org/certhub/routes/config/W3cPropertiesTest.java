package org.certhub.routes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class W3cPropertiesTest {

    @Test
    void theDefaultIsEd25519Signature2020WithNoDivocNamespace() {
        W3cProperties defaults = new W3cProperties(null, "");

        assertThat(defaults.proofSuite()).isEqualTo("Ed25519Signature2020");
        assertThat(defaults.divocRsa()).isFalse();
        assertThat(defaults.divocContextUrls()).isEmpty();
    }

    @Test
    void divocsRsaFormNeedsTheNamespaceItsVerifierAppsKnow() {
        assertThatThrownBy(() -> new W3cProperties("RsaSignature2018", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CERTHUB_W3C_DIVOC_CONTEXT_URL");

        W3cProperties rsa = new W3cProperties("RsaSignature2018", "https://moh.example.gov/credentials/vaccination/v2");
        assertThat(rsa.divocRsa()).isTrue();
        assertThat(rsa.divocContextUrls()).isEqualTo(List.of("https://moh.example.gov/credentials/vaccination/v2"));
    }
}
