package org.certhub.routes.wiring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.certhub.render.ConfigSource;
import org.certhub.routes.config.CerthubProperties;
import org.springframework.stereotype.Component;

/**
 * Where the non-code configuration (value sets, templates, message bundles) is read from: an operator's folder
 * ({@code certhub.config-dir}, {@code CERTHUB_CONFIG_DIR}) first, then the defaults packaged from {@code config/} at the jar's root.
 */
@Component
public class ConfigFiles {

    private final Optional<Path> operatorDir;

    public ConfigFiles(CerthubProperties properties) {
        this.operatorDir = Optional.ofNullable(properties.configDir());
    }

    public ConfigSource source() {
        ConfigSource packaged = ConfigSource.classpath();
        return operatorDir
                .map(dir -> ConfigSource.firstOf(ConfigSource.directory(dir), packaged))
                .orElse(packaged);
    }

    /** The operator's copy of a folder below the config dir, when there is one. */
    public Optional<Path> operatorFolder(String name) {
        return operatorDir.map(dir -> dir.resolve(name)).filter(Files::isDirectory);
    }
}
