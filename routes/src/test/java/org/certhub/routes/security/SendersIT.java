package org.certhub.routes.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certhub.routes.HubTestSupport;
import org.junit.jupiter.api.Test;

/**
 * One identity per sending system: records are keyed by sender, a sender reads and changes only its own, keys
 * rotate with an overlap and die with their sender, programmes limit what a sender certifies; the audit trail
 * keeps every such change; a mailed link opens its certificate and nothing else.
 */
class SendersIT extends HubTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate namedJdbc;

    private static final Pattern LINK =
            Pattern.compile("(/api/v1/certificates/([0-9a-f-]{36})/certificate\\.pdf\\?token=[A-Za-z0-9._%-]+)");

    @Test
    void anotherSenderPostingTheSameIdentifierMakesItsOwnRecordAndCannotTouchTheFirst() {
        String record = "IMM-" + UUID.randomUUID();
        String hospitalB = "hospital-b-" + UUID.randomUUID().toString().substring(0, 8);
        String keyB = json(admin(
                        "POST", "/api/v1/admin/senders", "{\"id\":\"" + hospitalB + "\",\"name\":\"Hospital B\"}"))
                .get("apiKey")
                .asText();

        String eventA = json(post("/fhir/r4", "application/fhir+json", bundle(record, "completed", "Erika"), API_KEY))
                .get("id")
                .asText();
        String certificateA = awaitCertified(eventA);

        // B cannot retract A's record: for B there is no such record
        HttpResponse<String> retraction =
                post("/fhir/r4", "application/fhir+json", bundle(record, "entered-in-error", "Erika"), keyB);
        assertThat(retraction.statusCode()).isEqualTo(422);
        assertThat(json(get("/api/v1/certificates/" + certificateA))
                        .get("status")
                        .asText())
                .isEqualTo("issued");

        // B sends the same identifier with other content: its own record, not a correction of A's
        HttpResponse<String> postedByB =
                post("/fhir/r4", "application/fhir+json", bundle(record, "completed", "Mallory"), keyB);
        assertThat(postedByB.statusCode()).isEqualTo(202);
        String eventB = json(postedByB).get("id").asText();
        assertThat(eventB).isNotEqualTo(eventA);
        assertThat(json(post("/fhir/r4", "application/fhir+json", bundle(record, "completed", "Erika"), API_KEY))
                        .get("entries")
                        .get(0)
                        .get("outcome")
                        .asText())
                .isEqualTo("duplicate");

        // B can neither read A's records nor revoke them through DIVOC
        assertThat(send("GET", "/api/v1/events/" + eventA, null, "X-API-Key", keyB)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/certificates/" + certificateA, null, "X-API-Key", keyB)
                        .statusCode())
                .isEqualTo(403);
        assertThat(json(get("/api/v1/certificates/" + certificateA))
                        .get("status")
                        .asText())
                .isEqualTo("issued");

        // B's own record is B's: it reads it, A does not
        assertThat(send("GET", "/api/v1/events/" + eventB, null, "X-API-Key", keyB)
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/events/" + eventB).statusCode()).isEqualTo(403);

        // A retracts its own record
        assertThat(post("/fhir/r4", "application/fhir+json", bundle(record, "entered-in-error", "Erika"), API_KEY)
                        .statusCode())
                .isEqualTo(200);
        assertThat(json(get("/api/v1/certificates/" + certificateA))
                        .get("status")
                        .asText())
                .isEqualTo("revoked");
        assertThat(audit("retract")).anySatisfy(row -> {
            assertThat(row.get("targetId").asText()).isEqualTo(eventA);
            assertThat(row.get("actor").asText()).isEqualTo("default");
        });
    }

    @Test
    void anAdminCorrectsASendersRecordNamingTheSenderButMakesNoRecordOfItsOwn() {
        String record = "IMM-" + UUID.randomUUID();
        String eventId = json(post("/fhir/r4", "application/fhir+json", bundle(record, "completed", "Erika"), API_KEY))
                .get("id")
                .asText();
        String first = awaitCertified(eventId);

        HttpResponse<String> unnamed = send(
                "POST",
                "/fhir/r4",
                bundle(record, "completed", "Erica"),
                "Content-Type",
                "application/fhir+json",
                "X-API-Key",
                ADMIN_KEY);
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(unnamed.body()).contains("?sender=");

        HttpResponse<String> corrected = send(
                "POST",
                "/fhir/r4?sender=default",
                bundle(record, "completed", "Erica"),
                "Content-Type",
                "application/fhir+json",
                "X-API-Key",
                ADMIN_KEY);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(202);
        assertThat(json(corrected).get("entries").get(0).get("outcome").asText())
                .isEqualTo("changed");
        assertThat(json(corrected).get("id").asText()).isEqualTo(eventId);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> json(get("/api/v1/certificates/" + first))
                        .get("status")
                        .asText()
                        .equals("superseded"));
        assertThat(audit("correct")).anySatisfy(row -> {
            assertThat(row.get("targetId").asText()).isEqualTo(eventId);
            assertThat(row.get("role").asText()).isEqualTo("admin");
        });

        HttpResponse<String> invented = send(
                "POST",
                "/fhir/r4?sender=default",
                bundle("IMM-" + UUID.randomUUID(), "completed", "Erika"),
                "Content-Type",
                "application/fhir+json",
                "X-API-Key",
                ADMIN_KEY);
        assertThat(invented.statusCode()).isEqualTo(404);
    }

    @Test
    void aRotatedKeyWorksForTheOverlapAndADisabledSendersKeysStopAtOnce() {
        String id = "rotating-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created =
                admin("POST", "/api/v1/admin/senders", "{\"id\":\"" + id + "\",\"name\":\"Clinic\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String first = json(created).get("apiKey").asText();
        assertThat(jdbc.queryForList("SELECT key_hash FROM sender_key WHERE sender_id = ?", String.class, id))
                .containsExactly(KeyHashes.hash(first));
        assertThat(admin("POST", "/api/v1/admin/senders", "{\"id\":\"" + id + "\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(post("/api/v1/admin/senders", "application/json", "{\"id\":\"x\"}", first)
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> rotated = admin("POST", "/api/v1/admin/senders/" + id + "/keys", null);
        assertThat(rotated.statusCode()).isEqualTo(200);
        String second = json(rotated).get("apiKey").asText();
        Instant until =
                Instant.parse(json(rotated).get("previousKeysValidUntil").asText());
        assertThat(until).isAfter(Instant.now());
        assertThat(postRecord(first)).isEqualTo(202);
        assertThat(postRecord(second)).isEqualTo(202);
        // the overlap is PT5S in the tests
        await().atMost(Duration.ofSeconds(20)).until(() -> postRecord(first) == 401);
        assertThat(postRecord(second)).isEqualTo(202);

        assertThat(admin("DELETE", "/api/v1/admin/senders/" + id, null).statusCode())
                .isEqualTo(200);
        assertThat(postRecord(second)).isEqualTo(401);
        assertThat(admin("DELETE", "/api/v1/admin/senders/nobody-" + id, null).statusCode())
                .isEqualTo(404);

        assertThat(audit("rotate-sender-key")).anySatisfy(row -> {
            assertThat(row.get("targetId").asText()).isEqualTo(id);
            assertThat(row.get("role").asText()).isEqualTo("admin");
            assertThat(row.get("outcome").asText()).isEqualTo("success");
        });
        assertThat(audit("disable-sender"))
                .anySatisfy(row -> assertThat(row.get("targetId").asText()).isEqualTo(id));
        assertThat(audit("authenticate"))
                .anySatisfy(row -> assertThat(row.get("outcome").asText()).isEqualTo("failed"));
        assertThat(send("GET", "/api/v1/admin/audit", null, "X-API-Key", API_KEY)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/admin/audit?from=yesterday", null, "X-API-Key", ADMIN_KEY)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void failedAuthenticationsAreCountedOnOneRowPerAddressAndWindowAndTheRowsAreBounded() {
        String wrongKeys = "SELECT COUNT(*) AS n, COALESCE(SUM(attempts), 0) AS attempts FROM audit_event"
                + " WHERE action = 'authenticate' AND client_address = '127.0.0.1'";
        var before = jdbc.queryForMap(wrongKeys);
        for (int i = 0; i < 5; i++) {
            assertThat(postRecord("wrong-key-" + i)).isEqualTo(401);
        }
        var after = jdbc.queryForMap(wrongKeys);
        assertThat(((Number) after.get("attempts")).longValue() - ((Number) before.get("attempts")).longValue())
                .isEqualTo(5);
        assertThat(((Number) after.get("n")).longValue() - ((Number) before.get("n")).longValue())
                .as("one row per address and window (two if a window ended in between)")
                .isBetween(0L, 2L);

        // many addresses in one window: at most `addresses` rows of their own, the rest counted on one row
        java.time.Clock farFuture = java.time.Clock.fixed(
                Instant.parse("2101-01-01T00:00:00Z").plusSeconds(new java.util.Random().nextInt(1_000_000) * 3600L),
                java.time.ZoneOffset.UTC);
        org.certhub.routes.security.AuditTrail trail = new org.certhub.routes.security.AuditTrail(
                namedJdbc, farFuture, new org.certhub.routes.security.AuditProperties(Duration.ofHours(1), 3));
        for (int i = 0; i < 10; i++) {
            trail.recordFailedAuthentication("192.0.2." + i);
            trail.recordFailedAuthentication("192.0.2." + i);
        }
        List<org.certhub.routes.security.AuditTrail.Entry> rows =
                trail.between(farFuture.instant(), farFuture.instant().plusSeconds(1), "authenticate", 100);
        assertThat(rows).hasSize(4);
        assertThat(rows.stream()
                        .mapToInt(org.certhub.routes.security.AuditTrail.Entry::attempts)
                        .sum())
                .isEqualTo(20);
        assertThat(rows)
                .filteredOn(row -> row.clientAddress().equals(org.certhub.routes.security.AuditTrail.OTHER_ADDRESSES))
                .singleElement()
                .satisfies(row -> assertThat(row.attempts()).isEqualTo(14));
    }

    @Test
    void aSenderCertifiesOnlyInItsProgrammes() {
        String id = "flu-only-" + UUID.randomUUID().toString().substring(0, 8);
        String key = json(admin(
                        "POST", "/api/v1/admin/senders", "{\"id\":\"" + id + "\",\"programmes\":[\"influenza\"]}"))
                .get("apiKey")
                .asText();
        int events = rows("vaccination_event");
        HttpResponse<String> refused = post(
                "/fhir/r4", "application/fhir+json", bundle("IMM-" + UUID.randomUUID(), "completed", "Erika"), key);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("programme");
        assertThat(rows("vaccination_event")).isEqualTo(events);
    }

    @Test
    void theMailedLinkOpensItsCertificateOnlyAndIsAudited() throws Exception {
        String record = "IMM-" + UUID.randomUUID();
        String eventId = json(post("/fhir/r4", "application/fhir+json", bundle(record, "completed", "Erika"), API_KEY))
                .get("id")
                .asText();
        String certificateId = awaitCertified(eventId);
        MimeMessage mail = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> List.of(MAIL.getReceivedMessages()).stream()
                                .filter(m -> content(m).contains(certificateId))
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
        Matcher link = LINK.matcher(content(mail));
        assertThat(link.find()).isTrue();
        assertThat(link.group(2)).isEqualTo(certificateId);

        HttpResponse<String> opened = send("GET", link.group(1), null);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String token = link.group(1).substring(link.group(1).indexOf("token=") + 6);
        assertThat(send("GET", "/api/v1/certificates/" + certificateId + "?token=" + token, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/api/v1/events/" + eventId + "?token=" + token, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/certificates/" + certificateId + "/certificate.pdf", null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(send(
                                "GET",
                                "/api/v1/certificates/" + certificateId + "/certificate.pdf?token=" + tampered(token),
                                null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(audit("download")).anySatisfy(row -> {
            assertThat(row.get("targetId").asText()).isEqualTo(certificateId);
            assertThat(row.get("role").asText()).isEqualTo("citizen");
        });
    }

    /** The token with one character of its signature changed (not the last, whose low bits base64 may ignore). */
    private static String tampered(String token) {
        int at = token.length() - 5;
        return token.substring(0, at) + (token.charAt(at) == 'x' ? 'y' : 'x') + token.substring(at + 1);
    }

    private int postRecord(String key) {
        return post("/fhir/r4", "application/fhir+json", bundle("IMM-" + UUID.randomUUID(), "completed", "Erika"), key)
                .statusCode();
    }

    private List<JsonNode> audit(String action) {
        HttpResponse<String> answer = send("GET", "/api/v1/admin/audit?action=" + action, null, "X-API-Key", ADMIN_KEY);
        assertThat(answer.statusCode()).isEqualTo(200);
        List<JsonNode> rows = new java.util.ArrayList<>();
        json(answer).get("entries").forEach(rows::add);
        return rows;
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return send(method, path, body, "Content-Type", "application/json", "X-API-Key", ADMIN_KEY);
    }

    private static String bundle(String record, String status, String given) {
        return example("immunization-bundle.json")
                .replace("IMM-2021-000147", record)
                .replace("\"status\": \"completed\"", "\"status\": \"" + status + "\"")
                .replace("\"Erika\"", "\"" + given + "\"");
    }

    private static String content(MimeMessage message) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8)
                    .replace("=\r\n", "")
                    .replace("=3D", "=");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
