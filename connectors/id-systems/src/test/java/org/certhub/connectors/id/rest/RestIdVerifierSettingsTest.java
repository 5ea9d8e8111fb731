package org.certhub.connectors.id.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.certhub.connectors.http.HttpAuth;
import org.certhub.connectors.http.HttpSettings;
import org.certhub.connectors.http.Secret;
import org.certhub.connectors.id.match.MatchRule;
import org.certhub.connectors.id.match.MatchSettings;
import org.junit.jupiter.api.Test;

class RestIdVerifierSettingsTest {

    private static final HttpSettings HTTP = new HttpSettings(
            URI.create("https://id.example.org/verify"), null, Duration.ofSeconds(2), Duration.ofSeconds(5));
    private static final String BODY = "{\"uin\": {{identifier.value}}}";

    private static RestIdVerifierSettings settings(
            String method, String body, Map<String, String> query, String verdictPath, String namePath) {
        return new RestIdVerifierSettings(
                HTTP, method, body, query, null, null, verdictPath, null, namePath, null, null, null, null, null);
    }

    @Test
    void fillsInDefaults() {
        RestIdVerifierSettings settings = settings(null, BODY, null, "$.status", null);

        assertThat(settings.method()).isEqualTo("POST");
        assertThat(settings.verifiedValues()).containsExactlyInAnyOrder("verified", "true");
        assertThat(settings.notFoundStatuses()).containsExactly(404);
        assertThat(settings.notFound()).isEqualTo(NotFoundHandling.MISMATCH);
        assertThat(settings.match()).isEqualTo(MatchSettings.DEFAULT);
    }

    @Test
    void rejectsInvalidJsonPathAtConstruction() {
        assertThatThrownBy(() -> settings("POST", BODY, null, "$.[status", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("verdictPath");
        assertThatThrownBy(() -> settings("POST", BODY, null, "$.status", "$..[?(@.x ==]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("namePath");
        assertThatThrownBy(() -> settings("POST", BODY, null, " ", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsTemplatesThatCouldBreakOutOfTheirJson() {
        assertThatThrownBy(() -> settings("POST", "{\"uin\": \"{{identifier.value}}\"}", null, "$.status", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole value");
        assertThatThrownBy(() -> settings("POST", "{\"uin\": {{password}}}", null, "$.status", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown placeholder password");
        assertThatThrownBy(() -> settings("GET", BODY, null, "$.status", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings("POST", null, null, "$.status", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings("DELETE", BODY, null, "$.status", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings("GET", null, Map.of("id&x", "identifier.value"), "$.status", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsBadEndpointsTimeoutsAndMatchSettings() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new HttpSettings(URI.create("ftp://id.example.org/"), null, second, second))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpSettings(URI.create("/verify"), null, second, second))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpSettings(URI.create("https://user:pw@id.example.org/"), null, second, second))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpSettings(URI.create("https://id.example.org/"), null, Duration.ZERO, second))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new HttpSettings(URI.create("https://id.example.org/"), null, second, second.negated()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MatchSettings(MatchRule.FUZZY, 1.5, MatchRule.EXACT, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestIdVerifierSettings(
                        HTTP,
                        "POST",
                        BODY,
                        null,
                        null,
                        null,
                        "$.s",
                        Set.of(),
                        null,
                        null,
                        null,
                        null,
                        Set.of(500),
                        null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hidesSecretsFromToString() {
        HttpAuth apiKey = new HttpAuth.ApiKey("X-API-Key", Secret.of("very-secret-key"));
        HttpAuth oauth = new HttpAuth.ClientCredentials(
                URI.create("https://auth.example.org/token"), "certhub", Secret.of("very-secret-password"), null);
        RestIdVerifierSettings settings = new RestIdVerifierSettings(
                new HttpSettings(HTTP.url(), oauth, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                "POST",
                BODY,
                null,
                null,
                null,
                "$.status",
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(apiKey.toString()).contains("X-API-Key").doesNotContain("very-secret-key");
        assertThat(settings.toString()).contains("certhub").doesNotContain("very-secret-password");
        assertThatThrownBy(() -> new HttpAuth.ApiKey("X-API-Key", Secret.of("bad\r\nInjected: 1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpAuth.ApiKey("Bad Header", Secret.of("key")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpAuth.ApiKey("Host", Secret.of("key")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpAuth.ApiKey("authorization", Secret.of("key")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
