package org.certhub.routes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The certhub hub: every route of the flow in one process, or the roles a node is given. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CerthubApplication {

    public static void main(String[] args) {
        ProviderLookups.pin();
        SpringApplication.run(CerthubApplication.class, args);
    }
}
