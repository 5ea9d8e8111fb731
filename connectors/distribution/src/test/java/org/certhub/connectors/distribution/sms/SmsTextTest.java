package org.certhub.connectors.distribution.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.certhub.connectors.distribution.http.InMemoryDeliveryLedger;
import org.certhub.connectors.distribution.spi.DeliveryRequest;
import org.certhub.connectors.distribution.spi.TestRequests;
import org.certhub.connectors.http.CamelForTests;
import org.certhub.connectors.http.Secret;
import org.certhub.render.ConfigSource;
import org.certhub.render.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SMS text in the recipient's language from the repository's message bundles ({@code config/i18n}), with
 * the code when the channel has a code key, and a configured template overriding one language. No gateway: the
 * text alone ({@link SmsDistributorIT} sends it).
 */
class SmsTextTest {

    @RegisterExtension
    static final CamelForTests CAMEL = new CamelForTests();

    private static final Messages BUNDLES = new Messages(ConfigSource.directory(Path.of("..", "..", "config")));
    private static final Secret CODE_KEY = Secret.of("code-key-for-tests");
    private static final String LINK = TestRequests.DOWNLOAD_URL;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en    | Your vaccination certificate: {link}",
                "en-IN | Your vaccination certificate: {link}",
                "fr    | Votre certificat de vaccination : {link}",
                "fr-CA | Votre certificat de vaccination : {link}",
                "hi    | आपका टीकाकरण प्रमाणपत्र: {link}",
                "hi-IN | आपका टीकाकरण प्रमाणपत्र: {link}",
                "ta    | Your vaccination certificate: {link}"
            })
    void theTextIsTheBundlesInTheRecipientsLanguage(String language, String expected) {
        SmsDistributor sms = distributor(Map.of(), null);

        assertThat(sms.message(request(language))).isEqualTo(expected.replace("{link}", LINK));
        assertThat(sms.linkCode()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Your vaccination certificate: {link} Code: {code}",
                "fr | Votre certificat de vaccination : {link} Code : {code}",
                "hi | आपका टीकाकरण प्रमाणपत्र: {link} कोड: {code}"
            })
    void withACodeKeyTheTextShowsTheCode(String language, String expected) {
        SmsDistributor sms = distributor(Map.of(), CODE_KEY);
        String code = new ShortCode(CODE_KEY, 6).of("CERT-SMS-1");

        assertThat(sms.message(request(language)))
                .isEqualTo(expected.replace("{link}", LINK).replace("{code}", code));
        assertThat(sms.linkCode()).isPresent();
    }

    @Test
    void aConfiguredTemplateOverridesItsLanguageOnly() {
        SmsDistributor sms = distributor(Map.of("fr", "Certificat : {link} (code {code})"), CODE_KEY);
        String code = new ShortCode(CODE_KEY, 6).of("CERT-SMS-1");

        assertThat(sms.message(request("fr-FR"))).isEqualTo("Certificat : " + LINK + " (code " + code + ")");
        assertThat(sms.message(request("hi"))).isEqualTo("आपका टीकाकरण प्रमाणपत्र: " + LINK + " कोड: " + code);
    }

    @Test
    void everyTextHoldsOnlyTheLinkAndTheCode() {
        SmsDistributor sms = distributor(Map.of(), CODE_KEY);
        DeliveryRequest request = request("hi");

        assertThat(sms.message(request))
                .doesNotContain(
                        TestRequests.GIVEN_NAME, TestRequests.FAMILY_NAME, TestRequests.NATIONAL_ID, "CERT-SMS-1");
    }

    @Test
    void aTemplateWithoutTheCodeIsRefusedWhenLinksNeedIt() {
        assertThatThrownBy(() -> settings(Map.of("en", "Certificate: {link}"), CODE_KEY))
                .hasMessageContaining("{code}");
    }

    private static SmsDistributor distributor(Map<String, String> templates, Secret codeKey) {
        return new SmsDistributor(settings(templates, codeKey), BUNDLES, new InMemoryDeliveryLedger(), CAMEL.context());
    }

    private static SmsSettings settings(Map<String, String> templates, Secret codeKey) {
        return new SmsSettings(
                URI.create("http://127.0.0.1:9/sms"),
                null,
                null,
                null,
                "to={to}&text={message}",
                templates,
                codeKey,
                6,
                null,
                null,
                List.of(),
                true,
                null,
                null);
    }

    private static DeliveryRequest request(String language) {
        DeliveryRequest reachable = TestRequests.reachable("dlv-sms-text", "CERT-SMS-1");
        return new DeliveryRequest(
                reachable.deliveryId(),
                reachable.certificate(),
                reachable.credentials(),
                reachable.primaryFormat(),
                reachable.downloadUrl(),
                Locale.forLanguageTag(language));
    }
}
