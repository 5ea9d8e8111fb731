package org.certhub.routes.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.certhub.connectors.distribution.sms.SmsSettings;
import org.certhub.connectors.http.HttpAuth;
import org.certhub.connectors.http.Secret;
import org.certhub.routes.config.ProgrammeProperties;
import org.junit.jupiter.api.Test;

class ConnectorPropertiesTest {

    private static final String SECRET = "gateway-secret-value-1234";

    @Test
    void smsPropertiesBecomeTheChannelsSettingsAndNeverShowTheirSecrets() {
        SmsChannelProperties properties = new SmsChannelProperties(
                URI.create("https://sms.example/send"),
                null,
                new HttpAuthProperties("bearer", null, SECRET, null, null, null),
                null,
                "to={to}&text={message}",
                Map.of("en", "Your certificate: {link} code {code}"),
                "short-code-key-5678",
                0,
                null,
                null,
                null,
                null,
                null,
                Duration.ofSeconds(2),
                null);

        SmsSettings settings = properties.settings();

        assertThat(settings.auth()).isInstanceOf(HttpAuth.Bearer.class);
        assertThat(settings.method()).isEqualTo(SmsSettings.Method.POST);
        assertThat(settings.timeouts().connect()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.bodyErrorRetryable()).isTrue();
        assertThat(properties.toString()).doesNotContain(SECRET).doesNotContain("short-code-key-5678");
        assertThat(settings.toString()).doesNotContain(SECRET);
    }

    @Test
    void secretsOfEveryConnectorStayOutOfToString() {
        assertThat(new HttpAuthProperties("hmac", null, SECRET, null, null, null).toString())
                .doesNotContain(SECRET)
                .contains("****");
        assertThat(new DigiLockerProperties.Pull(SECRET, 10).toString()).doesNotContain(SECRET);
        assertThat(new HttpAuthProperties.ApiKey("X-API-Key", SECRET).toString())
                .doesNotContain(SECRET);
        assertThat(new HttpAuthProperties.OAuth2(URI.create("https://idp.example/token"), "hub", SECRET, null)
                        .toString())
                .doesNotContain(SECRET);
        assertThat(new WebhookChannelProperties.Subscriber(
                                "registry", URI.create("https://hooks.example"), SECRET, List.of("*"), List.of())
                        .toString())
                .doesNotContain(SECRET);
        assertThat(new IdConnectorProperties.Otp(null, Duration.ofMinutes(5), 5, Duration.ofMinutes(1), 3, SECRET)
                        .toString())
                .doesNotContain(SECRET);
    }

    @Test
    void aConnectorSwitchedOnWithoutItsRequiredSettingsFailsAtStartUpNamingTheProperty() {
        DigiLockerProperties noPullKey =
                new DigiLockerProperties("in.gov.example", "VACER", null, new DigiLockerProperties.Pull("", 0));
        assertThatThrownBy(noPullKey::pullSettings).hasMessageContaining("certhub.channels.digilocker.pull.hmac-key");
        DigiLockerProperties noPushUrl = new DigiLockerProperties("in.gov.example", "VACER", null, null);
        assertThatThrownBy(noPushUrl::pushSettings).hasMessageContaining("certhub.channels.digilocker.push.url");
        ConnectorHttp apiKeyWithoutKey = new ConnectorHttp(
                URI.create("https://id.example/verify"),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                new HttpAuthProperties("api-key", null, null, null, null, null));
        assertThatThrownBy(() -> apiKeyWithoutKey.settings("certhub.connectors.id.rest.http"))
                .hasMessageContaining("certhub.connectors.id.rest.http.auth.api-key.value");
    }

    @Test
    void everyConnectorReadsEveryAuthVariantByTheSameKeys() {
        URI tokenUrl = URI.create("https://idp.example/token");
        HttpAuth oldOauth = new HttpAuthProperties(
                        "oauth2", null, null, null, null, new HttpAuthProperties.OAuth2(tokenUrl, "hub", SECRET, "a b"))
                .toHttpAuth("x.auth");
        assertThat(oldOauth).isEqualTo(new HttpAuth.ClientCredentials(tokenUrl, "hub", Secret.of(SECRET), "a b"));
        HttpAuth oldApiKey = new HttpAuthProperties(
                        "api-key", null, null, null, new HttpAuthProperties.ApiKey("X-Key", SECRET), null)
                .toHttpAuth("x.auth");
        assertThat(oldApiKey).isEqualTo(new HttpAuth.ApiKey("X-Key", Secret.of(SECRET)));
        assertThat(new HttpAuthProperties("api-key", null, SECRET, "X-Key", null, null).toHttpAuth("x.auth"))
                .isEqualTo(oldApiKey);
        assertThat(new HttpAuthProperties("basic", "hub", SECRET, null, null, null).toHttpAuth("x.auth"))
                .isEqualTo(new HttpAuth.Basic("hub", Secret.of(SECRET)));
        assertThat(new HttpAuthProperties(null, null, null, null, null, null).toHttpAuth("x.auth"))
                .isEqualTo(new HttpAuth.None());
        assertThatThrownBy(() -> new HttpAuthProperties("oauth2", "hub", SECRET, null, null, null).toHttpAuth("x.auth"))
                .hasMessageContaining("x.auth.oauth2.token-url");
    }

    @Test
    void aProgrammeListsItsChannelsOrGetsEveryEnabledOne() {
        ProgrammeProperties programmes = new ProgrammeProperties(Map.of(
                "covid-19",
                        new ProgrammeProperties.Programme(
                                List.of("w3c-vc", "eu-dcc"), List.of("email", "sms"), true, null, null, null),
                "measles", new ProgrammeProperties.Programme(null, null, false, null, null, null)));

        assertThat(programmes.allowsChannel("covid-19", "sms")).isTrue();
        assertThat(programmes.allowsChannel("covid-19", "webhook")).isFalse();
        assertThat(programmes.allowsChannel("measles", "webhook")).isTrue();
        assertThat(programmes.allowsChannel("unknown", "webhook")).isTrue();
        assertThat(programmes.allowsChannel(null, "print")).isTrue();
        assertThat(programmes.formats("covid-19", List.of("w3c-vc"))).containsExactly("w3c-vc", "eu-dcc");
        assertThat(programmes.formats("measles", List.of("w3c-vc"))).containsExactly("w3c-vc");
        assertThat(programmes.blocksUntilPaid("covid-19")).isTrue();
        assertThat(programmes.blocksUntilPaid("measles")).isFalse();
    }
}
