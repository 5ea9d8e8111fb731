package org.certhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.certhub.routes.signing.IssuerIdentity;
import org.certhub.routes.signing.StatusLists;
import org.certhub.signer.w3c.BitstringStatusList;
import org.certhub.testdata.VcInteropTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hub's W3C credentials judged by an implementation not written here: digitalbazaar's vc 7 with the
 * Ed25519Signature2020 suite (tools/vc-interop), loading the vaccination context, the did:web key and the status
 * list from the running hub.
 */
class W3cInteropIT extends HubTestSupport {

    @Autowired
    IssuerIdentity issuer;

    @Autowired
    StatusLists lists;

    @TempDir
    Path work;

    @Test
    void theVaccinationContextIsServedImmutableWithItsPublishedDigest() throws Exception {
        HttpResponse<String> context = get("/credentials/vaccination/v1");

        assertThat(context.statusCode()).isEqualTo(200);
        assertThat(context.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/ld+json"));
        assertThat(context.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(context.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache).contains("immutable"));
        byte[] sha256 =
                MessageDigest.getInstance("SHA-256").digest(context.body().getBytes(StandardCharsets.UTF_8));
        assertThat(context.headers().firstValue("Content-Digest"))
                .hasValue("sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":");
        assertThat(Files.readString(Path.of("..", "docs", "credentials.md")))
                .as("the digest published in the docs")
                .contains(HexFormat.of().formatHex(sha256));
        assertThat(json(context).get("@context").has("@vocab")).isFalse();
    }

    @Test
    void digitalbazaarsVerifierAcceptsAHubCredentialAndRefusesATamperedOne() throws Exception {
        JsonNode credential = issuedCredential();
        assertThat(credential.get("@context").toString()).contains(issuer.baseUrl() + "/credentials/vaccination/v1");

        assertThat(verifiedByReferenceStack(credential).get("verified").asBoolean())
                .as("the hub's credential")
                .isTrue();

        ObjectNode tampered = credential.deepCopy();
        ((ObjectNode) tampered.get("credentialSubject")).put("name", "Someone Else");
        assertThat(verifiedByReferenceStack(tampered).get("verified").asBoolean())
                .as("a changed name")
                .isFalse();
    }

    @Test
    void aRevokedCredentialIsRevokedInTheSignedStatusListForBothVerifiers() throws Exception {
        JsonNode credential = issuedCredential();
        JsonNode status = credential.get("credentialStatus");
        assertThat(status.get("type").asText()).isEqualTo("BitstringStatusListEntry");
        assertThat(status.get("statusPurpose").asText()).isEqualTo("revocation");
        String listUrl = status.get("statusListCredential").asText();
        assertThat(listUrl).startsWith(issuer.baseUrl() + "/credentials/status/");
        HttpResponse<String> list = get(listUrl.substring(issuer.baseUrl().length()));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(list.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(json(list).get("type").toString()).contains("BitstringStatusListCredential");
        assertThat(verifiedByReferenceStack(credential).get("revoked").asBoolean())
                .isFalse();
        int index = status.get("statusListIndex").asInt();
        assertThat(ownBitAndSignedBit(listUrl, index)).containsExactly(false, false);
        assertThat(lists.ownListBit(listUrl, "did:web:elsewhere.example", index))
                .as("a credential of another issuer naming the hub's list")
                .isEmpty();

        String certificateId =
                credential.get("evidence").get(0).get("certificateId").asText();
        assertThat(send("POST", "/api/v1/admin/certificates/" + certificateId + "/revoke", null, "X-API-Key", ADMIN_KEY)
                        .statusCode())
                .isEqualTo(200);

        JsonNode afterRevocation = verifiedByReferenceStack(credential);
        assertThat(afterRevocation.get("verified").asBoolean()).isFalse();
        assertThat(afterRevocation.get("revoked").asBoolean())
                .as("read from the list by the reference stack")
                .isTrue();
        JsonNode ours = json(post("/api/v1/verify", "text/plain", credential.toString(), null));
        assertThat(ours.get("reason").asText()).isEqualTo("revoked");
        assertThat(ownBitAndSignedBit(listUrl, index))
                .as("the hub's verifier reads its own lists' bits from the store: the same as the signed list")
                .containsExactly(true, true);
    }

    private List<Boolean> ownBitAndSignedBit(String listUrl, int index) {
        String encoded = json(get(listUrl.substring(issuer.baseUrl().length())))
                .at("/credentialSubject/encodedList")
                .asText();
        return List.of(
                lists.ownListBit(listUrl, issuer.did(), index).orElseThrow(),
                BitstringStatusList.isSet(encoded, index));
    }

    @Test
    void unknownStatusListsAreNotFound() {
        assertThat(get("/credentials/status/999999").statusCode()).isEqualTo(404);
        assertThat(get("/credentials/status/x1").statusCode()).isEqualTo(404);
    }

    private JsonNode issuedCredential() {
        HttpResponse<String> accepted =
                post("/fhir/r4", "application/fhir+json", example("immunization-bundle.json"), API_KEY);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String certificateId = awaitCertified(json(accepted).get("id").asText());
        return json(get("/api/v1/certificates/" + certificateId + "/w3c-vc"));
    }

    private JsonNode verifiedByReferenceStack(JsonNode credential) throws Exception {
        Path file = Files.createTempFile(work, "credential", ".json");
        Files.writeString(file, credential.toString());
        String out = VcInteropTool.run(
                "verify-hub-credential.js", "http://localhost:" + port, issuer.baseUrl(), file.toString());
        return JSON.readTree(out);
    }
}
