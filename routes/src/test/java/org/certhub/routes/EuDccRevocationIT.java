package org.certhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.certhub.signer.hcert.HcertCodec;
import org.certhub.signer.hcert.Uvci;
import org.junit.jupiter.api.Test;

/**
 * A withdrawn EU DCC, which names its certificate by UVCI only: the hub's verifier answers {@code revoked}, and the
 * public list {@code /.well-known/crl/eu-dcc.json} carries its UCI hash (as the EU's revocation lists do) for
 * verifiers offline, and nothing of the certificates still issued.
 */
class EuDccRevocationIT extends HubTestSupport {

    @Test
    void aRevokedEuDccIsRevokedOnlineAndListedByUciHash() {
        String revoked = certifyFor("dcc-revoked-" + UUID.randomUUID() + "@example.org");
        String kept = certifyFor("dcc-kept-" + UUID.randomUUID() + "@example.org");
        String revokedQr = qrText(revoked, "eu-dcc");
        String keptHash = uciHash(qrText(kept, "eu-dcc"));
        assertThat(verdict(revokedQr).get("valid").asBoolean()).isTrue();

        assertThat(post("/api/v1/admin/certificates/" + revoked + "/revoke", "application/json", "", ADMIN_KEY)
                        .statusCode())
                .isEqualTo(200);

        JsonNode afterRevocation = verdict(revokedQr);
        assertThat(afterRevocation.get("valid").asBoolean()).isFalse();
        assertThat(afterRevocation.get("reason").asText()).isEqualTo("revoked");
        HttpResponse<String> list = get("/.well-known/crl/eu-dcc.json");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        JsonNode hashes = json(list).get("hashes");
        assertThat(json(list).get("hashType").asText()).isEqualTo("UCI");
        assertThat(hashes)
                .extracting(JsonNode::asText)
                .contains(uciHash(revokedQr))
                .doesNotContain(keptHash);
        assertThat(list.body()).doesNotContain("URN:UVCI").doesNotContain(revoked);
    }

    private JsonNode verdict(String qr) {
        return json(post("/api/v1/verify", "text/plain", qr, null));
    }

    private static String uciHash(String hc1) {
        return Uvci.revocationHash(HcertCodec.decode(hc1).payload().certificateIdentifier());
    }
}
