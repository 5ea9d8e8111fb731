package org.certhub.signer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.KeyStoreSigningKeyProvider;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.w3c.Ed25519Keys;
import org.certhub.signer.w3c.Multibase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicKeyDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void jwksPublishesEveryKeyOfEveryPurposeWithoutPrivateParts() throws Exception {
        KeyStoreSigningKeyProvider keys = KeyStoreSigningKeyProvider.openOrCreate(dir, null);
        keys.rotate(KeyPurpose.W3C_VC);
        List<SigningKey> all = new ArrayList<>();
        for (KeyPurpose purpose : KeyPurpose.values()) {
            all.addAll(keys.keys(purpose));
        }

        String jwks = PublicKeyDocuments.jwks(keys);

        JWKSet set = JWKSet.parse(jwks);
        assertThat(set.getKeys()).hasSize(all.size()).isNotEmpty();
        for (SigningKey key : all) {
            assertThat(set.getKeyByKeyId(key.kid())).as(key.toString()).isNotNull();
            assertThat(set.getKeyByKeyId(key.kid()).isPrivate()).isFalse();
            assertThat(set.getKeyByKeyId(key.kid()).getKeyUse().identifier()).isEqualTo("sig");
        }
        SigningKey w3c = keys.activeKey(KeyPurpose.W3C_VC);
        OctetKeyPair okp = (OctetKeyPair) set.getKeyByKeyId(w3c.kid());
        assertThat(okp.getCurve().getName()).isEqualTo("Ed25519");
        assertThat(okp.getAlgorithm().getName()).isEqualTo("EdDSA");
        assertThat(okp.getDecodedX()).isEqualTo(Ed25519Keys.raw(w3c.publicKey()));
        SigningKey dsc = keys.activeKey(KeyPurpose.EU_DCC);
        assertThat(set.getKeyByKeyId(dsc.kid()).getX509CertChain()).hasSize(2);
        assertThat(set.getKeyByKeyId(dsc.kid()).getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(set.getKeyByKeyId(keys.activeKey(KeyPurpose.SHC).kid()).getX509CertChain()).isNull();
        assertThat(jwks).doesNotContain("\"d\"");
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
            byte[] multicodec = Multibase.decodeBase58Btc(method.get("publicKeyMultibase").asText());
            assertThat(multicodec).hasSize(34).startsWith((byte) 0xed, (byte) 0x01);
            assertThat(java.util.Arrays.copyOfRange(multicodec, 2, 34)).isEqualTo(Ed25519Keys.raw(key.publicKey()));
            assertThat(document.get("assertionMethod").toString()).contains("\"" + id + "\"");
        }
    }
}
