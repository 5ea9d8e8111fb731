package org.certhub.fhirvalidation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.certhub.fhirmapping.InstanceValidation;
import org.certhub.fhirmapping.Problem;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** HAPI's instance validator against the R4 base definitions and, when configured, the profiles of an IG. */
final class HapiInstanceValidation implements InstanceValidation {

    private final FhirValidator validator;

    HapiInstanceValidation(FhirContext context, boolean profileValidation, Path profilesDirectory) {
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                profiles(context, profileValidation ? profilesDirectory : null),
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setErrorForUnknownProfiles(profileValidation);
        module.setAnyExtensionsAllowed(true);
        module.setNoExtensibleWarnings(true);
        this.validator = context.newValidator();
        validator.setValidateAgainstStandardSchema(false);
        validator.setValidateAgainstStandardSchematron(false);
        validator.registerValidatorModule(module);
    }

    @Override
    public List<Problem> errors(IBaseResource resource) {
        ValidationResult result = validator.validateWithResult(resource);
        List<Problem> errors = new ArrayList<>();
        for (SingleValidationMessage message : result.getMessages()) {
            if (message.getSeverity() == ResultSeverityEnum.ERROR
                    || message.getSeverity() == ResultSeverityEnum.FATAL) {
                errors.add(Problem.error("invalid", message.getMessage(), message.getLocationString()));
            }
        }
        return errors;
    }

    private static PrePopulatedValidationSupport profiles(FhirContext context, Path directory) {
        PrePopulatedValidationSupport support = new PrePopulatedValidationSupport(context);
        if (directory == null) {
            return support;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the FHIR profiles in " + directory, e);
        }
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                support.addResource(context.newJsonParser().parseResource(reader));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the FHIR profile " + file, e);
            }
        }
        return support;
    }
}
