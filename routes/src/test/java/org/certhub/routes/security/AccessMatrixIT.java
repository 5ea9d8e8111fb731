package org.certhub.routes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.certhub.routes.HubTestSupport;
import org.certhub.routes.signing.CitizenTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every HTTP route the hub serves (read from Camel's REST definitions and Spring's request mappings) × every kind
 * of caller × spellings of its path, as real requests against the running hub: each answer must be one the access
 * table ({@code security/access-rules.txt}) allows, and none a 5xx.
 */
class AccessMatrixIT extends HubTestSupport {

    /** Ways to spell a path that a router might read as the same route and a naive check as another one. */
    private static final List<String> SPELLINGS = List.of(
            "canonical",
            "percent-encoded letter",
            "matrix parameter",
            "double slash",
            "dot segment",
            "dot-dot segment",
            "trailing slash",
            "upper case");

    @Autowired
    private CamelContext camel;

    @Autowired
    private ApplicationContext spring;

    @Autowired
    private CitizenTokens citizenTokens;

    private record Route(String method, String path) {}

    /** A caller: its name, the request headers it authenticates with, and whether it owns the sample records. */
    private record Identity(String name, Role role, boolean owner, String[] headers) {}

    @Test
    void everyServedRouteHasARowInTheAccessTable() {
        List<Route> unlisted =
                servedRoutes().stream().filter(route -> row(route) == null).toList();
        assertThat(unlisted)
                .as("served routes with no row in " + AccessRules.RESOURCE)
                .isEmpty();
        assertThat(servedRoutes()).as("routes found").hasSizeGreaterThan(30);
    }

