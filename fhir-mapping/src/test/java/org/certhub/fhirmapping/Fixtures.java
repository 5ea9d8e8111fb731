package org.certhub.fhirmapping;

/** Small FHIR JSON documents for tests, assembled from parts so that each test shows what it varies. */
public final class Fixtures {

    public static final String PATIENT = """
            {"resourceType":"Patient","id":"p1",
             "name":[{"use":"maiden","family":"Alt","given":["Anna"]},{"use":"official","family":"Neu","given":["Anna","Maria"]}],
             "birthDate":"1980-04","gender":"female",
             "telecom":[{"system":"phone","value":"+49 30 1234567"},{"system":"email","value":"anna@example.org"}]}""";

    public static final String COMIRNATY_CODING = """
            {"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"208"}]}""";

    private Fixtures() {}

    /** An Immunization; {@code extra} is spliced in as further JSON members (may be empty). */
    public static String immunization(String id, String patientReference, String vaccineCode, String extra) {
        return "{\"resourceType\":\"Immunization\"" + (id == null ? "" : ",\"id\":\"" + id + "\"")
                + ",\"status\":\"completed\",\"vaccineCode\":" + vaccineCode
                + (patientReference == null ? "" : ",\"patient\":{\"reference\":\"" + patientReference + "\"}")
                + ",\"occurrenceDateTime\":\"2021-06-01\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    public static String comirnaty(String id, String patientReference, String extra) {
        return immunization(id, patientReference, COMIRNATY_CODING, extra);
    }

    /** A Bundle of the given type whose entries are {@code fullUrl, resource} pairs. */
    public static String bundle(String type, String... fullUrlsAndResources) {
        StringBuilder json = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"" + type + "\",\"entry\":[");
        for (int i = 0; i < fullUrlsAndResources.length; i += 2) {
            if (i > 0) {
                json.append(',');
            }
            json.append('{');
            if (fullUrlsAndResources[i] != null) {
                json.append("\"fullUrl\":\"").append(fullUrlsAndResources[i]).append("\",");
            }
            json.append("\"resource\":").append(fullUrlsAndResources[i + 1]);
            if (type.equals("transaction") || type.equals("batch")) {
                String resourceType =
                        fullUrlsAndResources[i + 1].replaceFirst("(?s).*?\"resourceType\":\"(\\w+)\".*", "$1");
                json.append(",\"request\":{\"method\":\"POST\",\"url\":\"")
                        .append(resourceType)
                        .append("\"}");
            }
            json.append('}');
        }
        return json.append("]}").toString();
    }
}
