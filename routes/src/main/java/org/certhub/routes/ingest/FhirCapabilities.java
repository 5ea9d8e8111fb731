package org.certhub.routes.ingest;

import java.util.Date;
import org.apache.camel.Header;
import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.fhirmapping.FhirResponses;
import org.certhub.routes.config.BuildVersion;
import org.certhub.routes.http.HttpAnswer;
import org.certhub.routes.signing.IssuerIdentity;
import org.springframework.stereotype.Component;

/** {@code GET /fhir/r4/metadata}: the CapabilityStatement of what the hub accepts. */
@Component
public class FhirCapabilities {

    private final FhirResponses responses;
    private final String baseUrl;
    private final String version;
    private final Date published = new Date();

    public FhirCapabilities(FhirResponses responses, IssuerIdentity issuer, BuildVersion version) {
        this.responses = responses;
        this.baseUrl = issuer.baseUrl() + "/fhir/r4";
        this.version = version.version();
    }

    public HttpAnswer describe(@Header("_format") String format, @Header("Accept") String accept) {
        FhirEncoding encoding = FhirEncoding.fromName(format)
                .or(() -> FhirEncoding.fromName(accept))
                .orElse(FhirEncoding.JSON);
        return new HttpAnswer(
                200,
                encoding.mediaType() + ";charset=UTF-8",
                responses.encode(responses.capabilityStatement(baseUrl, version, published), encoding),
                null);
    }
}
