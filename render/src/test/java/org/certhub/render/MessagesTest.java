package org.certhub.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.certhub.model.Gender;
import org.certhub.model.Identifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesTest {

    private final Messages messages = new Messages(ConfigSource.directory(CertificateFixtures.CONFIG));

    @ParameterizedTest
    @ValueSource(strings = {"hi", "fr"})
    void everyBundleTranslatesEveryEnglishKey(String language) throws IOException {
        Properties english = bundle("en");
        Properties translated = bundle(language);

        assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void englishNamesEveryGenderAndIdentifierType() {
        Stream.of(Gender.values())
                .forEach(gender -> assertThat(messages.text(Locale.ENGLISH, "gender." + gender.fhirCode()))
                        .isNotBlank());
        Stream.of(Identifier.IdentifierType.values())
                .forEach(type -> assertThat(messages.text(
                                Locale.ENGLISH, "identifier." + type.name().toLowerCase(Locale.ROOT)))
                        .isNotBlank());
    }

    @Test
    void fillsPlaceholdersInOrderAndKeepsApostrophes() {
        assertThat(messages.text(Locale.ENGLISH, "dose.of", 1, 3)).isEqualTo("1 of 3");
        assertThat(messages.text(new Locale("hi", "IN"), "dose.of", 1, 3)).isEqualTo("3 में से 1");
        assertThat(messages.text(Locale.FRENCH, "identifier.national_id")).isEqualTo("Numéro d'identité nationale");
    }

    @Test
    void fallsBackToEnglishForUnknownOrMalformedLanguages() {
        assertThat(messages.text(new Locale("sw"), "label.name")).isEqualTo("Name");
        assertThat(messages.text(new Locale("../../etc"), "label.name")).isEqualTo("Name");
        assertThat(messages.supports(new Locale("hi"))).isTrue();
        assertThat(messages.supports(new Locale("sw"))).isFalse();
    }

    @Test
    void overlaysAKeyMissingInALanguageWithEnglish(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("i18n"));
        Files.writeString(root.resolve("i18n/messages_en.properties"), "a=A\nb=B\n");
        Files.writeString(root.resolve("i18n/messages_fr.properties"), "a=à\n");
        Messages partial = new Messages(ConfigSource.directory(root));

        assertThat(partial.text(Locale.FRENCH, "a")).isEqualTo("à");
        assertThat(partial.text(Locale.FRENCH, "b")).isEqualTo("B");
        assertThatThrownBy(() -> partial.text(Locale.FRENCH, "c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesASourceWithoutEnglish(@TempDir Path root) {
        assertThatThrownBy(() -> new Messages(ConfigSource.directory(root))).isInstanceOf(IllegalStateException.class);
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                CertificateFixtures.CONFIG.resolve("i18n/messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
