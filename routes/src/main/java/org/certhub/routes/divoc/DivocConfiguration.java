package org.certhub.routes.divoc;

import org.certhub.fhirmapping.FhirIngestion;
import org.certhub.fhirmapping.divoc.DivocCertifyMapper;
import org.certhub.fhirmapping.valueset.ValueSets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The DIVOC request mapping, with the same value sets and ingestion settings as FHIR ingestion. */
@Configuration(proxyBeanMethods = false)
public class DivocConfiguration {

    @Bean
    DivocCertifyMapper divocCertifyMapper(ValueSets valueSets, FhirIngestion ingestion) {
        return new DivocCertifyMapper(valueSets, ingestion.settings());
    }
}
