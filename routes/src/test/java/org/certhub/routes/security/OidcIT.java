package org.certhub.routes.security;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.certhub.routes.HubTestSupport;
import org.certhub.routes.OwnStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OIDC bearer tokens beside API keys: tokens signed by a key this test holds, its public half served as a JWK set
 * by a real HTTP server (WireMock); roles from Keycloak's {@code realm_access.roles}, the sender from {@code sender_id}.
 */
@DirtiesContext
class OidcIT extends HubTestSupport {

    private static final String ISSUER = "https://login.example.org/realms/certhub";
    private static final RSAKey KEY = rsaKey("issuer-key");
    private static final RSAKey STRANGER = rsaKey("issuer-key");
    private static final WireMockServer ISSUER_SERVER =
            new WireMockServer(options().dynamicPort());

    @DynamicPropertySource
    static void oidcProperties(DynamicPropertyRegistry registry) {
        ISSUER_SERVER.start();
        ISSUER_SERVER.stubFor(WireMock.get("/realms/certhub/protocol/openid-connect/certs")
                .willReturn(okJson(new JWKSet(KEY.toPublicJWK()).toString())));
        registry.add("certhub.security.oidc.issuer-uri", () -> ISSUER);
        registry.add(
                "certhub.security.oidc.jwk-set-uri",
                () -> ISSUER_SERVER.baseUrl() + "/realms/certhub/protocol/openid-connect/certs");
        OwnStorage.register(registry, "oidc");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER_SERVER.stop();
    }

    @Test
    void aSenderTokenPostsAndReadsItsOwnRecords() {
        String token =
                token(KEY, ISSUER, List.of("sender"), "default", Instant.now().plusSeconds(300));
        HttpResponse<String> posted = send(
                "POST",
                "/fhir/r4",
                example("immunization-bundle.json"),
                "Content-Type",
                "application/fhir+json",
                "Authorization",
                "Bearer " + token);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String eventId = json(posted).get("id").asText();
        assertThat(send("GET", "/api/v1/events/" + eventId, null, "Authorization", "Bearer " + token)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/api/v1/admin/audit", null, "Authorization", "Bearer " + token)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void adminAndReviewerRolesComeFromTheRolesClaim() {
        String admin = token(
                KEY,
                ISSUER,
                List.of("offline_access", "admin"),
                null,
                Instant.now().plusSeconds(300));
        assertThat(send("GET", "/api/v1/admin/audit", null, "Authorization", "Bearer " + admin)
                        .statusCode())
                .isEqualTo(200);
        String reviewer =
                token(KEY, ISSUER, List.of("reviewer"), null, Instant.now().plusSeconds(300));
        assertThat(send("GET", "/api/v1/admin/events?state=held", null, "Authorization", "Bearer " + reviewer)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/api/v1/admin/audit", null, "Authorization", "Bearer " + reviewer)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void tokensThatDoNotHoldAreRefused() {
        Instant later = Instant.now().plusSeconds(300);
        List<String> refused = List.of(
                token(STRANGER, ISSUER, List.of("admin"), null, later),
                token(KEY, "https://elsewhere.example.org", List.of("admin"), null, later),
                token(KEY, ISSUER, List.of("admin"), null, Instant.now().minusSeconds(600)),
                token(KEY, ISSUER, List.of("sender"), "no-such-sender", later),
                token(KEY, ISSUER, List.of("citizen"), null, later));
        for (String token : refused) {
            HttpResponse<String> answer = send("GET", "/api/v1/admin/events", null, "Authorization", "Bearer " + token);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
            assertThat(answer.body()).contains("OperationOutcome");
        }
        // API keys keep working beside OIDC
        assertThat(send("GET", "/api/v1/admin/audit", null, "X-API-Key", ADMIN_KEY)
                        .statusCode())
                .isEqualTo(200);
    }

    private static String token(RSAKey key, String issuer, List<String> roles, String sender, Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("user-1")
                .issueTime(new Date())
                .expirationTime(Date.from(expires))
                .claim("realm_access", Map.of("roles", roles));
        if (sender != null) {
            claims.claim("sender_id", sender);
        }
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
