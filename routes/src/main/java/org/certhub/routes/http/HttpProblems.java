package org.certhub.routes.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.certhub.fhirmapping.FhirEncoding;
import org.certhub.fhirmapping.FhirInputException;
import org.certhub.fhirmapping.FhirResponses;
import org.certhub.fhirmapping.Problem;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every error the hub answers is a FHIR {@code OperationOutcome}, in the encoding the caller speaks: senders
 * of FHIR get FHIR back, and everyone else gets the same shape in JSON.
 */
@Component
public class HttpProblems {

    private final FhirResponses responses;
    private final ObjectMapper mapper;

    public HttpProblems(FhirResponses responses, ObjectMapper mapper) {
        this.responses = responses;
        this.mapper = mapper;
    }

    /**
     * The encoding of a request body: {@code _format} first, then the media type, then the first character
     * (senders that post FHIR as {@code application/json} or with no media type at all are common).
     */
    public FhirEncoding requestEncoding(String body, String contentType, String format) {
        return FhirEncoding.fromName(format)
                .or(() -> FhirEncoding.fromName(contentType))
                .orElseGet(() ->
                        body != null && body.stripLeading().startsWith("<") ? FhirEncoding.XML : FhirEncoding.JSON);
    }

    public HttpAnswer answer(FhirInputException problem, FhirEncoding encoding) {
        return answer(problem.status(), problem.problems(), encoding);
    }

    public HttpAnswer answer(int status, List<Problem> problems, FhirEncoding encoding) {
        return new HttpAnswer(
                status,
                encoding.mediaType() + ";charset=UTF-8",
                responses.operationOutcome(problems, encoding),
                java.util.Map.of());
    }

    public HttpAnswer answer(int status, String code, String diagnostics) {
        return answer(status, List.of(Problem.error(code, diagnostics, null)), FhirEncoding.JSON);
    }

    /** An OperationOutcome as a JSON tree, to embed in a JSON answer. */
    public JsonNode outcomeJson(List<Problem> problems) {
        try {
            return mapper.readTree(responses.operationOutcome(problems, FhirEncoding.JSON));
        } catch (IOException e) {
            throw new IllegalStateException("OperationOutcome JSON does not parse", e);
        }
    }

    private static String queryParameter(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        String value = query == null
                ? null
                : UriComponentsBuilder.newInstance()
                        .query(query)
                        .build()
                        .getQueryParams()
                        .getFirst(name);
        try {
            return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return null;
        }
    }

    /** For servlet filters, which answer before any route runs. */
    public void writeUnauthorized(HttpServletRequest request, HttpServletResponse response, String diagnostics)
            throws IOException {
        write(response, 401, List.of(Problem.error("security", diagnostics, null)), acceptedEncoding(request));
    }

    public void write(HttpServletResponse response, int status, List<Problem> problems, FhirEncoding encoding)
            throws IOException {
        response.setStatus(status);
        response.setContentType(encoding.mediaType() + ";charset=UTF-8");
        response.getOutputStream()
                .write(responses.operationOutcome(problems, encoding).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The encoding a client asked for: {@code _format} in the query string (never the body: reading a form or
     * multipart body's parameters would parse it), then {@code Accept}, then the body's media type.
     */
    public FhirEncoding acceptedEncoding(HttpServletRequest request) {
        return FhirEncoding.fromName(queryParameter(request, "_format"))
                .or(() -> FhirEncoding.fromName(request.getHeader("Accept")))
                .or(() -> FhirEncoding.fromName(request.getContentType()))
                .orElse(FhirEncoding.JSON);
    }
}
