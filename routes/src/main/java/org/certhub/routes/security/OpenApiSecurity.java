package org.certhub.routes.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.ParamDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;
import org.apache.camel.model.rest.SecurityDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.certhub.routes.security.AccessRules.Rule;
import org.certhub.routes.security.AccessRules.Who;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The access table ({@link AccessRules}) in the OpenAPI document: the credentials the hub takes are declared once
 * as security schemes, and every REST operation lists those its row admits (none for a public row). A row that
 * admits citizens by link documents the {@code code} of SMS links; a row that lets the admin correct a sender's
 * record documents {@code sender}.
 */
@Component
public class OpenApiSecurity implements CamelContextConfiguration {

    static final String API_KEY = "apiKey";
    static final String BEARER = "bearer";
    static final String CITIZEN_LINK = "citizenLink";

    /** The access table in its order, each row's path pattern parsed once. */
    private final Map<Rule, PathPattern> rules = AccessRules.load().stream()
            .collect(Collectors.toMap(
                    rule -> rule,
                    rule -> PathPatternParser.defaultInstance.parse(rule.path()),
                    (a, b) -> a,
                    LinkedHashMap::new));

    /**
     * Once the routes are in the model and before Camel starts: the OpenAPI processor renders the document once,
     * when its route is initialised.
     */
    @Override
    public void beforeApplicationStart(CamelContext camel) {
        List<RestDefinition> rests =
                camel.getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions();
        if (rests.isEmpty()) {
            return;
        }
        declareSchemes(rests.get(0));
        for (RestDefinition rest : rests) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = join(rest.getPath(), verb.getPath());
                rule(verb.asVerb(), path).ifPresent(rule -> document(verb, rule));
            }
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {}

    private static void declareSchemes(RestDefinition rest) {
        if (rest.getSecurityDefinitions() != null) {
            return;
        }
        rest.securityDefinitions()
                .apiKey(API_KEY, "a sending system's, the reviewer's or the admin's API key")
                .withHeader(PresentedCredentials.KEY_HEADER)
                .end()
                .bearerToken(
                        BEARER,
                        "an API key (as DIVOC clients send it), a citizen session token, or an OIDC access token (JWT)")
                .apiKey(CITIZEN_LINK, "the token of a certificate's link (an SMS link also needs its code: &code=)")
                .withQuery("token")
                .end()
                .end();
    }

    private static void document(VerbDefinition verb, Rule rule) {
        if (rule.admitsAnyone() || rule.who().equals(Set.of(Who.NOBODY))) {
            return;
        }
        if (rule.who().stream().anyMatch(who -> who != Who.CITIZEN && who != Who.OWN_CITIZEN && who != Who.NOBODY)) {
            require(verb, API_KEY);
        }
        require(verb, BEARER);
        if (rule.who().contains(Who.OWN_CITIZEN) && "get".equals(verb.asVerb())) {
            require(verb, CITIZEN_LINK);
            param(verb, "code", "with a link sent by SMS: the short code the SMS carries");
        }
        boolean adminCorrects = !"get".equals(verb.asVerb())
                && rule.who().contains(Who.ADMIN)
                && (rule.who().contains(Who.SENDER) || rule.who().contains(Who.OWN_SENDER));
        if (adminCorrects) {
            param(verb, TrustedHeaders.ADMIN_SENDER_PARAMETER, "the admin only: the sender whose record is corrected");
        }
    }

    private static void require(VerbDefinition verb, String scheme) {
        if (verb.getSecurity().stream().noneMatch(s -> scheme.equals(s.getKey()))) {
            SecurityDefinition security = new SecurityDefinition();
            security.setKey(scheme);
            verb.getSecurity().add(security);
        }
    }

    private static void param(VerbDefinition verb, String name, String description) {
        if (verb.getParams().stream().noneMatch(p -> name.equals(p.getName()))) {
            ParamDefinition param = new ParamDefinition();
            param.setName(name);
            param.setType(RestParamType.query);
            param.setRequired(false);
            param.setDescription(description);
            param.setDataType("string");
            verb.getParams().add(param);
        }
    }

    /** The access table's row for a served operation: the first whose method and path pattern match. */
    private Optional<Rule> rule(String method, String path) {
        PathContainer served = PathContainer.parsePath(path);
        return rules.entrySet().stream()
                .filter(row -> row.getKey().method().equals("*")
                        || row.getKey().method().equalsIgnoreCase(method))
                .filter(row -> row.getValue().matches(served))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static String join(String base, String path) {
        String joined = (base == null ? "" : base) + (path == null ? "" : (path.startsWith("/") ? path : "/" + path));
        return joined.replaceAll("/+$", "").replaceAll("//+", "/");
    }
}
