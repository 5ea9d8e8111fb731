package org.certhub.routes.ingest;

import org.certhub.fhirmapping.FhirIngestion;
import org.certhub.fhirmapping.bulk.NdjsonImport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ndjson import of fhir-mapping, on the application's FHIR ingestion. */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    @Bean
    NdjsonImport ndjsonImport(FhirIngestion ingestion) {
        return new NdjsonImport(ingestion);
    }
}
