package org.certhub.signer.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.TrustedKey;
import org.certhub.signer.keys.TrustedKeys;

/**
 * Other issuers' keys from trust lists fetched over the network (EU DCC trust lists, {@code jwks.json} of SMART
 * Health Card issuers), one snapshot per source. A refresh replaces its source's snapshot whole; a failed
 * refresh leaves the last good one in place, so an outage of a trust list never empties the trust.
 */
public final class TrustListDownloads implements TrustedKeys {

    /** The formats a trust list may come in. */
    public enum Format {
        /** {@code {"keys":[...]}}: SMART Health Card (EC) and W3C VC (Ed25519, RSA) issuer keys. */
        JWKS,
        /** The EU DCC gateway's DSC list: {@code [{"kid","country","certificateType":"DSC","rawData"}]}. */
        EU_DSC
    }

    private final Map<String, Map<KeyPurpose, List<TrustedKey>>> bySource = new ConcurrentHashMap<>();
    private final EuDscList dscLists;

    /** @param anchors what EU DCC trust lists are checked against (their DSCs' CSCAs, the gateway's signers) */
    public TrustListDownloads(EuDscList.Anchors anchors) {
        this.dscLists = new EuDscList(anchors);
    }

    /**
     * Replaces the keys of one source with those in a freshly fetched list; throws if the list is unreadable.
     *
     * @param issuer the issuer a {@code JWKS} list's keys vouch for (and only for); unused for {@code EU_DSC}
     */
    public int accept(String source, Format format, String issuer, byte[] body) {
        Map<KeyPurpose, List<TrustedKey>> keys = switch (format) {
            case JWKS -> TrustDirectory.parseJwkSet(body, source, issuer);
            case EU_DSC -> dscLists.parse(body, source);
        };
        bySource.put(source, keys);
        return keys.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public List<TrustedKey> find(KeyPurpose purpose, String kid) {
        List<TrustedKey> found = new ArrayList<>(1);
        for (Map<KeyPurpose, List<TrustedKey>> keys : bySource.values()) {
            for (TrustedKey key : keys.getOrDefault(purpose, List.of())) {
                if (key.kid().equals(kid)) {
                    found.add(key);
                }
            }
        }
        return found;
    }

    /** Keys of several trust sources, searched together. */
    public static TrustedKeys combined(TrustedKeys first, TrustedKeys second) {
        return (purpose, kid) -> {
            List<TrustedKey> found = new ArrayList<>(first.find(purpose, kid));
            found.addAll(second.find(purpose, kid));
            return found;
        };
    }
}
