package org.certhub.routes.wiring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.Set;
import org.certhub.connectors.id.match.MatchRule;
import org.certhub.connectors.id.match.MatchSettings;
import org.certhub.connectors.id.rest.NotFoundHandling;
import org.certhub.connectors.id.rest.RestIdVerifierSettings;
import org.certhub.model.Identifier.IdentifierType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code certhub.connectors.id.*}: the identity check before certification ({@code provider}: none, rest). */
@Validated
@ConfigurationProperties("certhub.connectors.id")
public record IdConnectorProperties(@DefaultValue("none") @Pattern(regexp = "none|rest") String provider,
                                    @Valid Rest rest) {

    public record Rest(@Valid ConnectorHttp http, String method, String bodyTemplate, Map<String, String> queryParameters,
                       IdentifierType identifierType, String identifierSystem, String verdictPath, Set<String> verifiedValues,
                       String namePath, String birthDatePath, String referencePath, Match match,
                       Set<Integer> notFoundStatuses, NotFoundHandling notFound) {

        public RestIdVerifierSettings settings() {
            if (http == null) {
                throw new IllegalStateException("certhub.connectors.id.rest.http.url is required for the rest ID verifier");
            }
            MatchSettings matching = match == null ? MatchSettings.DEFAULT
                    : new MatchSettings(match.name(), match.nameThreshold(), match.birthDate(), match.birthDateToleranceDays());
            return new RestIdVerifierSettings(http.settings("certhub.connectors.id.rest.http"), method, bodyTemplate,
                    queryParameters, identifierType, identifierSystem, verdictPath, verifiedValues, namePath, birthDatePath,
                    referencePath, matching, notFoundStatuses, notFound);
        }
    }

    public record Match(@DefaultValue("normalised") MatchRule name, @DefaultValue("0.92") double nameThreshold,
                        @DefaultValue("normalised") MatchRule birthDate, @DefaultValue("0") int birthDateToleranceDays) {
    }
}
