package org.certhub.fhirmapping.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.certhub.fhirmapping.Submission;
import org.certhub.fhirmapping.TestFhir;
import org.certhub.testdata.SharedTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample bulk export (Synthea, 10 patients): 161 Immunizations, 15 of them COVID-19 (CVX 207, 208, 212). */
class NdjsonImportTest {

    private final NdjsonImport importer = new NdjsonImport(TestFhir.ingestion());

    @Test
    void everyCovidRecordOfTheSampleExportIsAcceptedAndEveryOtherVaccineIgnored() {
        Path folder = SharedTestData.require("fhir/bulk-10-patients");
        List<NdjsonImport.LineResult> results = new ArrayList<>();
        NdjsonImport.Summary summary = importer.run(
                NdjsonSource.of(folder.resolve("Patient.000.ndjson")),
                NdjsonSource.of(folder.resolve("Immunization.000.ndjson")),
                "bulk-test",
                results::add);

        assertThat(summary.immunizationLines()).isEqualTo(161);
        assertThat(summary.accepted()).isEqualTo(15);
        assertThat(summary.ignored()).isEqualTo(146);
        assertThat(summary.rejected()).isZero();
        assertThat(summary.badPatientLines()).isZero();
        assertThat(summary.patients()).isEqualTo(13);

        List<Submission.Accepted> accepted = results.stream()
                .map(NdjsonImport.LineResult::entry)
                .filter(Submission.Accepted.class::isInstance)
                .map(Submission.Accepted.class::cast)
                .toList();
        assertThat(accepted).allSatisfy(a -> {
            assertThat(a.event().programmeId()).isEqualTo("covid-19");
            assertThat(a.event().vaccination().disease().code()).isEqualTo("840539006");
            assertThat(a.event().recipient().name().family()).isNotBlank();
            assertThat(a.event().facility().name()).isNotBlank();
        });
        Map<String, Long> products = accepted.stream()
                .collect(Collectors.groupingBy(
                        a -> a.event().vaccination().product().code(), Collectors.counting()));
        assertThat(products)
                .containsOnly(
                        Map.entry("EU/1/20/1507", 6L), Map.entry("EU/1/20/1528", 8L), Map.entry("EU/1/20/1525", 1L));
        Map<String, Long> ignoredByProgramme = results.stream()
                .map(NdjsonImport.LineResult::entry)
                .filter(Submission.Ignored.class::isInstance)
                .map(Submission.Ignored.class::cast)
                .collect(Collectors.groupingBy(Submission.Ignored::programmeId, Collectors.counting()));
        assertThat(ignoredByProgramme).containsOnly(Map.entry("influenza", 110L), Map.entry("routine", 36L));

        // no dose numbers in the export: each person's COVID-19 doses are numbered in date order
        Map<Object, List<Integer>> dosesPerPerson = accepted.stream()
                .collect(Collectors.groupingBy(
                        a -> a.event().recipient().identifiers().get(0).value(),
                        Collectors.mapping(a -> a.event().vaccination().doseNumber(), Collectors.toList())));
        assertThat(dosesPerPerson.values())
                .allSatisfy(doses -> assertThat(doses)
                        .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, doses.size())
                                .boxed()
                                .toList()));
        assertThat(dosesPerPerson.values())
                .anySatisfy(doses -> assertThat(doses).hasSizeGreaterThan(1));
    }

    @Test
    void aCorruptedLineIsReportedWithItsNumberAndTheRestIsImported(@TempDir Path dir) throws IOException {
        Path folder = SharedTestData.require("fhir/bulk-10-patients");
        List<String> lines = new ArrayList<>(Files.readAllLines(folder.resolve("Immunization.000.ndjson")));
        lines.add(2, "{\"resourceType\":\"Immunization\",\"status\":"); // line 3: truncated JSON
        lines.add(5, "{\"resourceType\":\"Observation\",\"status\":\"final\"}"); // line 6: not an Immunization
        Path immunizations = Files.write(dir.resolve("Immunization.ndjson"), lines);
        List<String> patientLines = new ArrayList<>(Files.readAllLines(folder.resolve("Patient.000.ndjson")));
        patientLines.add(0, "garbage");
        Path patients = Files.write(dir.resolve("Patient.ndjson"), patientLines);

        List<NdjsonImport.LineResult> results = new ArrayList<>();
        NdjsonImport.Summary summary =
                importer.run(NdjsonSource.of(patients), NdjsonSource.of(immunizations), "bulk-test", results::add);

        assertThat(summary.badPatientLines()).isEqualTo(1);
        assertThat(summary.immunizationLines()).isEqualTo(163);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(summary.accepted()).isEqualTo(15);
        assertThat(results)
                .filteredOn(r -> r.entry() instanceof Submission.Rejected)
                .extracting(r -> r.file() + ":" + r.line())
                .containsExactly("Patient.ndjson:1", "Immunization.ndjson:3", "Immunization.ndjson:6");
        assertThat(results)
                .filteredOn(r -> r.line() == 3 && r.file().startsWith("Immunization"))
                .singleElement()
                .satisfies(r ->
                        assertThat(((Submission.Rejected) r.entry()).status()).isEqualTo(400));
    }
}
