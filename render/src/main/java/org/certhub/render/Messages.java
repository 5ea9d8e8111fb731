package org.certhub.render;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The texts of documents and messages per language, from UTF-8 bundles {@code i18n/messages_<lang>.properties}
 * (optionally {@code messages_<lang>_<COUNTRY>.properties}); a key missing in a language comes from
 * {@code messages_en.properties}. Placeholders {@code {0}}, {@code {1}} take the arguments in order (no
 * {@link java.text.MessageFormat} quoting, so apostrophes in French need no escaping). Bundles are read once
 * per locale and cached; the class is thread-safe.
 */
public final class Messages {

    static final String BASE_LANGUAGE = "en";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,8}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}|[0-9]{3}");

    private final ConfigSource source;
    private final Map<Locale, Map<String, String>> bundles = new ConcurrentHashMap<>();

    public Messages(ConfigSource source) {
        this.source = Objects.requireNonNull(source, "source");
        if (bundle(Locale.ENGLISH).isEmpty()) {
            throw new IllegalStateException("no i18n/messages_en.properties in " + source.describe());
        }
    }

    /** The text of {@code key} in the locale's language, its placeholders replaced by {@code args}. */
    public String text(Locale locale, String key, Object... args) {
        String pattern = bundle(locale).get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no message '" + key + "' in " + source.describe());
        }
        String text = pattern;
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** Whether a bundle exists for the locale's language (else its texts are English). */
    public boolean supports(Locale locale) {
        return readBundle("i18n/messages_" + normalized(locale).getLanguage() + ".properties")
                .isPresent();
    }

    private Map<String, String> bundle(Locale locale) {
        return bundles.computeIfAbsent(normalized(locale), this::merge);
    }

    /** The locale reduced to a well-formed language and region; anything else counts as English. */
    static Locale normalized(Locale locale) {
        String language = locale.getLanguage();
        if (!LANGUAGE.matcher(language).matches()) {
            return Locale.ENGLISH;
        }
        String country = locale.getCountry();
        return REGION.matcher(country).matches() ? new Locale(language, country) : new Locale(language);
    }

    /** English, overlaid by the language, overlaid by the language and country. */
    private Map<String, String> merge(Locale locale) {
        List<String> names = new ArrayList<>();
        names.add("i18n/messages_" + BASE_LANGUAGE + ".properties");
        if (!locale.getLanguage().isEmpty() && !locale.getLanguage().equals(BASE_LANGUAGE)) {
            names.add("i18n/messages_" + locale.getLanguage() + ".properties");
        }
        if (!locale.getLanguage().isEmpty() && !locale.getCountry().isEmpty()) {
            names.add("i18n/messages_" + locale.getLanguage() + "_" + locale.getCountry() + ".properties");
        }
        Map<String, String> merged = new HashMap<>();
        names.forEach(name -> readBundle(name).ifPresent(merged::putAll));
        return Map.copyOf(merged);
    }

    private Optional<Map<String, String>> readBundle(String path) {
        return source.read(path).map(bytes -> {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("malformed bundle " + path + " in " + source.describe(), e);
            }
            Map<String, String> texts = new HashMap<>();
            properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
            return texts;
        });
    }
}
