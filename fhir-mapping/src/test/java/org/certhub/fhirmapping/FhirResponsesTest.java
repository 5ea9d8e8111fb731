package org.certhub.fhirmapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

class FhirResponsesTest {

    private final FhirResponses responses = new FhirResponses(TestFhir.CONTEXT);

    @Test
    void problemsBecomeOperationOutcomeIssuesInJsonAndXml() {
        List<Problem> problems = List.of(
                Problem.error(
                        "code-invalid",
                        "unknown vaccine code http://hl7.org/fhir/sid/cvx|999",
                        "Bundle.entry[1].resource.vaccineCode"),
                new Problem(Problem.Severity.WARNING, "no-such-issue-type", "something odd", null));
        for (FhirEncoding encoding : FhirEncoding.values()) {
            String encoded = responses.operationOutcome(problems, encoding);
            OperationOutcome outcome = (OperationOutcome)
                    (encoding == FhirEncoding.JSON ? TestFhir.CONTEXT.newJsonParser() : TestFhir.CONTEXT.newXmlParser())
                            .parseResource(encoded);
            assertThat(outcome.getIssue()).hasSize(2);
            OperationOutcome.OperationOutcomeIssueComponent first = outcome.getIssueFirstRep();
            assertThat(first.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(first.getCode()).isEqualTo(OperationOutcome.IssueType.CODEINVALID);
            assertThat(first.getDiagnostics()).contains("cvx|999");
            assertThat(first.getExpression())
                    .extracting(Object::toString)
                    .containsExactly("Bundle.entry[1].resource.vaccineCode");
            assertThat(outcome.getIssue().get(1).getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
            assertThat(outcome.getIssue().get(1).getCode()).isEqualTo(OperationOutcome.IssueType.PROCESSING);
        }
    }

    @Test
    void aResponseBundleGivesEachEntryItsOwnStatus() {
        Submission submission = TestFhir.ingestion()
                .read(
                        Fixtures.bundle(
                                "batch",
                                "urn:uuid:p1",
                                Fixtures.PATIENT,
                                "urn:uuid:i1",
                                Fixtures.comirnaty(
                                        "i1", "urn:uuid:p1", "\"protocolApplied\":[{\"doseNumberPositiveInt\":1}]"),
                                "urn:uuid:i2",
                                Fixtures.comirnaty("i2", "urn:uuid:nobody", ""),
                                "urn:uuid:i3",
                                Fixtures.immunization(
                                        "i3",
                                        "urn:uuid:p1",
                                        "{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/cvx\",\"code\":\"140\"}]}",
                                        "")),
                        FhirEncoding.JSON,
                        "t");
        Bundle bundle = (Bundle) TestFhir.CONTEXT
                .newJsonParser()
                .parseResource(
                        responses.responseBundle(submission, Arrays.asList("ev-1", null, null), FhirEncoding.JSON));

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.BATCHRESPONSE);
        assertThat(bundle.getEntry()).hasSize(3);
        Bundle.BundleEntryResponseComponent accepted = bundle.getEntry().get(0).getResponse();
        assertThat(accepted.getStatus()).isEqualTo("202 Accepted");
        assertThat(accepted.getLocation()).isEqualTo("api/v1/events/ev-1");
        assertThat(accepted.hasOutcome()).isFalse();
        Bundle.BundleEntryResponseComponent rejected = bundle.getEntry().get(1).getResponse();
        assertThat(rejected.getStatus()).isEqualTo("422 Unprocessable Entity");
        assertThat(((OperationOutcome) rejected.getOutcome()).getIssueFirstRep().getDiagnostics())
                .contains("urn:uuid:nobody");
        assertThat(bundle.getEntry().get(2).getResponse().getStatus()).isEqualTo("200 OK");
    }

    @Test
    void aTransactionIsAnsweredWithATransactionResponse() {
        Submission submission = TestFhir.ingestion().read(TestFhir.exampleBundle(), FhirEncoding.JSON, "t");
        Bundle bundle = responses.responseBundle(submission, List.of("ev-9"));
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        String xml = responses.encode(bundle, FhirEncoding.XML);
        assertThat(xml).contains("<type value=\"transaction-response\"/>").contains("api/v1/events/ev-9");
    }

    @Test
    void theCapabilityStatementSaysExactlyWhatIsSupported() {
        CapabilityStatement statement = (CapabilityStatement) TestFhir.CONTEXT
                .newJsonParser()
                .parseResource(responses.encode(
                        responses.capabilityStatement("https://hub.example.org/fhir/r4", "0.1.0", new Date(0)),
                        FhirEncoding.JSON));
        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(statement.getFormat()).extracting(Object::toString).contains("json", "xml");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        assertThat(rest.getInteraction())
                .extracting(i -> i.getCode().toCode())
                .containsExactlyInAnyOrder("transaction", "batch");
        assertThat(rest.getResource())
                .filteredOn(r -> r.getType().equals("Immunization"))
                .singleElement()
                .satisfies(r -> assertThat(r.getInteraction())
                        .extracting(i -> i.getCode().toCode())
                        .containsExactly("create"));
        assertThat(rest.getResource())
                .allSatisfy(r -> assertThat(r.getInteraction())
                        .noneMatch(i -> i.getCode() == CapabilityStatement.TypeRestfulInteraction.READ
                                || i.getCode() == CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE));
        assertThat(rest.getOperation())
                .extracting(CapabilityStatement.CapabilityStatementRestResourceOperationComponent::getName)
                .containsExactly("import");
    }
}
