package org.certhub.fhirmapping.valueset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.fhirmapping.Submission;
import org.certhub.fhirmapping.TestFhir;
import org.certhub.model.Code;
import org.certhub.testdata.SharedTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped code tables of {@code config/value-sets/}: every code system the HL7 SMART Health Cards
 * vaccination IG allows (CVX, SNOMED CT, ICD-11 MMS, ATC, GS1 GTIN, AIR) reaches the right vaccine; product
 * codes carry the EU DCC product, manufacturer and prophylaxis the EU value sets give that product; type codes
 * name no product; each table says where it comes from; the IG's and the DDCC's example bundles map.
 */
class VaccineCodeTablesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CVX = "http://hl7.org/fhir/sid/cvx";
    private static final String SCT = "http://snomed.info/sct";
    private static final String ICD11 = "http://id.who.int/icd11/mms";
    private static final String ATC = "http://www.whocc.no/atc";
    private static final String GTIN = "https://www.gs1.org/gtin";
    private static final String AIR =
            "https://www.humanservices.gov.au/organisations/health-professionals/enablers/air-vaccine-code-formats";

    private final ValueSets valueSets = TestFhir.VALUE_SETS;

    @ParameterizedTest(name = "{0} {1} is the product {2}")
    @CsvSource({
        CVX + ", 207, EU/1/20/1507",
        CVX + ", 208, EU/1/20/1528",
        CVX + ", 210, EU/1/21/1529",
        CVX + ", 211, EU/1/21/1618",
        CVX + ", 212, EU/1/20/1525",
        CVX + ", 217, EU/1/20/1528",
        CVX + ", 218, EU/1/20/1528",
        CVX + ", 219, EU/1/20/1528",
        CVX + ", 221, EU/1/20/1507",
        CVX + ", 227, EU/1/20/1507",
        CVX + ", 228, EU/1/20/1507",
        CVX + ", 229, EU/1/20/1507",
        CVX + ", 230, EU/1/20/1507",
        CVX + ", 300, EU/1/20/1528",
        CVX + ", 301, EU/1/20/1528",
        CVX + ", 302, EU/1/20/1528",
        CVX + ", 502, Covaxin",
        CVX + ", 504, Sputnik-Light",
        CVX + ", 505, Sputnik-V",
        CVX + ", 506, Convidecia",
        CVX + ", 509, EpiVacCorona",
        CVX + ", 510, BBIBP-CorV",
        CVX + ", 511, CoronaVac",
        CVX + ", 512, Covifenz",
        CVX + ", 515, MVC-COV1901",
        CVX + ", 518, EU/1/21/1624",
        CVX + ", 519, EU/1/20/1507",
        CVX + ", 520, EU/1/20/1528",
        ICD11 + ", XM8NQ0, EU/1/20/1528",
        ICD11 + ", XM3DT5, EU/1/20/1507",
        ICD11 + ", XM4YL8, EU/1/21/1529",
        ICD11 + ", XM6QV1, EU/1/20/1525",
        ICD11 + ", XM97T2, Covishield",
        ICD11 + ", XM1AU2, WIBP-CorV",
        ICD11 + ", XM9T65, EU/1/21/1618",
        ICD11 + ", XM3PG0, Soberana-02",
        SCT + ", 28581000087106, EU/1/20/1528",
        SCT + ", 10871000172106, EU/1/20/1507",
        SCT + ", 33221000087102, CVnCoV",
        GTIN + ", 00359676580157, EU/1/20/1525",
        GTIN + ", 30380777700688, EU/1/20/1507",
        GTIN + ", 00359267100023, EU/1/20/1528",
        AIR + ", COMIRN, EU/1/20/1528",
        AIR + ", MODERN, EU/1/20/1507",
        AIR + ", COVAST, EU/1/21/1529"
    })
    void aProductCodeNamesItsProductManufacturerAndType(String system, String code, String product) {
        VaccineDefinition vaccine = found(system, code);

        assertThat(vaccine.isProduct()).isTrue();
        assertThat(vaccine.product().code()).isEqualTo(product);
        assertThat(vaccine.manufacturer()).isNotNull();
        assertThat(vaccine.prophylaxis().system()).isEqualTo(SCT);
        assertThat(vaccine.programme().id()).isEqualTo("covid-19");
    }

    @ParameterizedTest(name = "{0} {1} is the type {2}")
    @CsvSource({
        SCT + ", 1119349007, 1119349007",
        CVX + ", 213, 28531000087107",
        ATC + ", J07BX03, 28531000087107",
        ICD11 + ", XM0GQ8, 1119349007",
        ICD11 + ", XM6AT1, 1187593009",
        ICD11 + ", XM1J92, 30141000087107",
        ATC + ", J07BN05, 30141000087107",
        ATC + ", J07BN01, 1119349007",
        ICD11 + ", XM68M6, 28531000087107",
        CVX + ", 225, 1162643001",
        CVX + ", 500, 28531000087107",
        CVX + ", 501, 1157024006",
        CVX + ", 503, 28531000087107",
        CVX + ", 507, 1162643001",
        CVX + ", 514, 1187593009",
        CVX + ", 516, 1157024006",
        CVX + ", 517, 1162643001",
        SCT + ", 840534001, 28531000087107",
        SCT + ", 29061000087103, 29061000087103"
    })
    void aTypeCodeNamesTheTypeOnly(String system, String code, String prophylaxis) {
        VaccineDefinition vaccine = found(system, code);

        assertThat(vaccine.isProduct()).isFalse();
        assertThat(vaccine.manufacturer()).isNull();
        assertThat(vaccine.vaccineCode()).isEqualTo(vaccine.prophylaxis());
        assertThat(vaccine.prophylaxis().code()).isEqualTo(prophylaxis);
    }

    @Test
    void cvx220IsAHepatitisBVaccineNotACovid19One() {
        assertThat(found(CVX, "220").programme().id()).isEqualTo("routine");
    }

    /** The vaccineCode codings of the IG's examples/byCodeSystem bundles (HL7/fhir-shc-vaccination-ig). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "air_immunization; " + AIR + "|COVAST; vaxzevria",
                "atc_immunization; " + ATC + "|J07BX03; covid-19-unspecified",
                "atc_gtin_immunization; " + ATC + "|J07BX03 " + GTIN + "|00359676580157; jcovden",
                "cvx_immunization; " + CVX + "|213; covid-19-unspecified",
                "gtin_immunization; " + GTIN + "|30380777700688; spikevax",
                // this example misspells the ICD-11 system (id.who.ind): systems.json accepts that spelling as an alias
                "icd11_immunization; http://id.who.ind/icd11/mms|XM0GQ8; covid-19-mrna",
                "icd11_gtin_immunization; " + ICD11 + "|XM0GQ8 " + GTIN + "|30380777700688; spikevax",
                "snomed_immunization; " + SCT + "|840534001; covid-19-unspecified",
                "snomed_gtin_immunization; " + SCT + "|840534001 " + GTIN + "|30380777700688; spikevax"
            })
    void theIgsExamplesByCodeSystemMap(String example, String codings, String vaccine) {
        List<Code> vaccineCode = Arrays.stream(codings.split(" "))
                .map(c -> Code.of(c.substring(0, c.lastIndexOf('|')), c.substring(c.lastIndexOf('|') + 1)))
                .toList();

        assertThat(valueSets.match(vaccineCode))
                .as(example)
                .isInstanceOfSatisfying(
                        VaccineMatch.Found.class,
                        f -> assertThat(f.vaccine().id()).isEqualTo(vaccine));
    }

    @Test
    void unknownCodesStayUnknown() {
        assertThat(valueSets.match(List.of(Code.of(CVX, "999")))).isInstanceOf(VaccineMatch.Unknown.class);
        assertThat(valueSets.match(List.of(Code.of(GTIN, "00000000000000")))).isInstanceOf(VaccineMatch.Unknown.class);
        assertThat(valueSets.match(List.of(Code.of(AIR, "NOSUCH")))).isInstanceOf(VaccineMatch.Unknown.class);
    }

    /** Checked against the EU value sets themselves (shared/testdata/eu-dcc-valuesets), not our copy of them. */
    @Test
    void everyProductCarriesWhatTheEuValueSetsSayOfIt() throws IOException {
        Path euValueSets = SharedTestData.require("eu-dcc-valuesets");
        JsonNode products = JSON.readTree(
                        euValueSets.resolve("vaccine-medicinal-product.json").toFile())
                .path("valueSetValues");
        JsonNode manufacturers = JSON.readTree(
                        euValueSets.resolve("vaccine-mah-manf.json").toFile())
                .path("valueSetValues");
        JsonNode prophylaxis = JSON.readTree(
                        euValueSets.resolve("vaccine-prophylaxis.json").toFile())
                .path("valueSetValues");
        JsonNode instructions = JSON.readTree(euValueSets
                        .resolve("vaccine-encoding-instructions.json")
                        .toFile())
                .path("valueSetValues");
        List<VaccineDefinition> covidProducts = valueSets.vaccines().stream()
                .filter(v -> v.programme().id().equals("covid-19") && v.isProduct())
                .toList();

        assertThat(covidProducts).hasSizeGreaterThan(30).allSatisfy(vaccine -> {
            String mp = vaccine.product().code();
            assertThat(products.has(mp)).as("%s mp %s", vaccine.id(), mp).isTrue();
            assertThat(manufacturers.has(vaccine.manufacturer().code()))
                    .as("%s ma", vaccine.id())
                    .isTrue();
            assertThat(prophylaxis.has(vaccine.prophylaxis().code()))
                    .as("%s vp", vaccine.id())
                    .isTrue();
            JsonNode instruction = null;
            for (JsonNode candidate : instructions) {
                if (candidate.path("vaccine-code").asText().equals(mp)) {
                    instruction = candidate;
                }
            }
            assertThat(instruction).as("%s encoding instruction", vaccine.id()).isNotNull();
            assertThat(instruction.path("vaccine-manufacturer").asText())
                    .as(vaccine.id())
                    .isEqualTo(vaccine.manufacturer().code());
            assertThat(instruction.path("sct-codes").toString())
                    .as(vaccine.id())
                    .contains("\"" + vaccine.prophylaxis().code() + "\"");
        });
    }

    @Test
    void everyShippedFileSaysWhereItsTablesComeFrom() throws IOException {
        for (String file : ValueSets.DEFAULT_FILES) {
            JsonNode document = JSON.readTree(
                    TestFhir.CONFIG.resolve("value-sets").resolve(file).toFile());
            assertThat(document.path("sources")).as(file).isNotEmpty().allSatisfy(source -> {
                assertThat(source.path("name").asText()).as(file).isNotBlank();
                assertThat(source.path("url").asText()).as(file).startsWith("https://");
                assertThat(source.path("date").asText()).as(file).matches("\\d{4}(-\\d{2}(-\\d{2})?)?");
            });
        }
    }

    static Stream<Path> exampleBundles() throws IOException {
        List<Path> bundles = new ArrayList<>();
        try (Stream<Path> shc = Files.list(SharedTestData.require("smart-health-cards"))) {
            shc.filter(f -> f.getFileName().toString().endsWith("-a-fhirBundle.json"))
                    .sorted()
                    .forEach(bundles::add);
        }
        try (Stream<Path> ddcc =
                Files.list(SharedTestData.require("fhir/ddcc-fixtures").resolve("shc"))) {
            ddcc.filter(f -> f.getFileName().toString().endsWith("fhirBundle.json"))
                    .sorted()
                    .forEach(bundles::add);
        }
        return bundles.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleBundles")
    void theSmartHealthCardExampleBundlesMap(Path bundle) {
        Submission submission = TestFhir.ingestion().read(TestFhir.read(bundle), FhirEncoding.JSON, "test-ehr");

        assertThat(submission.entries())
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry).isInstanceOf(Submission.Accepted.class));
    }

    private VaccineDefinition found(String system, String code) {
        VaccineMatch match = valueSets.match(List.of(Code.of(system, code)));
        assertThat(match).as(system + "|" + code).isInstanceOf(VaccineMatch.Found.class);
        return ((VaccineMatch.Found) match).vaccine();
    }
}
