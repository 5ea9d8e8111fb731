package org.certhub.routes.config;

import org.springframework.stereotype.Component;

/** The running software's version, from the jar's manifest (a development build says so). */
@Component
public class BuildVersion {

    public String version() {
        String version = BuildVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
