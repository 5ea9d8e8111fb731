package org.certhub.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpAuthTest {

    private static final byte[] FOX = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
    /** HMAC-SHA256("key", FOX), the well-known test vector. */
    private static final String FOX_HEX = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

    private static Map<String, String> apply(HttpAuth auth) {
        Map<String, String> headers = new HashMap<>();
        auth.apply(headers, FOX);
        return headers;
    }

    @Test
    void eachHmacEncodingWritesTheKnownVector() {
        Secret key = Secret.of("key");

        assertThat(new HttpAuth.BodyHmac("X-Sig", key, HttpAuth.BodyHmac.Encoding.HEX).sign(FOX))
                .isEqualTo(FOX_HEX);
        assertThat(new HttpAuth.BodyHmac("X-Sig", key, HttpAuth.BodyHmac.Encoding.PREFIXED_HEX).sign(FOX))
                .isEqualTo("sha256=" + FOX_HEX);
        assertThat(new HttpAuth.BodyHmac("X-Sig", key, HttpAuth.BodyHmac.Encoding.BASE64_OF_HEX).sign(FOX))
                .isEqualTo(java.util.Base64.getEncoder().encodeToString(FOX_HEX.getBytes(StandardCharsets.US_ASCII)));
        assertThat(apply(HttpAuth.of(HttpAuth.Type.HMAC, null, "key", "X-Sig", null, null))
                        .get("X-Sig"))
                .isEqualTo(FOX_HEX);
        assertThat(apply(HttpAuth.of(HttpAuth.type("digilocker-hmac"), null, "key", null, null, null))
                        .get("x-digilocker-hmac"))
                .isEqualTo(java.util.Base64.getEncoder().encodeToString(FOX_HEX.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void anHmacVerifiesOnlyItsOwnBodyAndKey() {
        HttpAuth.BodyHmac hmac = new HttpAuth.BodyHmac("X-Sig", Secret.of("key"), HttpAuth.BodyHmac.Encoding.HEX);

        assertThat(hmac.verify(FOX, FOX_HEX)).isTrue();
        assertThat(hmac.verify(
                        "The quick brown fox jumps over the lazy cat".getBytes(StandardCharsets.US_ASCII), FOX_HEX))
                .isFalse();
        assertThat(new HttpAuth.BodyHmac("X-Sig", Secret.of("kez"), HttpAuth.BodyHmac.Encoding.HEX)
                        .verify(FOX, FOX_HEX))
                .isFalse();
        assertThat(hmac.verify(FOX, null)).isFalse();
    }

    @Test
    void basicBearerAndApiKeyWriteTheirHeaders() {
        assertThat(apply(HttpAuth.of(HttpAuth.Type.BASIC, "Aladdin", "open sesame", null, null, null))
                        .get("Authorization"))
                .isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertThat(apply(HttpAuth.of(HttpAuth.type("bearer"), null, "t0k", null, null, null))
                        .get("Authorization"))
                .isEqualTo("Bearer t0k");
        assertThat(apply(HttpAuth.of(HttpAuth.type("api-key"), null, "k1", "X-API-Key", null, null))
                        .get("X-API-Key"))
                .isEqualTo("k1");
        assertThat(apply(HttpAuth.of(HttpAuth.Type.NONE, null, null, null, null, null)))
                .isEmpty();
    }

    @Test
    void noVariantShowsItsSecret() {
        List<HttpAuth> auths = List.of(
                HttpAuth.of(HttpAuth.Type.BASIC, "user", "s3cret-value", null, null, null),
                HttpAuth.of(HttpAuth.Type.BEARER, null, "s3cret-value", null, null, null),
                HttpAuth.of(HttpAuth.Type.API_KEY, null, "s3cret-value", "X-Key", null, null),
                HttpAuth.of(HttpAuth.Type.HMAC, null, "s3cret-value", "X-Sig", null, null));

        auths = new java.util.ArrayList<>(auths);
        auths.add(HttpAuth.of(
                HttpAuth.Type.OAUTH2, "client", "s3cret-value", null, URI.create("https://auth.example/token"), null));
        assertThat(auths).allSatisfy(auth -> assertThat(auth.toString()).doesNotContain("s3cret-value"));
    }

    @Test
    void headerInjectionIsRefused() {
        assertThatThrownBy(() -> new HttpAuth.ApiKey("X-Key", Secret.of("a\r\nX-Evil: 1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpAuth.ApiKey("X Key", Secret.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpAuth.Basic("a:b", Secret.of("c")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Secret.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
