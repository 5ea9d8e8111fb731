package org.certhub.routes.ingest;

import org.apache.camel.Header;
import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.fhirmapping.FhirResponses;
import org.certhub.routes.http.HttpAnswer;
import org.springframework.stereotype.Component;

/** {@code GET /fhir/r4/metadata}: the CapabilityStatement of what the hub accepts. */
@Component
public class FhirCapabilities {

    private final FhirResponses responses;

    public FhirCapabilities(FhirResponses responses) {
        this.responses = responses;
    }

    public HttpAnswer describe(@Header("_format") String format, @Header("Accept") String accept) {
        FhirEncoding encoding = FhirEncoding.fromName(format).or(() -> FhirEncoding.fromName(accept)).orElse(FhirEncoding.JSON);
        return new HttpAnswer(200, encoding.mediaType() + ";charset=UTF-8", responses.capabilityStatement(encoding), null);
    }
}
