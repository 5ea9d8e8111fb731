package org.certhub.routes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.certhub.signer.trust.TrustListDownloads.Format;
import org.junit.jupiter.api.Test;

class TrustListPropertiesTest {

    @Test
    void trustListsAreFetchedOverHttpsOnlyWithPlainHttpToThisMachineAlone() {
        assertThatThrownBy(() -> new TrustListProperties.TrustList("http://trust.example/dsc", Format.EU_DSC, null))
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> new TrustListProperties.TrustList("file:///etc/passwd", Format.EU_DSC, null))
                .hasMessageContaining("https://");
        assertThat(new TrustListProperties.TrustList("https://trust.example/dsc", Format.EU_DSC, null).url())
                .isEqualTo("https://trust.example/dsc");
        assertThat(new TrustListProperties.TrustList("http://localhost:8089/dsc", Format.EU_DSC, null).url())
                .isEqualTo("http://localhost:8089/dsc");
    }

    @Test
    void aJwksListIsBoundToTheIssuerItNamesOrThatItsUrlIsPublishedUnder() {
        assertThat(new TrustListProperties.TrustList(
                                "https://issuer.example/shc/.well-known/jwks.json", Format.JWKS, null)
                        .boundIssuer())
                .isEqualTo("https://issuer.example/shc");
        assertThat(new TrustListProperties.TrustList("https://keys.example/k.json", Format.JWKS, "did:web:moh.example")
                        .boundIssuer())
                .isEqualTo("did:web:moh.example");
        assertThatThrownBy(() -> new TrustListProperties.TrustList("https://keys.example/k.json", Format.JWKS, null))
                .hasMessageContaining("names no issuer")
                .hasMessageContaining("CERTHUB_TRUST_LISTS_<n>_ISSUER");
    }

    @Test
    void anEuDscListWithoutCscaCertificatesStopsTheStartNamingTheVariable() {
        List<TrustListProperties.TrustList> dsc =
                List.of(new TrustListProperties.TrustList("https://trust.example/dsc", Format.EU_DSC, null));
        assertThatThrownBy(() -> new TrustListProperties(Duration.ofHours(6), dsc, 1024, null, null))
                .hasMessageContaining("CERTHUB_TRUST_CSCA");
        assertThat(new TrustListProperties(Duration.ofHours(6), dsc, 1024, Path.of("csca.pem"), null).lists())
                .hasSize(1);
    }
}