    @Test
    void everyRouteAnswersEachCallerOnlyWhatTheAccessTableAllows() {
        String eventId = json(post("/fhir/r4", "application/fhir+json", example("immunization-bundle.json"), API_KEY))
                .get("id")
                .asText();
        String certificateId = awaitCertified(eventId);
        String otherSenderKey =
                createSender("matrix-other-" + UUID.randomUUID().toString().substring(0, 8));
        String victim = "matrix-victim-" + UUID.randomUUID().toString().substring(0, 8);
        createSender(victim);
        List<Identity> identities = List.of(
                new Identity("anonymous", null, false, new String[0]),
                new Identity("sender", Role.SENDER, true, new String[] {"X-API-Key", API_KEY}),
                new Identity(
                        "another sender", Role.SENDER, false, new String[] {"Authorization", "Bearer " + otherSenderKey
                        }),
                new Identity("admin", Role.ADMIN, true, new String[] {"X-API-Key", ADMIN_KEY}),
                new Identity("citizen link", Role.CITIZEN, true, new String[] {
                    "Authorization", "Bearer " + citizenTokens.link(certificateId)
                }),
                new Identity("reviewer", Role.REVIEWER, false, new String[] {"X-API-Key", REVIEWER_KEY}));
        Map<String, String> values = Map.of("{id}", eventId, "{certificate}", certificateId, "{sender}", victim);

        List<String> violations = new ArrayList<>();
        for (Route route : servedRoutes()) {
            AccessRules.Rule rule = row(route);
            String path = concrete(route.path(), values);
            boolean ownedRecord = path.contains(eventId) || path.contains(certificateId);
            for (Identity identity : identities) {
                Set<Integer> denied = identity.role() == null ? Set.of(401) : Set.of(403);
                boolean admitted = admits(rule, identity, ownedRecord);
                for (String spelling : SPELLINGS) {
                    String spelled = spell(path, spelling);
                    String method = "*".equals(route.method()) ? "GET" : route.method();
                    HttpResponse<String> answer = send(
                            method,
                            spelled,
                            method.equals("GET") || method.equals("DELETE") ? null : "{}",
                            with(identity.headers(), "Content-Type", "application/json"));
                    int status = answer.statusCode();
                    boolean ok;
                    if (status >= 500) {
                        ok = false;
                    } else if (admitted) {
                        ok = !"canonical".equals(spelling) || (status != 401 && status != 403);
                    } else {
                        ok = "canonical".equals(spelling)
                                ? denied.contains(status)
                                : Set.of(400, 401, 403).contains(status);
                    }
                    if (!ok) {
                        violations.add(method + " " + spelled + " as " + identity.name() + " answered " + status
                                + " (row: " + rule.who() + ")");
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Whether the row admits the identity, given whether the path names a record the identity owns. */
    private static boolean admits(AccessRules.Rule rule, Identity identity, boolean ownedRecord) {
        if (rule.admitsAnyone()) {
            return true;
        }
        for (AccessRules.Who who : rule.who()) {
            if (who.role() == null || who.role() != identity.role()) {
                continue;
            }
            if (who == AccessRules.Who.CITIZEN && identity.name().equals("citizen link")) {
                continue; // a plain `citizen` row is for session tokens; a link opens its one certificate only
            }
            boolean own = who == AccessRules.Who.OWN_SENDER || who == AccessRules.Who.OWN_CITIZEN;
            if (!own || !ownedRecord || identity.owner()) {
                return true;
            }
        }
        return false;
    }

    /** Camel's REST routes and Spring's request mappings (actuator, error page), as method and path pattern. */
    private List<Route> servedRoutes() {
        Set<Route> routes = new LinkedHashSet<>();
        for (RestDefinition rest :
                camel.getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String sub = verb.getPath() == null ? "" : verb.getPath();
                routes.add(new Route(verb.asVerb().toUpperCase(Locale.ROOT), rest.getPath() + sub));
            }
        }
        for (RequestMappingInfoHandlerMapping mapping :
                spring.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = new LinkedHashSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add("*");
                }
                for (String pattern : info.getPatternValues()) {
                    String path = pattern.replaceAll("\\{\\*[^}]+}", "**");
                    methods.forEach(method -> routes.add(new Route(method, path)));
                }
            }
        }
        return List.copyOf(routes);
    }

    private static AccessRules.Rule row(Route route) {
        return AccessRules.load().stream()
                .filter(rule -> rule.path().equals(route.path())
                        && (rule.method().equals(route.method())
                                || rule.method().equals("*")))
                .findFirst()
                .orElse(null);
    }

    /** The path with its parameters filled: the sample records where a route reads them, else values naming nothing. */
    private static String concrete(String pattern, Map<String, String> values) {
        String path = pattern.replace("/**", "/liveness");
        if (path.startsWith("/api/v1/events/{id}") || path.startsWith("/api/v1/certificates/{id}")) {
            path = path.replace("/api/v1/certificates/{id}", "/api/v1/certificates/" + values.get("{certificate}"))
                    .replace("{id}", values.get("{id}"));
        } else if (path.startsWith("/api/v1/admin/senders/{id}")) {
            path = path.replace("{id}", values.get("{sender}"));
        }
        return path.replace("{format}", "shc").replaceAll("\\{[^}]+}", "unknown-" + UUID.randomUUID());
    }

    /** The path spelled another way, at its first segment after the version (or its first segment). */
    static String spell(String path, String spelling) {
        List<String> segments = new ArrayList<>(List.of(path.substring(1).split("/", -1)));
        int at = segments.size() > 2 && segments.get(1).equals("v1") ? 2 : segments.size() > 1 ? 1 : 0;
        String segment = segments.get(at);
        switch (spelling) {
            case "canonical" -> {}
            case "percent-encoded letter" ->
                segments.set(at, String.format("%%%02X", (int) segment.charAt(0)) + segment.substring(1));
            case "matrix parameter" -> segments.set(at, segment + ";x");
            case "double slash" -> segments.set(at, "/" + segment);
            case "dot segment" -> segments.set(at, "./" + segment);
            case "dot-dot segment" -> segments.set(at, "x/../" + segment);
            case "trailing slash" -> segments.set(segments.size() - 1, segments.get(segments.size() - 1) + "/");
            case "upper case" -> {
                return "/" + String.join("/", segments).toUpperCase(Locale.ROOT);
            }
            default -> throw new IllegalArgumentException(spelling);
        }
        return "/" + String.join("/", segments);
    }

    private String createSender(String id) {
        HttpResponse<String> created = send(
                "POST",
                "/api/v1/admin/senders",
                "{\"id\":\"" + id + "\",\"name\":\"" + id + "\"}",
                "Content-Type",
                "application/json",
                "X-API-Key",
                ADMIN_KEY);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("apiKey").asText();
    }

    private static String[] with(String[] headers, String... more) {
        List<String> all = new ArrayList<>(List.of(headers));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
