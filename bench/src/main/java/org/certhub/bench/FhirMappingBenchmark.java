package org.certhub.bench;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.fhirmapping.FhirIngestion;
import org.certhub.fhirmapping.FhirIngestionSettings;
import org.certhub.fhirmapping.Submission;
import org.certhub.fhirmapping.valueset.ValueSets;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse + map cost per record: the README's example transaction Bundle (Patient, Practitioner, Location and one
 * COVID-19 Immunization) to a {@link Submission}, in JSON and XML, with the default structure-level validation
 * and with HAPI's full instance validation. Reads {@code config/} from the working directory (run from the
 * repository root) or from {@code -Dcerthub.config=...}.
 *
 * <pre>java -jar bench/target/certhub-bench.jar FhirMapping -f 1 -wi 2 -i 3 -w 2s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FhirMappingBenchmark {

    private FhirIngestion structure;
    private FhirIngestion full;
    private String json;
    private String xml;

    @Setup
    public void setUp() throws IOException {
        Path config = Path.of(System.getProperty("certhub.config", "config"));
        ValueSets valueSets = ValueSets.fromDirectory(config.resolve("value-sets"));
        FhirContext context = FhirIngestion.newContext();
        structure = new FhirIngestion(context, valueSets, FhirIngestionSettings.defaults());
        full = new FhirIngestion(
                context,
                valueSets,
                FhirIngestionSettings.defaults()
                        .withValidation(FhirIngestionSettings.ValidationLevel.FULL, false, null));
        json = Files.readString(config.resolve("examples").resolve("immunization-bundle.json"), StandardCharsets.UTF_8);
        xml = context.newXmlParser()
                .encodeResourceToString(context.newJsonParser().parseResource(json));
        for (Submission submission : new Submission[] {bundleJson(), bundleXml(), bundleJsonFullValidation()}) {
            if (!(submission.entries().get(0) instanceof Submission.Accepted)) {
                throw new IllegalStateException("the example bundle is not accepted: " + submission);
            }
        }
    }

    @Benchmark
    public Submission bundleJson() {
        return structure.read(json, FhirEncoding.JSON, "bench");
    }

    /** HAPI's parse with the structure checks alone: what {@link #bundleJson()} adds on top of it is the mapping. */
    @Benchmark
    public IBaseResource bundleJsonParseOnly() {
        return structure.parse(json, FhirEncoding.JSON);
    }

    @Benchmark
    public Submission bundleXml() {
        return structure.read(xml, FhirEncoding.XML, "bench");
    }

    @Benchmark
    public Submission bundleJsonFullValidation() {
        return full.read(json, FhirEncoding.JSON, "bench");
    }
}
