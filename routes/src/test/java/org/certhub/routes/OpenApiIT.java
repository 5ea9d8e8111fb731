package org.certhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.RestRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The OpenAPI document at /api/openapi.json describes every REST route the hub serves, with its parameters and
 * answers, and the Swagger UI page reads it.
 */
class OpenApiIT extends HubTestSupport {

    @Autowired
    CamelContext camel;

    @Test
    void everyServedRestRouteIsInTheDocumentWithItsAnswers() {
        HttpResponse<String> response = get("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = json(response);
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.at("/info/title").asText()).isEqualTo("certhub");

        List<RestRegistry.RestService> served = camel.getRestRegistry().listAllRestServices();
        assertThat(served).hasSizeGreaterThan(20);
        for (RestRegistry.RestService route : served) {
            String path = route.getBasePath() + (route.getUriTemplate() == null ? "" : route.getUriTemplate());
            String verb = route.getMethod() + " " + path;
            JsonNode operation =
                    document.path("paths").path(path).path(route.getMethod().toLowerCase(Locale.ROOT));
            assertThat(operation.isObject())
                    .as("%s in the OpenAPI document", verb)
                    .isTrue();
            assertThat(operation.path("summary").asText())
                    .as("%s described", verb)
                    .isNotBlank();
            assertThat(operation.path("responses").has("default"))
                    .as("%s answers", verb)
                    .isFalse();
            assertThat(operation.path("responses").size())
                    .as("%s answers", verb)
                    .isPositive();
            operation
                    .path("responses")
                    .forEach(answer -> assertThat(answer.path("description").asText())
                            .as("%s answer", verb)
                            .isNotBlank());
            if (path.contains("{")) {
                assertThat(operation.path("parameters").findValuesAsText("in"))
                        .as("%s parameters", verb)
                        .contains("path");
            }
        }
    }

    @Test
    void theDocumentCarriesTheShapesOfRequestsAndAnswers() {
        JsonNode document = json(get("/api/openapi.json"));

        JsonNode event = document.at("/paths/~1api~1v1~1events~1{id}/get");
        assertThat(event.at("/responses/200/description").asText()).contains("\"state\"", "\"certificateId\"");
        JsonNode verify = document.at("/paths/~1api~1v1~1verify/post");
        assertThat(verify.toString()).contains("application/octet-stream", "\\\"qr\\\"");
    }

    @Test
    void theDocumentCarriesTheAccessTable() {
        JsonNode document = json(get("/api/openapi.json"));

        JsonNode schemes = document.at("/components/securitySchemes");
        assertThat(schemes.at("/apiKey/in").asText()).isEqualTo("header");
        assertThat(schemes.at("/apiKey/name").asText()).isEqualTo("X-API-Key");
        assertThat(schemes.at("/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.at("/citizenLink/in").asText()).isEqualTo("query");
        assertThat(schemes.at("/citizenLink/name").asText()).isEqualTo("token");

        JsonNode certificate = document.at("/paths/~1api~1v1~1certificates~1{id}/get");
        assertThat(schemesOf(certificate)).containsExactlyInAnyOrder("apiKey", "bearer", "citizenLink");
        assertThat(certificate.path("parameters").findValuesAsText("name")).contains("code");
        assertThat(schemesOf(document.at("/paths/~1api~1v1~1citizen~1certificates/get")))
                .containsExactly("bearer");
        assertThat(schemesOf(document.at("/paths/~1api~1v1~1admin~1events/get")))
                .containsExactlyInAnyOrder("apiKey", "bearer");
        assertThat(document.at("/paths/~1api~1v1~1verify/post").has("security"))
                .as("a public route asks for nothing")
                .isFalse();
        for (String corrected : List.of("/paths/~1fhir~1r4/post", "/paths/~1divoc~1api~1v1~1certificate/put")) {
            assertThat(document.at(corrected).path("parameters").findValuesAsText("name"))
                    .as(corrected)
                    .contains("sender");
        }
        assertThat(document.at("/paths/~1fhir~1r4~1metadata/get/parameters").findValuesAsText("name"))
                .doesNotContain("sender", "code");
    }

    private static List<String> schemesOf(JsonNode operation) {
        List<String> schemes = new ArrayList<>();
        operation
                .path("security")
                .forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
        return schemes;
    }

    @Test
    void theSwaggerUiPageReadsTheDocument() {
        HttpResponse<String> redirect = get("/api/docs");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/api/docs/index.html"));

        HttpResponse<String> page = get("/api/docs/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js");
        assertThat(get("/api/docs/docs.js").body()).contains("'../openapi.json'");
        assertThat(getBytes("/webjars/swagger-ui/swagger-ui-bundle.js").statusCode())
                .isEqualTo(200);
        assertThat(getBytes("/webjars/swagger-ui/swagger-ui.css").statusCode()).isEqualTo(200);
    }
}
