package org.certhub.routes.wiring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.certhub.connectors.id.match.MatchRule;
import org.certhub.connectors.id.match.MatchSettings;
import org.certhub.connectors.id.otp.OtpSettings;
import org.certhub.connectors.id.rest.NotFoundHandling;
import org.certhub.connectors.id.rest.RestIdVerifierSettings;
import org.certhub.model.ContactPoint;
import org.certhub.model.Identifier.IdentifierType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certhub.connectors.id.*}: the identity check before certification ({@code provider}: none, rest, otp or the
 * name of an adapter on {@code loader.path}).
 */
@Validated
@ConfigurationProperties("certhub.connectors.id")
public record IdConnectorProperties(
        @DefaultValue("none") @Pattern(regexp = "[a-z][a-z0-9-]*")
        String provider,

        @Valid Rest rest,
        @Valid Otp otp) {

    public record Rest(
            @Valid ConnectorHttp http,
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
            Match match,
            Set<Integer> notFoundStatuses,
            NotFoundHandling notFound) {

        public RestIdVerifierSettings settings() {
            if (http == null) {
                throw new IllegalStateException(
                        "certhub.connectors.id.rest.http.url is required for the rest ID verifier");
            }
            MatchSettings matching = match == null
                    ? MatchSettings.DEFAULT
                    : new MatchSettings(
                            match.name(), match.nameThreshold(), match.birthDate(), match.birthDateToleranceDays());
            return new RestIdVerifierSettings(
                    http.settings("certhub.connectors.id.rest.http"),
                    method,
                    bodyTemplate,
                    queryParameters,
                    identifierType,
                    identifierSystem,
                    verdictPath,
                    verifiedValues,
                    namePath,
                    birthDatePath,
                    referencePath,
                    matching,
                    notFoundStatuses,
                    notFound);
        }
    }

    public record Match(
            @DefaultValue("normalised") MatchRule name,
            @DefaultValue("0.92") double nameThreshold,
            @DefaultValue("normalised") MatchRule birthDate,
            @DefaultValue("0") int birthDateToleranceDays) {}

    /**
     * One-time codes by SMS ({@code PHONE}) or email.
     *
     * @param hmacSecret at least 32 bytes, the same on every node ({@code CERTHUB_OTP_SECRET})
     */
    public record Otp(
            @DefaultValue("PHONE") ContactPoint.Channel channel,
            @DefaultValue("5m") Duration ttl,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("1m") Duration resendInterval,
            @DefaultValue("3") int maxSends,
            String hmacSecret) {

        public OtpSettings settings() {
            if (hmacSecret == null || hmacSecret.isBlank()) {
                throw new IllegalStateException(
                        "certhub.connectors.id.otp.hmac-secret (CERTHUB_OTP_SECRET) is required for the otp ID verifier");
            }
            return new OtpSettings(ttl, maxAttempts, resendInterval, maxSends, hmacSecret);
        }

        @Override
        public String toString() {
            return "Otp[channel=" + channel + ", ttl=" + ttl + ", maxAttempts=" + maxAttempts + ", hmacSecret=****]";
        }
    }
}
