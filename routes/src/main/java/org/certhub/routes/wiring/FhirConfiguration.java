package org.certhub.routes.wiring;

import ca.uhn.fhir.context.FhirContext;
import org.certhub.fhirmapping.FhirIngestion;
import org.certhub.fhirmapping.FhirIngestionSettings;
import org.certhub.fhirmapping.FhirResponses;
import org.certhub.fhirmapping.export.DdccDocumentWriter;
import org.certhub.fhirmapping.export.ShcBundleWriter;
import org.certhub.fhirmapping.valueset.ValueSets;
import org.certhub.routes.config.CerthubProperties;
import org.certhub.routes.signing.IssuerIdentity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** FHIR parsing, mapping and answers: one FhirContext for the application (it costs a second to build). */
@Configuration(proxyBeanMethods = false)
public class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirIngestion.newContext();
    }

    @Bean
    ValueSets valueSets(ConfigFiles config) {
        return config.operatorFolder("value-sets")
                .map(ValueSets::fromDirectory)
                .orElseGet(() -> ValueSets.fromClasspath(FhirConfiguration.class.getClassLoader(), "value-sets"));
    }

    @Bean
    FhirIngestion fhirIngestion(
            FhirContext context, ValueSets valueSets, CerthubProperties properties, FhirProperties fhir) {
        FhirIngestionSettings defaults = FhirIngestionSettings.defaults();
        FhirIngestionSettings settings = new FhirIngestionSettings(
                fhir.validation(),
                fhir.profilesDir() != null,
                fhir.profilesDir(),
                fhir.defaultProgramme(),
                defaults.unknownVaccinesAllowedIn(),
                properties.issuer().country(),
                (int) Math.min(Integer.MAX_VALUE, properties.maxRequestBytes()));
        return new FhirIngestion(context, valueSets, settings);
    }

    @Bean
    FhirResponses fhirResponses(FhirContext context) {
        return new FhirResponses(context);
    }

    @Bean
    ShcBundleWriter shcBundleWriter(FhirContext context) {
        return new ShcBundleWriter(context);
    }

    /** The WHO DDCC:VS document of a certificate, issued by {@code certhub.issuer} under the hub's certificate URLs. */
    @Bean
    DdccDocumentWriter ddccDocumentWriter(FhirContext context, IssuerIdentity issuer, CerthubProperties properties) {
        return new DdccDocumentWriter(
                context,
                new DdccDocumentWriter.Settings(
                        issuer.certificateIdSystem(),
                        issuer.certificateIdSystem() + "/",
                        properties.issuer().name(),
                        properties.issuer().country()));
    }
}
