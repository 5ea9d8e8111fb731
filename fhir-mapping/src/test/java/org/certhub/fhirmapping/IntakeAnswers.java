package org.certhub.fhirmapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.certhub.fhirmapping.divoc.DivocCertifyMapper;

/**
 * The parser boundary the intake fuzz targets check: whatever arrives, the answer is a Submission or a
 * {@link FhirInputException} with a client status (4xx), never another exception (which the hub would answer with
 * a 5xx).
 */
final class IntakeAnswers {

    static final FhirIngestion INGESTION = TestFhir.ingestion();
    static final DivocCertifyMapper DIVOC =
            new DivocCertifyMapper(TestFhir.VALUE_SETS, FhirIngestionSettings.defaults(), TestFhir.CLOCK);

    private IntakeAnswers() {}

    static void answersWithASubmissionOrAClientError(java.util.function.Supplier<Submission> read) {
        try {
            Submission submission = read.get();
            assertThat(submission.entries()).isNotEmpty();
            for (Submission.Entry entry : submission.entries()) {
                if (entry instanceof Submission.Rejected rejected) {
                    assertThat(rejected.status()).isBetween(400, 499);
                    assertThat(rejected.problems()).isNotEmpty();
                }
            }
        } catch (FhirInputException e) {
            assertThat(e.status()).isBetween(400, 499);
            assertThat(e.problems()).isNotEmpty();
        }
    }
}
