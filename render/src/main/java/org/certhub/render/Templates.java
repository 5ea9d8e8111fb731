package org.certhub.render;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.io.AbstractTemplateLoader;
import com.github.jknack.handlebars.io.StringTemplateSource;
import com.github.jknack.handlebars.io.TemplateSource;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Handlebars templates under {@code templates/} of a {@link ConfigSource}, compiled once and cached
 * (thread-safe). Names end in {@code .hbs}; a name ending in {@code .txt.hbs} is plain text and is not
 * HTML-escaped, every other template escapes all values ({@code {{value}}}); templates must never use
 * the triple-stash on data. Texts come from {@link Messages} through the {@code t} helper:
 * {@code {{t "certificate.title"}}} or {@code {{t "dose.of" dose total}}}, in the locale the template is
 * applied with ({@code @locale}). Partials ({@code {{> email/footer}}}) resolve under {@code templates/} too.
 */
public final class Templates {

    private static final String PREFIX = "templates/";
    private static final String SUFFIX = ".hbs";
    private static final String TEXT_SUFFIX = ".txt";

    private final ConfigSource source;
    private final Messages messages;
    private final Handlebars html;
    private final Handlebars text;
    private final Map<String, Optional<Template>> compiled = new ConcurrentHashMap<>();

    public Templates(ConfigSource source, Messages messages) {
        this.source = Objects.requireNonNull(source, "source");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.html = configured(new Handlebars(new Loader()));
        this.text = configured(new Handlebars(new Loader()).with(EscapingStrategy.NOOP));
    }

    /** Templates and texts from {@code source} ({@code templates/...}, {@code i18n/...}). */
    public static Templates from(ConfigSource source) {
        return new Templates(source, new Messages(source));
    }

    public Messages messages() {
        return messages;
    }

    /**
     * The first of the named templates that exists (e.g. {@code certificate-<programme>} before
     * {@code certificate}), applied to {@code model} in {@code locale}.
     *
     * @param names template names without {@code templates/} and {@code .hbs}
     * @throws IllegalStateException when none of them exists
     */
    public String apply(List<String> names, Locale locale, Object model) {
        for (String name : names) {
            Optional<Template> template = template(name);
            if (template.isPresent()) {
                return apply(template.get(), locale, model);
            }
        }
        throw new IllegalStateException("none of the templates " + names + " in " + source.describe());
    }

    /** The named template applied to {@code model} in {@code locale}. */
    public String apply(String name, Locale locale, Object model) {
        return apply(List.of(name), locale, model);
    }

    /** Whether the named template exists (name without {@code templates/} and {@code .hbs}). */
    public boolean exists(String name) {
        return template(name).isPresent();
    }

    private String apply(Template template, Locale locale, Object model) {
        Context context = Context.newBuilder(model).build();
        context.data("locale", locale);
        try {
            return template.apply(context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            context.destroy();
        }
    }

    private Optional<Template> template(String name) {
        return compiled.computeIfAbsent(name, this::compile);
    }

    private Optional<Template> compile(String name) {
        if (source.read(PREFIX + name + SUFFIX).isEmpty()) {
            return Optional.empty();
        }
        Handlebars engine = name.endsWith(TEXT_SUFFIX) ? text : html;
        try {
            return Optional.of(engine.compile(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile template " + name + " from " + source.describe(), e);
        }
    }

    private Handlebars configured(Handlebars handlebars) {
        handlebars.setCharset(StandardCharsets.UTF_8);
        handlebars.registerHelper("t", (Helper<String>) (key, options) -> {
            Locale locale = options.data("locale");
            return messages.text(locale == null ? Locale.ENGLISH : locale, key, options.params);
        });
        return handlebars;
    }

    /** Reads {@code templates/<name>.hbs} from the config source. */
    private final class Loader extends AbstractTemplateLoader {

        Loader() {
            setPrefix(PREFIX);
            setSuffix(SUFFIX);
            setCharset(StandardCharsets.UTF_8);
        }

        @Override
        public TemplateSource sourceAt(String location) throws IOException {
            String path = resolve(location);
            byte[] bytes = source.read(path).orElseThrow(() -> new FileNotFoundException(path));
            return new StringTemplateSource(path, new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
