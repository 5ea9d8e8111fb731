package org.certhub.signer.trust;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.certhub.signer.keys.KeyPurpose;
import org.certhub.signer.keys.SigningKey;
import org.certhub.signer.keys.SigningKeyProvider;
import org.certhub.signer.keys.TrustedKey;
import org.certhub.signer.keys.TrustedKeys;

/**
 * The keys this hub accepts: all of its own (active and retired, asked of the provider on every lookup so
 * that a rotation is seen at once) and other issuers' from the trust folder, read once at construction.
 */
public final class HubTrustedKeys implements TrustedKeys {

    /**
     * @param w3cIssuer the issuer id this hub writes into its W3C VCs (e.g. {@code did:web:certs.example.org})
     * @param shcIssuer the {@code iss} this hub writes into its SMART Health Cards (a URL), or null
     * @param trustDir  the folder of other issuers' keys ({@code CERTHUB_TRUST_DIR}), or null
     */
    public record Settings(String w3cIssuer, String shcIssuer, Path trustDir) {}

    private final SigningKeyProvider own;
    private final Settings settings;
    private final Map<KeyPurpose, List<TrustedKey>> others;

    public HubTrustedKeys(SigningKeyProvider own, Settings settings) {
        this.own = own;
        this.settings = settings;
        this.others = TrustDirectory.load(settings.trustDir());
    }

    @Override
    public List<TrustedKey> find(KeyPurpose purpose, String kid) {
        List<TrustedKey> found = new ArrayList<>(1);
        own.findByKid(purpose, kid)
                .ifPresent(key -> found.add(new TrustedKey(
                        kid,
                        key.publicKey(),
                        ownIssuer(key),
                        key.certificateChain().isEmpty()
                                ? null
                                : key.certificateChain().get(0))));
        for (TrustedKey other : others.get(purpose)) {
            if (other.kid().equals(kid)) {
                found.add(other);
            }
        }
        return found;
    }

    /** How many keys of other issuers the trust folder holds, per purpose (for the startup log). */
    public Map<KeyPurpose, Integer> trustedIssuerKeyCounts() {
        Map<KeyPurpose, Integer> counts = new EnumMap<>(KeyPurpose.class);
        others.forEach((purpose, list) -> counts.put(purpose, list.size()));
        return counts;
    }

    private String ownIssuer(SigningKey key) {
        return switch (key.purpose()) {
            case W3C_VC -> settings.w3cIssuer();
            case SHC -> settings.shcIssuer();
            case EU_DCC ->
                key.certificateChain().isEmpty()
                        ? null
                        : key.certificateChain()
                                .get(0)
                                .getSubjectX500Principal()
                                .getName();
        };
    }
}
