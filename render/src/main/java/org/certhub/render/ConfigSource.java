package org.certhub.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where templates ({@code templates/certificate.hbs}) and message bundles ({@code i18n/messages_en.properties})
 * come from: a directory an operator controls, the classpath the hub ships, or the first of several that has
 * the file, so an operator overrides one file and keeps the defaults for the rest.
 *
 * <p>Paths are relative, '/'-separated and may not leave the root: {@code ..}, absolute paths and backslashes
 * are rejected.
 */
public interface ConfigSource {

    /** The bytes of the file at {@code path}, or empty when this source does not have it. */
    Optional<byte[]> read(String path);

    /** A short description for log and error messages (never file contents). */
    String describe();

    /** Files under {@code root}: {@code root/templates/certificate.hbs}. */
    static ConfigSource directory(Path root) {
        Path base = root.toAbsolutePath().normalize();
        return new ConfigSource() {
            @Override
            public Optional<byte[]> read(String path) {
                Path file = base.resolve(checked(path)).normalize();
                if (!file.startsWith(base)) {
                    throw new IllegalArgumentException("path leaves the configuration directory: " + path);
                }
                try {
                    return Optional.of(Files.readAllBytes(file));
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }

            @Override
            public String describe() {
                return "directory " + base;
            }
        };
    }

    /** Resources of the class loader, below {@code prefix} ("" for the root: {@code classpath:templates/...}). */
    static ConfigSource classpath(ClassLoader loader, String prefix) {
        Objects.requireNonNull(loader, "loader");
        String base = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        return new ConfigSource() {
            @Override
            public Optional<byte[]> read(String path) {
                try (InputStream in = loader.getResourceAsStream(base + checked(path))) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read classpath:" + base + path, e);
                }
            }

            @Override
            public String describe() {
                return "classpath:" + base;
            }
        };
    }

    /** The classpath root of the class loader that loaded certhub. */
    static ConfigSource classpath() {
        return classpath(ConfigSource.class.getClassLoader(), "");
    }

    /** Each file from the first source that has it. */
    static ConfigSource firstOf(ConfigSource... sources) {
        List<ConfigSource> chain = List.of(sources);
        return new ConfigSource() {
            @Override
            public Optional<byte[]> read(String path) {
                for (ConfigSource source : chain) {
                    Optional<byte[]> bytes = source.read(path);
                    if (bytes.isPresent()) {
                        return bytes;
                    }
                }
                return Optional.empty();
            }

            @Override
            public String describe() {
                return chain.stream().map(ConfigSource::describe).toList().toString();
            }
        };
    }

    private static String checked(String path) {
        if (!SAFE_PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not a relative configuration path: " + path);
        }
        return path;
    }

    /** Relative segments of letters, digits, '.', '_' and '-', none of them "." or "..". */
    Pattern SAFE_PATH = Pattern.compile("(?!\\.{1,2}(/|$))[A-Za-z0-9_.-]+(/(?!\\.{1,2}(/|$))[A-Za-z0-9_.-]+)*");
}
