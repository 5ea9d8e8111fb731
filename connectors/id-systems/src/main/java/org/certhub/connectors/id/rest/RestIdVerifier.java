package org.certhub.connectors.id.rest;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Expression;
import org.certhub.connectors.http.HttpResult;
import org.certhub.connectors.http.JsonAnswer;
import org.certhub.connectors.http.OutboundHttp;
import org.certhub.connectors.http.RemoteCallException;
import org.certhub.connectors.http.RequestTemplate;
import org.certhub.connectors.id.match.DemographicMatcher;
import org.certhub.connectors.id.spi.IdSystemUnavailableException;
import org.certhub.connectors.id.spi.IdVerification;
import org.certhub.connectors.id.spi.IdVerification.Field;
import org.certhub.connectors.id.spi.IdVerificationRejectedException;
import org.certhub.connectors.id.spi.IdVerificationRequest;
import org.certhub.connectors.id.spi.IdVerifier;
import org.certhub.connectors.id.spi.VerifiedDemographics;
import org.certhub.model.Identifier;
import org.certhub.model.PersonName;
import org.certhub.model.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A generic HTTP JSON ID service ({@code certhub.connectors.id.provider=rest}): sends the recipient's identifier
 * (and, if the template asks, name and birth date) and reads the verdict and the demographics the service holds
 * with JSONPath rules; the demographics must then match the record's by the configured rules.
 */
public final class RestIdVerifier implements IdVerifier {

    public static final String NAME = "rest";

    /** The placeholders a body template or query parameter may use. */
    public static final Set<String> PLACEHOLDERS = Set.of(
            "identifier.value",
            "identifier.system",
            "identifier.type",
            "name",
            "givenNames",
            "familyName",
            "birthDate",
            "eventId",
            "programmeId");

    private static final Logger LOG = LoggerFactory.getLogger(RestIdVerifier.class);

    private final RestIdVerifierSettings settings;
    private final CamelContext camel;
    private final OutboundHttp client;
    private final RequestTemplate template;
    private final DemographicMatcher matcher;
    private final Expression verdictPath;
    private final Expression namePath;
    private final Expression birthDatePath;
    private final Expression referencePath;

    public RestIdVerifier(RestIdVerifierSettings settings, CamelContext camel) {
        this(settings, camel, Clock.systemUTC());
    }

