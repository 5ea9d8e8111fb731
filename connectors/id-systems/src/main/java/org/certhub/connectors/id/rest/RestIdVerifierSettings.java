package org.certhub.connectors.id.rest;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.certhub.connectors.http.HttpSettings;
import org.certhub.connectors.http.JsonAnswer;
import org.certhub.connectors.http.RequestTemplate;
import org.certhub.connectors.id.match.MatchSettings;
import org.certhub.model.Identifier.IdentifierType;

/**
 * Settings of the {@code rest} ID verifier ({@code certhub.connectors.id.rest.*}).
 *
 * @param http             URL, authentication and timeouts
 * @param method           GET, POST or PUT
 * @param bodyTemplate     JSON body with {@code {{placeholder}}} values ({@link RestIdVerifier#PLACEHOLDERS}); null for GET
 * @param queryParameters  query parameter name to placeholder name (URL-encoded), may be empty
 * @param identifierType   which of the recipient's identifiers to check
 * @param identifierSystem when set, only an identifier of this system is checked
 * @param verdictPath      JSONPath of the verdict in the answer
 * @param verifiedValues   verdict values (compared ignoring case) that mean "verified"; anything else is a mismatch
 * @param namePath         JSONPath of the name the ID system holds; when set, it must match the record's
 * @param birthDatePath    JSONPath of the birth date the ID system holds; when set, it must match the record's
 * @param referencePath    JSONPath of the ID system's transaction reference, recorded on the event; optional
 * @param match            how names and birth dates are compared
 * @param notFoundStatuses HTTP statuses that mean "no such identifier" (e.g. 404)
 * @param notFound         whether such an answer is a mismatch or a permanent rejection
 */
public record RestIdVerifierSettings(
        HttpSettings http,
        String method,
        String bodyTemplate,
        Map<String, String> queryParameters,
        IdentifierType identifierType,
        String identifierSystem,
        String verdictPath,
        Set<String> verifiedValues,
        String namePath,
        String birthDatePath,
        String referencePath,
        MatchSettings match,
        Set<Integer> notFoundStatuses,
        NotFoundHandling notFound) {

    public RestIdVerifierSettings {
        Objects.requireNonNull(http, "http");
        method = method == null || method.isBlank() ? "POST" : method.strip().toUpperCase(Locale.ROOT);
        queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters);
        identifierType = identifierType == null ? IdentifierType.NATIONAL_ID : identifierType;
        identifierSystem = identifierSystem == null || identifierSystem.isBlank() ? null : identifierSystem.strip();
        if (verdictPath == null || verdictPath.isBlank()) {
            throw new IllegalArgumentException("verdictPath is required");
        }
        verifiedValues = verifiedValues == null || verifiedValues.isEmpty()
                ? Set.of("verified", "true")
                : verifiedValues.stream()
                        .map(v -> v.strip().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
        match = match == null ? MatchSettings.DEFAULT : match;
        notFoundStatuses = HttpSettings.clientErrorStatuses(notFoundStatuses, Set.of(404), "notFoundStatuses");
        notFound = notFound == null ? NotFoundHandling.MISMATCH : notFound;
        // fail at start-up, not on the first event
        requestTemplate(method, bodyTemplate, queryParameters);
        JsonAnswer.requireValid(verdictPath, "verdictPath");
        JsonAnswer.requireValid(namePath, "namePath");
        JsonAnswer.requireValid(birthDatePath, "birthDatePath");
        JsonAnswer.requireValid(referencePath, "referencePath");
    }

    RequestTemplate requestTemplate() {
        return requestTemplate(method, bodyTemplate, queryParameters);
    }

    private static RequestTemplate requestTemplate(String method, String body, Map<String, String> query) {
        return new RequestTemplate(method, body, query, RestIdVerifier.PLACEHOLDERS);
    }
}
