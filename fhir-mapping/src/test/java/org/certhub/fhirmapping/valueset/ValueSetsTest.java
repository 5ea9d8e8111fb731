package org.certhub.fhirmapping.valueset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.certhub.fhirmapping.TestFhir;
import org.certhub.model.Code;
import org.junit.jupiter.api.Test;

class ValueSetsTest {

    private final ValueSets valueSets = TestFhir.VALUE_SETS;

    @Test
    void everyCodingAVaccineMayArriveAsNamesIt() {
        assertThat(found(Code.of("http://hl7.org/fhir/sid/cvx", "208")).id()).isEqualTo("comirnaty");
        assertThat(found(Code.of("http://ec.europa.eu/temp/vaccineproductname", "EU/1/20/1528"))
                        .id())
                .isEqualTo("comirnaty");
        assertThat(found(Code.of("http://snomed.info/sct", "1119349007")).id()).isEqualTo("covid-19-mrna");
        assertThat(found(Code.of("http://www.whocc.no/atc", "J07BN01")).id()).isEqualTo("covid-19-mrna");
        assertThat(found(Code.of("http://id.who.int/icd/release/11/mms", "XM0GQ8"))
                        .id())
                .isEqualTo("covid-19-mrna");
        assertThat(found(Code.of("urn:oid:2.16.840.1.113883.12.292", "212")).id())
                .isEqualTo("jcovden");
        assertThat(valueSets.match(List.of(Code.of("http://hl7.org/fhir/sid/cvx", "999"))))
                .isInstanceOf(VaccineMatch.Unknown.class);
    }

    @Test
    void aCodeTableAddsItsCodingsToTheVaccinesItNames() {
        ValueSets loaded = load(
                "{\"programmes\":[{\"id\":\"p\",\"action\":\"certify\"}],"
                        + "\"vaccines\":[{\"id\":\"v\",\"programme\":\"p\",\"product\":{\"system\":\"eu\",\"code\":\"EU/1\"}}]}",
                "{\"sources\":[{\"name\":\"t\",\"url\":\"https://example.org\",\"date\":\"2024\"}],"
                        + "\"codes\":[{\"system\":\"urn:oid:2.16.840.1.113883.12.292\",\"code\":\"208\",\"vaccine\":\"v\"}]}",
                "{\"systemAliases\":{\"http://hl7.org/fhir/sid/cvx\":[\"urn:oid:2.16.840.1.113883.12.292\"]}}");

        assertThat(loaded.byCoding("http://hl7.org/fhir/sid/cvx", "208"))
                .extracting(VaccineDefinition::id)
                .containsExactly("v");
    }

    @Test
    void aProductCodingWinsOverAVaccineTypeCoding() {
        VaccineDefinition vaccine = ((VaccineMatch.Found) valueSets.match(List.of(
                        Code.of("http://snomed.info/sct", "1119349007"),
                        Code.of("http://hl7.org/fhir/sid/cvx", "207"))))
                .vaccine();
        assertThat(vaccine.id()).isEqualTo("spikevax");
        assertThat(vaccine.vaccineCode().code()).isEqualTo("1119349007");
        assertThat(vaccine.product().code()).isEqualTo("EU/1/20/1507");
        assertThat(vaccine.manufacturer().code()).isEqualTo("ORG-100031184");
        assertThat(vaccine.primarySeriesDoses()).isEqualTo(2);
        assertThat(vaccine.programme().disease().code()).isEqualTo("840539006");
    }

    @Test
    void codingsNamingDifferentProductsOrProgrammesConflict() {
        assertThat(valueSets.match(List.of(
                        Code.of("http://hl7.org/fhir/sid/cvx", "207"), Code.of("http://hl7.org/fhir/sid/cvx", "208"))))
                .isInstanceOf(VaccineMatch.Conflict.class);
        assertThat(valueSets.match(List.of(
                        Code.of("http://hl7.org/fhir/sid/cvx", "140"), Code.of("http://hl7.org/fhir/sid/cvx", "208"))))
                .isInstanceOf(VaccineMatch.Conflict.class);
    }

