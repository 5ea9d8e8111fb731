package org.certhub.signer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.file.Path;
import java.util.List;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.KeyStoreSigningKeyProvider;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.shc.ShcFormat;
import org.certhub.signer.w3c.Ed25519Keys;
import org.certhub.signer.w3c.Multibase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicKeyDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void jwksPublishesOnlyTheShcKeysNamedByTheirThumbprintsWithTheirCrlVersions() throws Exception {
        KeyStoreSigningKeyProvider keys = KeyStoreSigningKeyProvider.openOrCreate(dir, null);
        keys.rotate(KeyPurpose.SHC);
        List<SigningKey> shc = keys.keys(KeyPurpose.SHC);

        String jwks =
                PublicKeyDocuments.shcJwks(shc, kid -> kid.equals(shc.get(0).kid()) ? 3 : 1);

        JWKSet set = JWKSet.parse(jwks);
        assertThat(set.getKeys()).hasSize(2);
        for (JWK jwk : set.getKeys()) {
            ECKey ec = (ECKey) jwk;
            assertThat(ec.getCurve()).isEqualTo(Curve.P_256);
            assertThat(ec.getKeyID()).isEqualTo(ec.computeThumbprint().toString());
            assertThat(ec.getKeyUse().identifier()).isEqualTo("sig");
            assertThat(ec.getAlgorithm().getName()).isEqualTo("ES256");
            assertThat(ec.getX509CertChain()).isNull();
            assertThat(ec.isPrivate()).isFalse();
        }
        JsonNode first = JSON.readTree(jwks).get("keys").get(0);
        assertThat(first.get("kid").asText())
                .isEqualTo(ShcFormat.thumbprintOf(shc.get(0).publicKey()));
        assertThat(first.get("crlVersion").asLong()).isEqualTo(3);
        assertThat(JSON.readTree(jwks).get("keys").get(1).get("crlVersion").asLong())
                .isEqualTo(1);
        assertThat(jwks)
                .doesNotContain(
                        "\"d\"",
                        keys.activeKey(KeyPurpose.W3C_VC).kid(),
                        keys.activeKey(KeyPurpose.EU_DCC).kid());
        assertThatThrownBy(() -> PublicKeyDocuments.shcJwks(keys.keys(KeyPurpose.W3C_VC), kid -> 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void didDocumentListsEachW3cKeyAsAnAssertionMethod() throws Exception {
        KeyStoreSigningKeyProvider keys = KeyStoreSigningKeyProvider.openOrCreate(dir, null);
        keys.rotate(KeyPurpose.W3C_VC);
        String did = "did:web:certs.example.org";

        JsonNode document = JSON.readTree(PublicKeyDocuments.didDocument(did, keys.keys(KeyPurpose.W3C_VC)));

        assertThat(document.get("id").asText()).isEqualTo(did);
        assertThat(document.get("@context").get(0).asText()).isEqualTo("https://www.w3.org/ns/did/v1");
        assertThat(document.get("verificationMethod")).hasSize(2);
        for (SigningKey key : keys.keys(KeyPurpose.W3C_VC)) {
            String id = did + "#" + key.kid();
            JsonNode method = null;
            for (JsonNode candidate : document.get("verificationMethod")) {
                if (candidate.get("id").asText().equals(id)) {
                    method = candidate;
                }
            }
            assertThat(method).as(id).isNotNull();
            assertThat(method.get("type").asText()).isEqualTo("Ed25519VerificationKey2020");
            assertThat(method.get("controller").asText()).isEqualTo(did);
            byte[] multicodec =
                    Multibase.decodeBase58Btc(method.get("publicKeyMultibase").asText());
            assertThat(multicodec).hasSize(34).startsWith((byte) 0xed, (byte) 0x01);
            assertThat(java.util.Arrays.copyOfRange(multicodec, 2, 34)).isEqualTo(Ed25519Keys.raw(key.publicKey()));
            assertThat(document.get("assertionMethod").toString()).contains("\"" + id + "\"");
        }
    }

    @Test
    void developmentKeysAreMarkedAsSuchAndOtherKeysAreNot() throws Exception {
        KeyStoreSigningKeyProvider keys = KeyStoreSigningKeyProvider.openOrCreate(dir, null);
        SigningKey developmentShc = keys.activeKey(KeyPurpose.SHC);
        java.security.KeyPair pair = org.certhub.signer.keys.KeyMaterial.p256();
        SigningKey ministryShc = new SigningKey(
                "ministry",
                KeyPurpose.SHC,
                pair.getPrivate(),
                pair.getPublic(),
                List.of(org.certhub.signer.keys.KeyMaterial.selfSigned(
                        pair,
                        "CN=shc,O=Ministry of Health,C=IN",
                        java.time.Instant.now(),
                        java.time.Duration.ofDays(9),
                        false)),
                null,
                java.time.Instant.now(),
                true);

        JsonNode jwks = JSON.readTree(PublicKeyDocuments.shcJwks(List.of(developmentShc, ministryShc), kid -> 1));
        JsonNode did = JSON.readTree(
                PublicKeyDocuments.didDocument("did:web:certs.example.org", keys.keys(KeyPurpose.W3C_VC)));

        assertThat(jwks.get("keys")
                        .get(0)
                        .get(PublicKeyDocuments.DEVELOPMENT_MARKER)
                        .asBoolean())
                .isTrue();
        assertThat(jwks.get("keys").get(1).has(PublicKeyDocuments.DEVELOPMENT_MARKER))
                .isFalse();
        assertThat(did.get("verificationMethod")
                        .get(0)
                        .get(PublicKeyDocuments.DEVELOPMENT_MARKER)
                        .asBoolean())
                .isTrue();
        assertThat(JWKSet.parse(jwks.toString()).getKeys()).hasSize(2);
    }
}