    /** With the clock that times OAuth 2.0 token expiry. */
    public RestIdVerifier(RestIdVerifierSettings settings, CamelContext camel, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.camel = Objects.requireNonNull(camel, "camel");
        this.client = new OutboundHttp(camel, "ID service", settings.http(), clock);
        this.template = settings.requestTemplate();
        this.matcher = new DemographicMatcher(settings.match());
        this.verdictPath = JsonAnswer.compile(camel, settings.verdictPath(), "verdictPath");
        this.namePath = JsonAnswer.compile(camel, settings.namePath(), "namePath");
        this.birthDatePath = JsonAnswer.compile(camel, settings.birthDatePath(), "birthDatePath");
        this.referencePath = JsonAnswer.compile(camel, settings.referencePath(), "referencePath");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public IdVerification verify(IdVerificationRequest request) {
        Objects.requireNonNull(request, "request");
        Recipient recipient = request.recipient();
        Optional<Identifier> identifier = recipient.identifiers().stream()
                .filter(id -> id.type() == settings.identifierType())
                .filter(id -> settings.identifierSystem() == null
                        || settings.identifierSystem().equals(id.system()))
                .filter(id -> !id.value().isBlank())
                .findFirst();
        if (identifier.isEmpty()) {
            LOG.info("event {}: no {} identifier to check", request.eventId(), settings.identifierType());
            return IdVerification.mismatch(NAME, Set.of(Field.IDENTIFIER), null);
        }
        Map<String, String> values = values(request, identifier.get());
        HttpResult result;
        try {
            result = client.send(template.call(values, Map.of()));
        } catch (RemoteCallException e) {
            throw e.isTransient()
                    ? new IdSystemUnavailableException("ID service unavailable: " + e.getMessage(), e)
                    : new IdVerificationRejectedException("ID service refused the credentials: " + e.getMessage(), e);
        }
        if (settings.notFoundStatuses().contains(result.status())) {
            LOG.info("event {}: ID service knows no such identifier ({})", request.eventId(), result.status());
            if (settings.notFound() == NotFoundHandling.MISMATCH) {
                return IdVerification.mismatch(NAME, Set.of(Field.IDENTIFIER), null);
            }
            throw new IdVerificationRejectedException("ID service knows no such identifier: " + result.status());
        }
        if (result.isTransientFailure()) {
            throw new IdSystemUnavailableException("ID service answered " + result.status());
        }
        if (!result.isSuccess()) {
            throw new IdVerificationRejectedException("ID service refused the request: " + result.status());
        }
        IdVerification verification = read(result, recipient);
        LOG.info(
                "event {}: ID check {}{}",
                request.eventId(),
                verification.outcome(),
                verification.mismatches().isEmpty() ? "" : " " + verification.mismatches());
        return verification;
    }

    private IdVerification read(HttpResult result, Recipient recipient) {
        JsonAnswer answer;
        try {
            answer = JsonAnswer.parse(camel, result.body());
        } catch (IllegalArgumentException e) {
            throw new IdVerificationRejectedException("ID service answered " + result.status() + " without JSON", e);
        }
        String verdict = answer.text(verdictPath)
                .orElseThrow(() -> new IdVerificationRejectedException(
                        "ID service answer has no verdict at " + settings.verdictPath()));
        String reference = answer.text(referencePath).orElse(null);
        if (!settings.verifiedValues().contains(verdict.strip().toLowerCase(Locale.ROOT))) {
            return IdVerification.mismatch(NAME, Set.of(Field.IDENTIFIER), reference);
        }
        String verifiedName = answer.text(namePath).orElse(null);
        String verifiedBirthDate = answer.text(birthDatePath).orElse(null);
        Set<Field> mismatches = EnumSet.noneOf(Field.class);
        if (namePath != null && !matcher.namesMatch(fullName(recipient.name()), verifiedName)) {
            mismatches.add(Field.NAME);
        }
        if (birthDatePath != null
                && !matcher.birthDatesMatch(
                        recipient.birthDate() == null
                                ? null
                                : recipient.birthDate().iso(),
                        verifiedBirthDate)) {
            mismatches.add(Field.BIRTH_DATE);
        }
        if (!mismatches.isEmpty()) {
            return IdVerification.mismatch(NAME, mismatches, reference);
        }
        VerifiedDemographics demographics = verifiedName == null && verifiedBirthDate == null
                ? null
                : new VerifiedDemographics(verifiedName, verifiedBirthDate);
        return IdVerification.verified(NAME, demographics, reference);
    }

    private static Map<String, String> values(IdVerificationRequest request, Identifier identifier) {
        Recipient recipient = request.recipient();
        PersonName name = recipient.name();
        Map<String, String> values = new HashMap<>();
        values.put("identifier.value", identifier.value());
        values.put("identifier.system", identifier.system());
        values.put("identifier.type", identifier.type().name());
        values.put("name", fullName(name));
        values.put("givenNames", name == null || name.given().isEmpty() ? null : String.join(" ", name.given()));
        values.put("familyName", name == null ? null : name.family());
        values.put(
                "birthDate",
                recipient.birthDate() == null ? null : recipient.birthDate().iso());
        values.put("eventId", request.eventId());
        values.put("programmeId", request.programmeId());
        return values;
    }

    private static String fullName(PersonName name) {
        if (name == null) {
            return null;
        }
        String full = name.fullName();
        return full.isBlank() ? null : full;
    }
}
