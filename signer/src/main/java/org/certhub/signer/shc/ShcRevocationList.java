package org.certhub.signer.shc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A key's card revocation list as the SMART Health Cards specification publishes it at
 * {@code [iss]/.well-known/crl/[kid].json}: {@code {"kid", "method": "rid", "ctr", "rids": [...]}}.
 *
 * @param ctr  how many times the list was updated, starting at 1; the key's {@code crlVersion} in the JWK set
 * @param rids the revoked cards' {@code vc.rid} values
 */
public record ShcRevocationList(String kid, long ctr, List<String> rids) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ShcRevocationList {
        Objects.requireNonNull(kid, "kid");
        rids = List.copyOf(rids);
        if (ctr < 1) {
            throw new IllegalArgumentException("a revocation list counter starts at 1");
        }
    }

    public String json() {
        ObjectNode crl =
                JSON.createObjectNode().put("kid", kid).put("method", "rid").put("ctr", ctr);
        rids.forEach(crl.putArray("rids")::add);
        return crl.toString();
    }
}
