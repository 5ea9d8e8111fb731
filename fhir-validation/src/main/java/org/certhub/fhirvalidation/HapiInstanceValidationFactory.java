package org.certhub.fhirvalidation;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import org.certhub.fhirmapping.InstanceValidation;

/** The module's entry point, named in META-INF/services: fhir-mapping finds it with ServiceLoader. */
public final class HapiInstanceValidationFactory implements InstanceValidation.Factory {

    @Override
    public InstanceValidation create(FhirContext context, boolean profileValidation, Path profilesDirectory) {
        return new HapiInstanceValidation(context, profileValidation, profilesDirectory);
    }
}
