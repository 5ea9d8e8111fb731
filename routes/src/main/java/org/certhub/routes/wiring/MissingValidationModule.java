package org.certhub.routes.wiring;

import org.certhub.fhirmapping.InstanceValidation;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * FULL validation without certhub-fhir-validation on the class path: the start fails, and says how to add the module
 * in Spring Boot's "APPLICATION FAILED TO START" report instead of at the bottom of a chain of bean errors.
 */
public class MissingValidationModule extends AbstractFailureAnalyzer<InstanceValidation.MissingModuleException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InstanceValidation.MissingModuleException cause) {
        String jar = InstanceValidation.MissingModuleException.JAR;
        return new FailureAnalysis(
                "CERTHUB_FHIR_VALIDATION (certhub.fhir.validation) is FULL, but the optional module " + jar
                        + " is not on the class path.",
                "Start the hub with java -Dloader.path=fhir-validation/target/" + jar + " -jar <the hub's jar>"
                        + " (docs/configuration.md, 'FULL validation'), or set CERTHUB_FHIR_VALIDATION=STRUCTURE.",
                cause);
    }
}