    @Test
    void namesMatchIgnoringCaseAndPunctuation() {
        assertThat(valueSets.byName("COVISHIELD"))
                .get()
                .extracting(VaccineDefinition::id)
                .isEqualTo("covishield");
        assertThat(valueSets.byName("sputnik-v"))
                .get()
                .extracting(VaccineDefinition::id)
                .isEqualTo("sputnik-v");
        assertThat(valueSets.byName("EU/1/20/1528"))
                .get()
                .extracting(VaccineDefinition::id)
                .isEqualTo("comirnaty");
        assertThat(valueSets.byName("aspirin")).isEmpty();
    }

    @Test
    void programmesSayWhatIsCertified() {
        assertThat(valueSets.programme("covid-19")).get().matches(Programme::certifies);
        assertThat(valueSets.programme("influenza")).get().matches(p -> !p.certifies());
        assertThat(found(Code.of("http://hl7.org/fhir/sid/cvx", "140"))
                        .programme()
                        .id())
                .isEqualTo("influenza");
    }

    @Test
    void theShippedFilesLoadFromTheClasspathListAsFromTheDirectory() throws Exception {
        try (Stream<Path> files = Files.list(TestFhir.CONFIG.resolve("value-sets"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json")))
                    .containsExactlyInAnyOrderElementsOf(ValueSets.DEFAULT_FILES);
        }
        try (URLClassLoader jar =
                new URLClassLoader(new URL[] {TestFhir.CONFIG.toUri().toURL()}, null)) {
            ValueSets fromClasspath = ValueSets.fromClasspath(jar, "value-sets");
            assertThat(fromClasspath.vaccines())
                    .extracting(VaccineDefinition::id)
                    .containsExactlyElementsOf(valueSets.vaccines().stream()
                            .map(VaccineDefinition::id)
                            .toList());
            assertThat(fromClasspath.match(List.of(Code.of("https://www.gs1.org/gtin", "00359676580157"))))
                    .isInstanceOf(VaccineMatch.Found.class);
        }
    }

    @Test
    void configurationErrorsStopLoading() {
        assertThatThrownBy(() ->
                        load("{\"vaccines\":[{\"id\":\"v\",\"programme\":\"nope\",\"codings\":[{\"code\":\"1\"}]}]}"))
                .hasMessageContaining("unknown programme");
        String programme = "{\"programmes\":[{\"id\":\"p\",\"action\":\"certify\"}]}";
        String twoProducts = "{\"vaccines\":["
                + "{\"id\":\"a\",\"programme\":\"p\",\"product\":{\"system\":\"s\",\"code\":\"A\"},\"codings\":[{\"system\":\"x\",\"code\":\"1\"}]},"
                + "{\"id\":\"b\",\"programme\":\"p\",\"product\":{\"system\":\"s\",\"code\":\"B\"},\"codings\":[{\"system\":\"x\",\"code\":\"1\"}]}]}";
        assertThatThrownBy(() -> load(programme, twoProducts)).hasMessageContaining("claimed by two vaccine products");
        assertThatThrownBy(() -> load(programme, programme)).hasMessageContaining("defined twice");
        assertThatThrownBy(() -> load("{\"programmes\":[{\"id\":\"p\",\"action\":\"sometimes\"}]}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> load(programme, "{\"codes\":[{\"system\":\"x\",\"code\":\"1\",\"vaccine\":\"nope\"}]}"))
                .hasMessageContaining("unknown vaccine: nope");
        assertThatThrownBy(() -> load(programme, "{\"codes\":[{\"system\":\"x\",\"code\":\"1\"}]}"))
                .hasMessageContaining("without \"vaccine\"");
    }

    private VaccineDefinition found(Code code) {
        VaccineMatch match = valueSets.match(List.of(code));
        assertThat(match).as(code.toString()).isInstanceOf(VaccineMatch.Found.class);
        return ((VaccineMatch.Found) match).vaccine();
    }

    private static ValueSets load(String... documents) {
        List<InputStream> streams = java.util.Arrays.stream(documents)
                .map(d -> (InputStream) new ByteArrayInputStream(d.getBytes(StandardCharsets.UTF_8)))
                .toList();
        return ValueSets.load(streams);
    }
}
