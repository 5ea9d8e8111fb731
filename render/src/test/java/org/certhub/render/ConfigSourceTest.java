package org.certhub.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {

    @TempDir
    Path root;

    @Test
    void readsFilesOfADirectoryAndReportsMissingOnesAsEmpty() throws IOException {
        Files.createDirectories(root.resolve("templates"));
        Files.writeString(root.resolve("templates/a.hbs"), "A");

        ConfigSource source = ConfigSource.directory(root);

        assertThat(source.read("templates/a.hbs"))
                .hasValueSatisfying(bytes ->
                        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("A"));
        assertThat(source.read("templates/b.hbs")).isEmpty();
    }

    @Test
    void neverLeavesTheDirectory() throws IOException {
        Path inside = Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("secret.txt"), "secret");
        ConfigSource source = ConfigSource.directory(inside);

        for (String path : new String[] {
            "../secret.txt", "templates/../../secret.txt", "/etc/passwd", "..\\secret.txt", "", "a//b", "./a"
        }) {
            assertThatThrownBy(() -> source.read(path)).as(path).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void readsTheClasspathBelowAPrefix() {
        ConfigSource source = ConfigSource.classpath(getClass().getClassLoader(), "fonts");

        assertThat(source.read("OFL.txt")).isPresent();
        assertThat(source.read("missing.ttf")).isEmpty();
    }

    @Test
    void takesEachFileFromTheFirstSourceThatHasIt() throws IOException {
        Path operator = Files.createDirectories(root.resolve("operator"));
        Path shipped = Files.createDirectories(root.resolve("shipped"));
        Files.writeString(operator.resolve("a.txt"), "operator");
        Files.writeString(shipped.resolve("a.txt"), "shipped");
        Files.writeString(shipped.resolve("b.txt"), "shipped");

        ConfigSource layered = ConfigSource.firstOf(ConfigSource.directory(operator), ConfigSource.directory(shipped));

        assertThat(layered.read("a.txt").map(String::new)).contains("operator");
        assertThat(layered.read("b.txt").map(String::new)).contains("shipped");
        assertThat(layered.read("c.txt")).isEmpty();
    }
}
