package org.certhub.signer.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.certhub.signer.SignedCredential;
import org.certhub.signer.TestCertificates;
import org.certhub.signer.VerificationResult;
import org.certhub.signer.VerificationResult.Reasons;
import org.certhub.signer.trust.HubTrustedKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BitstringStatusListTest {

    private static final Instant NOW = Instant.parse("2022-01-01T00:00:00Z");
    private static final String LISTS = "https://certs.example.org/credentials/status/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final W3cVcFixture fixture = W3cVcFixture.shared();

    private final Map<String, Long> indexes = new HashMap<>();
    private final Set<Integer> revoked = new HashSet<>();
    private final W3cVcFormat format = new W3cVcFormat(
            fixture.settings(),
            fixture.keys(),
            LISTS,
            id -> indexes.computeIfAbsent(id, k -> BitstringStatusList.LIST_SIZE + 5L + indexes.size()));

    @Test
    void indexZeroIsTheFirstBytesHighBitAndTheListHasTheSpecifiedSize() throws Exception {
        String encoded = BitstringStatusList.encode(List.of(0, 9, BitstringStatusList.LIST_SIZE - 1));

        assertThat(encoded).startsWith("u");
        byte[] bits = new GZIPInputStream(
                        new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))
                .readAllBytes();
        assertThat(bits).hasSize(16 * 1024);
        assertThat(bits[0]).isEqualTo((byte) 0x80);
        assertThat(bits[1]).isEqualTo((byte) 0x40);
        assertThat(bits[bits.length - 1]).isEqualTo((byte) 0x01);
        assertThat(BitstringStatusList.isSet(encoded, 9)).isTrue();
        assertThat(BitstringStatusList.isSet(encoded, 8)).isFalse();
        assertThatThrownBy(() -> BitstringStatusList.isSet(encoded, BitstringStatusList.LIST_SIZE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitstringStatusList.isSet("zNotBase64url", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCredentialNamesItsListAndPositionAndTheListCredentialVerifies() throws Exception {
        JsonNode status = JSON.readTree(
                        format.sign(TestCertificates.secondDose()).document())
                .get("credentialStatus");

        assertThat(status.get("type").asText()).isEqualTo("BitstringStatusListEntry");
        assertThat(status.get("statusPurpose").asText()).isEqualTo("revocation");
        assertThat(status.get("statusListIndex").asText()).isEqualTo("5");
        assertThat(status.get("statusListCredential").asText()).isEqualTo(LISTS + "1");
        assertThat(status.get("id").asText()).isEqualTo(LISTS + "1#5");
        String list = format.signStatusList(1, Set.of(5), NOW);
        assertThat(fixture.verifier().verify(list, NOW).valid())
                .as("the list is itself a valid credential")
                .isTrue();
    }

    @Test
    void theVerifierReadsTheBitFromTheSignedList() {
        SignedCredential signed = format.sign(TestCertificates.secondDose());
        W3cVcVerifier verifier = verifierReading(format);

        assertThat(verifier.verify(signed.qrText(), NOW).valid()).isTrue();
        revoked.add(5);
        VerificationResult result = verifier.verify(signed.qrText(), NOW);
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo(Reasons.REVOKED);
        assertThat(result.certificateId()).isEqualTo("CH-2021-000042");
    }

    @Test
    void aListSignedByAnotherKeyLeavesTheStatusUnavailable(@TempDir Path otherKeys) {
        SignedCredential signed = format.sign(TestCertificates.secondDose());
        W3cVcFixture other = W3cVcFixture.create(otherKeys);
        W3cVcFormat forger = new W3cVcFormat(other.settings(), other.keys(), LISTS, id -> 5);

        VerificationResult result = verifierReading(forger).verify(signed.qrText(), NOW);

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo(Reasons.STATUS_UNAVAILABLE);
    }

    @Test
    void aSourceKeepingTheListItselfGivesTheBitWithNoSignedList() {
        SignedCredential signed = format.sign(TestCertificates.secondDose());
        List<String> asked = new ArrayList<>();
        StatusListSource ownLists = new StatusListSource() {
            @Override
            public Optional<String> statusListCredential(String url) {
                throw new AssertionError("the signed list was read: " + url);
            }

            @Override
            public Optional<Boolean> ownListBit(String url, String issuer, int index) {
                asked.add(url + " " + issuer + " " + index);
                return Optional.of(revoked.contains(index));
            }
        };
        W3cVcVerifier verifier = new W3cVcVerifier(
                new HubTrustedKeys(fixture.keys(), new HubTrustedKeys.Settings(W3cVcFixture.ISSUER, null, null)),
                fixture.settings().contextUrl(),
                ownLists);

        assertThat(verifier.verify(signed.qrText(), NOW).valid()).isTrue();
        revoked.add(5);
        assertThat(verifier.verify(signed.qrText(), NOW).reason()).isEqualTo(Reasons.REVOKED);
        assertThat(asked).containsOnly(LISTS + "1 " + W3cVcFixture.ISSUER + " 5");
    }

    private W3cVcVerifier verifierReading(W3cVcFormat listSigner) {
        StatusListSource lists = url ->
                url.equals(LISTS + "1") ? Optional.of(listSigner.signStatusList(1, revoked, NOW)) : Optional.empty();
        return new W3cVcVerifier(
                new HubTrustedKeys(fixture.keys(), new HubTrustedKeys.Settings(W3cVcFixture.ISSUER, null, null)),
                fixture.settings().contextUrl(),
                lists);
    }
}
