package org.certhub.bench;

import java.time.LocalDate;

/**
 * Synthetic but realistic FHIR records: one Patient and one COVID-19 Immunization each, all distinct, as a transaction
 * Bundle ({@link #immunization}) or as the two ndjson lines of a bulk {@code $import} ({@link #ndjsonLines}).
 */
final class Bundles {

    private static final String[] GIVEN = {"Asha", "Ravi", "Meera", "Arjun", "Fatima", "Joseph", "Lakshmi", "Imran"};
    private static final String[] FAMILY = {"Rao", "Sharma", "Iyer", "Khan", "Das", "Fernandes", "Nair", "Singh"};
    private static final String[] VACCINES = {
        // Comirnaty, Spikevax, Vaxzevria: CVX with their SNOMED CT product codes
        "{\"system\":\"http://hl7.org/fhir/sid/cvx\",\"code\":\"208\"},{\"system\":\"http://snomed.info/sct\",\"code\":\"28531000087107\"}",
        "{\"system\":\"http://hl7.org/fhir/sid/cvx\",\"code\":\"207\"}",
        "{\"system\":\"http://hl7.org/fhir/sid/cvx\",\"code\":\"210\"}",
    };

    private Bundles() {}

    static String immunization(String runId, int index) {
        String given = GIVEN[index % GIVEN.length];
        String family = FAMILY[(index / GIVEN.length) % FAMILY.length];
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(index % 20000L);
        LocalDate vaccinated = LocalDate.of(2021, 3, 1).plusDays(index % 300L);
        String patient = "urn:uuid:"
                + java.util
                        .UUID
                        .nameUUIDFromBytes((runId + "-p-" + index).getBytes())
                        .toString();
        return """
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"fullUrl":"%s","resource":{"resourceType":"Patient",
                   "identifier":[{"system":"urn:certhub:bench:national-id","value":"%s-%d"}],
                   "name":[{"use":"official","family":"%s","given":["%s"]}],"gender":"%s","birthDate":"%s",
                   "telecom":[{"system":"email","value":"person%d@bench.certhub.test"}]},
                  "request":{"method":"POST","url":"Patient"}},
                 {"fullUrl":"urn:uuid:%s","resource":{"resourceType":"Immunization","status":"completed",
                   "identifier":[{"system":"urn:certhub:bench:immunization","value":"%s-%d"}],
                   "vaccineCode":{"coding":[%s]},"patient":{"reference":"%s"},
                   "occurrenceDateTime":"%s","lotNumber":"LOT%05d",
                   "protocolApplied":[{"doseNumberPositiveInt":1,"seriesDosesPositiveInt":2}]},
                  "request":{"method":"POST","url":"Immunization"}}]}
                """.formatted(
                        patient,
                        runId,
                        index,
                        family,
                        given,
                        index % 2 == 0 ? "female" : "male",
                        birth,
                        index,
                        java.util.UUID.nameUUIDFromBytes((runId + "-i-" + index).getBytes()),
                        runId,
                        index,
                        VACCINES[index % VACCINES.length],
                        patient,
                        vaccinated,
                        index % 100000);
    }

    /**
     * Record {@code index} of run {@code runId} as the two lines a FHIR bulk export writes: the Patient with its id,
     * then the Immunization referring to it as {@code Patient/<id>}; each line ends with a newline. Same person and
     * dose as {@link #immunization}, with ids that are distinct per run and index.
     */
    static String ndjsonLines(String runId, int index) {
        String given = GIVEN[index % GIVEN.length];
        String family = FAMILY[(index / GIVEN.length) % FAMILY.length];
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(index % 20000L);
        LocalDate vaccinated = LocalDate.of(2021, 3, 1).plusDays(index % 300L);
        String patientId = "bench-" + runId + "-" + index;
        String patient = ("{\"resourceType\":\"Patient\",\"id\":\"%s\","
                        + "\"identifier\":[{\"system\":\"urn:certhub:bench:national-id\",\"value\":\"%s-%d\"}],"
                        + "\"name\":[{\"use\":\"official\",\"family\":\"%s\",\"given\":[\"%s\"]}],"
                        + "\"gender\":\"%s\",\"birthDate\":\"%s\","
                        + "\"telecom\":[{\"system\":\"email\",\"value\":\"person%d@bench.certhub.test\"}]}\n")
                .formatted(patientId, runId, index, family, given, index % 2 == 0 ? "female" : "male", birth, index);
        String immunization = ("{\"resourceType\":\"Immunization\",\"id\":\"%s\",\"status\":\"completed\","
                        + "\"identifier\":[{\"system\":\"urn:certhub:bench:immunization\",\"value\":\"%s-%d\"}],"
                        + "\"vaccineCode\":{\"coding\":[%s]},\"patient\":{\"reference\":\"Patient/%s\"},"
                        + "\"occurrenceDateTime\":\"%s\",\"lotNumber\":\"LOT%05d\","
                        + "\"protocolApplied\":[{\"doseNumberPositiveInt\":1,\"seriesDosesPositiveInt\":2}]}\n")
                .formatted(
                        java.util.UUID.nameUUIDFromBytes((runId + "-i-" + index).getBytes()),
                        runId,
                        index,
                        VACCINES[index % VACCINES.length],
                        patientId,
                        vaccinated,
                        index % 100000);
        return patient + immunization;
    }
}
