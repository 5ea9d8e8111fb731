package org.certhub.signer.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.certhub.signer.hcert.DscTrustList;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.KeyStoreSigningKeyProvider;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.keys.TrustedKeys;
import org.certhub.signer.publish.PublicKeyDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustListDownloadsTest {

    @TempDir
    Path otherIssuer;

    @Test
    void anotherIssuersPublishedListsBecomeTrustedKeysAndABrokenRefreshKeepsTheLastGoodOnes() throws Exception {
        KeyStoreSigningKeyProvider other = KeyStoreSigningKeyProvider.openOrCreate(otherIssuer, null);
        SigningKey dsc = other.activeKey(KeyPurpose.EU_DCC);
        SigningKey shc = other.activeKey(KeyPurpose.SHC);
        byte[] dscList = new ObjectMapper().writeValueAsBytes(DscTrustList.of(other.keys(KeyPurpose.EU_DCC)));
        byte[] jwks =
                PublicKeyDocuments.shcJwks(other.keys(KeyPurpose.SHC), kid -> 1).getBytes(StandardCharsets.UTF_8);

        TrustListDownloads downloads = new TrustListDownloads();
        assertThat(downloads.find(KeyPurpose.EU_DCC, dsc.kid())).isEmpty();

        assertThat(downloads.accept("https://trust.example/dsc", TrustListDownloads.Format.EU_DSC, dscList))
                .isEqualTo(1);
        assertThat(downloads.accept(
                        "https://issuer.example/.well-known/jwks.json", TrustListDownloads.Format.JWKS, jwks))
                .isPositive();

        assertThat(downloads.find(KeyPurpose.EU_DCC, dsc.kid()))
                .singleElement()
                .satisfies(key -> assertThat(key.publicKey()).isEqualTo(dsc.publicKey()));
        assertThat(downloads.find(KeyPurpose.SHC, shc.kid()))
                .singleElement()
                .satisfies(key -> assertThat(key.publicKey()).isEqualTo(shc.publicKey()));

        assertThatThrownBy(() -> downloads.accept(
                        "https://trust.example/dsc",
                        TrustListDownloads.Format.EU_DSC,
                        "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(downloads.find(KeyPurpose.EU_DCC, dsc.kid())).hasSize(1);

        TrustedKeys combined = TrustListDownloads.combined((purpose, kid) -> java.util.List.of(), downloads);
        assertThat(combined.find(KeyPurpose.EU_DCC, dsc.kid())).hasSize(1);
    }

    @Test
    void aTrustListEntryWhoseKidDoesNotMatchItsCertificateIsRefused() throws Exception {
        KeyStoreSigningKeyProvider other = KeyStoreSigningKeyProvider.openOrCreate(otherIssuer, null);
        String list = new ObjectMapper()
                .writeValueAsString(DscTrustList.of(other.keys(KeyPurpose.EU_DCC)))
                .replaceFirst("\"kid\":\"[^\"]+\"", "\"kid\":\"AAAAAAAAAAA=\"");
        assertThatThrownBy(() -> new TrustListDownloads()
                        .accept("x", TrustListDownloads.Format.EU_DSC, list.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
