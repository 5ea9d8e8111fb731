package org.certhub.fhirmapping;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * {@link FhirIngestionSettings.ValidationLevel#FULL}: HAPI's instance validator. It lives in the optional module
 * certhub-fhir-validation because it and what only it needs (the R5 and DSTU3 models, the converters, the R4
 * definitions, ICU4J, Saxon) were a third of the runnable jar; that module names its {@link Factory} in {@code META-INF/services}.
 */
public interface InstanceValidation {

    /** The errors (not warnings) the validator finds, with their FHIRPath locations. */
    List<Problem> errors(IBaseResource resource);

    /** What certhub-fhir-validation provides; a public no-argument constructor, as {@link ServiceLoader} needs. */
    interface Factory {
        InstanceValidation create(FhirContext context, boolean profileValidation, Path profilesDirectory);
    }

    /**
     * The instance validator of the module on the class path.
     *
     * @throws MissingModuleException when the module is not there: FULL is refused at start, never per record
     */
    static InstanceValidation load(FhirContext context, boolean profileValidation, Path profilesDirectory) {
        Factory factory = ServiceLoader.load(Factory.class, InstanceValidation.class.getClassLoader())
                .findFirst()
                .orElseThrow(MissingModuleException::new);
        return factory.create(context, profileValidation, profilesDirectory);
    }

    /** FULL validation is configured but certhub-fhir-validation is not on the class path. */
    final class MissingModuleException extends IllegalStateException {

        /** The module's jar as the build names it, with the hub's version (e.g. 0.1.0-SNAPSHOT). */
        public static final String JAR = "certhub-fhir-validation-" + version() + "-jar-with-dependencies.jar";

        MissingModuleException() {
            super("FULL FHIR validation (certhub.fhir.validation, CERTHUB_FHIR_VALIDATION) needs the optional module "
                    + JAR + " (built in fhir-validation/target/), which is not on the class path: start the hub with "
                    + "java -Dloader.path=fhir-validation/target/" + JAR + " -jar certhub-" + version()
                    + ".jar, or set the validation to STRUCTURE");
        }

        private static String version() {
            String version = InstanceValidation.class.getPackage().getImplementationVersion();
            return version != null ? version : "<version>";
        }
    }
}
