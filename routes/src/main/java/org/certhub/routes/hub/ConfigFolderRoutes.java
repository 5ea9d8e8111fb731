package org.certhub.routes.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.certhub.routes.config.CerthubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads, before Camel starts, every {@code routes/*.camel.yaml} of the configuration folder
 * ({@code certhub.config-dir}, from {@code CERTHUB_CONFIG_DIR}; {@code ./config} when unset) in name order; a folder
 * that is not there loads nothing, and a route that does not parse stops the start.
 */
@Component
public class ConfigFolderRoutes implements CamelContextConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigFolderRoutes.class);

    private final Path folder;

    public ConfigFolderRoutes(CerthubProperties properties) {
        this.folder = properties.configFolder().resolve("routes");
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        List<Path> files = files();
        if (files.isEmpty()) {
            return;
        }
        try {
            Resource[] resources = files.stream()
                    .map(file -> ResourceHelper.resolveResource(camel, "file:" + file.toAbsolutePath()))
                    .toArray(Resource[]::new);
            PluginHelper.getRoutesLoader(camel).loadRoutes(resources);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the routes of " + folder + ": " + e.getMessage(), e);
        }
        LOG.info("loaded the routes of {} file(s) in {}", files.size(), folder);
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing after the start
    }

    private List<Path> files() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(file -> file.getFileName().toString().endsWith(".camel.yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
